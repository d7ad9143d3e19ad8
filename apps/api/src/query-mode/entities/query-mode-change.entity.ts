import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LookupKind } from '@app/domain';
import { TIMESTAMP } from '../../database/columns';

export interface ScheduleSnapshot {
  newModeStart: string;
  oldModeLastDay: string;
  announcement: string;
}

/** every change of a schedule is kept — who, when, before, after and why. Never updated. */
@Entity('query_mode_changes')
@Index('IDX_query_mode_changes_kind_id', ['kind', 'id'])
export class QueryModeChange {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: LookupKind;

  @Column(TIMESTAMP)
  changedAt!: Date;

  @Column({ type: 'int' })
  changedById!: number;

  @Column({ type: 'varchar', length: 100 })
  changedByName!: string;

  @Column({ type: 'simple-json' })
  before!: ScheduleSnapshot;

  @Column({ type: 'simple-json' })
  after!: ScheduleSnapshot;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;
}
