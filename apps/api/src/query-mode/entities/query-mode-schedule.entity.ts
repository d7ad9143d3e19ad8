import { Column, Entity, Index } from 'typeorm';
import type { LookupKind } from '@app/domain';
import { VersionedEntityBase } from '../../database/columns';

/** one kind's cutover schedule, one row per kind (seeded with the defaults by its migration). */
@Entity('query_mode_schedules')
export class QueryModeSchedule extends VersionedEntityBase {
  @Index('IDX_query_mode_schedules_kind', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  kind!: LookupKind;

  @Column({ type: 'date' })
  newModeStart!: string;

  @Column({ type: 'date' })
  oldModeLastDay!: string;

  /** 公告. */
  @Column({ type: 'varchar', length: 1000 })
  announcement!: string;

  @Column({ type: 'int', nullable: true })
  updatedById!: number | null;

  /** Kept as written, so the view needs no join and survives renames. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  updatedByName!: string | null;
}
