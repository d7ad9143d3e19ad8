import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { HolidayYear } from '@app/domain';
import { CalendarDay, CalendarYear } from './entities/calendar.entity';

type NewDay = Pick<CalendarDay, 'date' | 'year' | 'kind' | 'name'> & Partial<Pick<CalendarDay, 'source' | 'reason'>>;

/**
 * The official working-day calendar (R-15): published years and their holidays and adjusted working days, plus the
 * reads and writes of a recomputation of the open batches' due dates after the calendar changed.
 */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  yearExists(year: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(CalendarYear).existsBy({ year });
  }

  findYear(year: number): Promise<CalendarYear | null> {
    return this.dataSource.getRepository(CalendarYear).findOneBy({ year });
  }

  /** The year's days in date order. */
  daysOf(year: number): Promise<CalendarDay[]> {
    return this.dataSource.getRepository(CalendarDay).find({ where: { year }, order: { date: 'ASC' } });
  }

  findDay(manager: EntityManager, date: string): Promise<CalendarDay | null> {
    return manager.getRepository(CalendarDay).findOneBy({ date });
  }

  async insertYear(manager: EntityManager, row: CalendarYear): Promise<void> {
    await manager.getRepository(CalendarYear).insert(row);
  }

  async insertDays(manager: EntityManager, rows: NewDay[]): Promise<void> {
    if (rows.length) await manager.getRepository(CalendarDay).insert(rows);
  }

  async deleteDay(manager: EntityManager, id: number): Promise<void> {
    await manager.getRepository(CalendarDay).delete({ id });
  }

  /** Every published year with its days, as the domain's WorkingDayCalendar takes them. */
  async holidayYears(manager: EntityManager = this.dataSource.manager): Promise<HolidayYear[]> {
    const years = await manager.getRepository(CalendarYear).find();
    const days = await manager.getRepository(CalendarDay).find({ order: { date: 'ASC' } });
    return years.map((y) => ({
      year: y.year,
      notice: y.notice,
      holidays: days
        .filter((d) => d.year === y.year && d.kind === 'holiday')
        .map((d) => ({ date: d.date, name: d.name })),
      workdays: days
        .filter((d) => d.year === y.year && d.kind === 'workday')
        .map((d) => ({ date: d.date, name: d.name })),
    }));
  }
}
