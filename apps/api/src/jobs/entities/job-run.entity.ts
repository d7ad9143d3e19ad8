import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobOutcome, JobTrigger } from '@app/contracts';
import { TIMESTAMP } from '../../database/columns';

/** Every run of every job, skipped ones included. `outcome` is null while the run lasts (or if its process died). */
@Entity('job_runs')
@Index('IDX_job_runs_job_id', ['job', 'id'])
@Index('IDX_job_runs_outcome_id', ['outcome', 'id'])
export class JobRun {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  job!: string;

  @Column({ type: 'varchar', length: 128 })
  instance!: string;

  // `trigger` is a reserved word in MySQL/MariaDB.
  @Column({ name: 'run_trigger', type: 'varchar', length: 16 })
  trigger!: JobTrigger;

  @Column(TIMESTAMP)
  startedAt!: Date;

  @Column({ ...TIMESTAMP, nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: JobOutcome | null;

  /** What the run did, as JSON (e.g. {"mailed":3,"skippedNoEmail":1}). */
  @Column({ type: 'text', nullable: true })
  counts!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
