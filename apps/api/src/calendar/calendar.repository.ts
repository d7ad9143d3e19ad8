import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { BatchStatus, HolidayYear } from '@app/domain';
import { Batch } from '../batches/entities/batch.entity';
import { Certificate } from '../certificates/entities/certificate.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { CalendarDay, CalendarYear } from './entities/calendar.entity';

type NewDay = Pick<CalendarDay, 'date' | 'year' | 'kind' | 'name'> & Partial<Pick<CalendarDay, 'source' | 'reason'>>;

/** A stored due date's columns, as a recomputation writes them. */
export interface DueColumns {
  dueDate: string;
  dueRule: string;
  dueFrom: string;
  dueProvisional: boolean;
}

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
      holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => ({ date: d.date, name: d.name })),
      workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => ({ date: d.date, name: d.name })),
    }));
  }

  /** Batches in an `open` status whose due period reaches `year`: not ended before it, not starting after it. */
  openBatchesReaching(manager: EntityManager, year: number, open: BatchStatus[]): Promise<Batch[]> {
    return manager
      .getRepository(Batch)
      .createQueryBuilder('b')
      .where('b.status IN (:...open)', { open })
      .andWhere('b.dueRule IS NOT NULL AND b.dueDate IS NOT NULL')
      .andWhere('b.dueDate >= :first', { first: `${year}-01-01` })
      .andWhere('(b.dueFrom IS NULL OR b.dueFrom <= :last)', { last: `${year}-12-31` })
      .getMany();
  }

  /** The deadline profile of each institution. */
  async deadlineProfiles(manager: EntityManager, institutionIds: number[]): Promise<Map<number, Organisation['deadlineProfile']>> {
    const institutions = await manager.getRepository(Organisation).findBy({ id: In([...new Set(institutionIds)]) });
    return new Map(institutions.map((o) => [o.id, o.deadlineProfile]));
  }

  /** The earliest issue date in a batch (the start of a draft's upload period), or null when it holds no record. */
  async earliestIssueDate(manager: EntityManager, batchId: number): Promise<string | null> {
    const row = await manager
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .select('MIN(c.issueDate)', 'first')
      .where('c.batchId = :id', { id: batchId })
      .getRawOne<{ first: string | null }>();
    return row?.first ? String(row.first).slice(0, 10) : null;
  }

  /**
   * Writes a recomputed due date while the batch is still in `status`. Not a new version: no decision changed, so a
   * reviewer holding the batch's version can still act on it.
   */
  async setDue(manager: EntityManager, batchId: number, status: BatchStatus, due: DueColumns): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Batch)
      .set({ ...due, version: () => 'version' })
      .where('id = :id AND status = :status', { id: batchId, status })
      .execute();
  }
}
