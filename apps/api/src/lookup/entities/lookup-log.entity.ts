import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LookupLogMode } from '@app/contracts';
import type { LookupKind } from '@app/domain';
import { TIMESTAMP } from '../../database/columns';

/**
 * One public lookup query: who (account or client address), how (mode, kind, which fields were given) and how many
 * certificates it found — never the searched values.
 */
@Entity('lookup_logs')
@Index('IDX_lookup_logs_day_mode', ['day', 'mode'])
@Index('IDX_lookup_logs_account_day', ['accountId', 'day'])
export class LookupLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column(TIMESTAMP)
  at!: Date;

  /** Beijing day of `at`, so daily counts group on an indexed column. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'int', nullable: true })
  accountId!: number | null;

  @Column({ type: 'varchar', length: 64 })
  clientAddress!: string;

  @Column({ type: 'varchar', length: 16 })
  mode!: LookupLogMode;

  @Column({ type: 'varchar', length: 16 })
  kind!: LookupKind;

  /** The field names given, comma-separated in a fixed order (e.g. `certificateNumber,name`). */
  @Column({ type: 'varchar', length: 100 })
  fields!: string;

  @Column({ type: 'int' })
  found!: number;
}
