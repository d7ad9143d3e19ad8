import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EntityBase } from '../../database/columns';
import type { CalendarDayKind } from '@app/contracts';

/** a year whose State Council holiday notice is in the calendar (years absent here are provisional). */
@Entity('calendar_years')
export class CalendarYear {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  notice!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  noticeNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn!: string | null;
}

export type { CalendarDayKind } from '@app/contracts';

/** One holiday (放假) or adjusted working day (调休上班) of the official calendar. */
@Entity('calendar_days')
export class CalendarDay extends EntityBase {
  @Index({ unique: true })
  @Column({ type: 'date' })
  date!: string;

  @Index()
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: CalendarDayKind;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  /** 'notice' when loaded from config/holidays, 'manual' when national_admin added it. */
  @Column({ type: 'varchar', length: 16, default: 'notice' })
  source!: 'notice' | 'manual';

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;
}
