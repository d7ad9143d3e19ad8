import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../../database/columns';

/**
 * One row per job name: who runs it now and until when. Taken and renewed only by conditional statements, so of
 * several instances only one can hold it; a holder that died loses it when `expiresAt` passes.
 */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  job!: string;

  /** The instance (host:pid:random) that took it last; kept after release for the record. */
  @Column({ type: 'varchar', length: 128 })
  holder!: string;

  /** A fresh random token per run: renewal and release touch the lease only while this run still holds it. */
  @Column({ type: 'varchar', length: 36 })
  token!: string;

  @Column(TIMESTAMP)
  acquiredAt!: Date;

  /** Free once this instant has passed (release sets it to the release time). */
  @Column(TIMESTAMP)
  expiresAt!: Date;
}
