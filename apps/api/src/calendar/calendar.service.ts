import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { DataSource } from 'typeorm';
import {
  computeDeadline,
  DeadlineProfile,
  DeadlineResult,
  DomainError,
  HolidayYear,
  isIsoDate,
  WorkingDayCalendar,
} from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import { CalendarDay, CalendarYear } from './entities/calendar.entity';
import { readConfigHolidayYears } from './holiday-files';

/** How long an instance trusts its cached calendar before re-reading (other instances may have edited it). */
const CACHE_MS = 30_000;

/**
 * The official working-day calendar held in the database, seeded from config/holidays/<year>.json and
 * maintained by national_admin. Every deadline in the product comes from `deadline()` / `calendar()`.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CalendarService.name);
  private cached: { calendar: WorkingDayCalendar; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seedFromConfig();
  }

  /** Loads each config/holidays/<year>.json whose year the database does not have yet. Idempotent. */
  async seedFromConfig(): Promise<number[]> {
    const loaded: number[] = [];
    for (const data of readConfigHolidayYears()) {
      try {
        await this.uow.run(async (manager) => {
          if (await manager.getRepository(CalendarYear).existsBy({ year: data.year })) return;
          await manager.getRepository(CalendarYear).insert({
            year: data.year,
            notice: data.notice,
            noticeNumber: data.noticeNumber ?? null,
            publishedOn: data.publishedOn ?? null,
          });
          await manager.getRepository(CalendarDay).insert([
            ...data.holidays.map((d) => ({ date: d.date, year: data.year, kind: 'holiday' as const, name: d.name })),
            ...data.workdays.map((d) => ({ date: d.date, year: data.year, kind: 'workday' as const, name: d.name })),
          ]);
          loaded.push(data.year);
        });
      } catch (error) {
        // Another instance seeding the same year at the same moment wins the unique key; that is fine.
        if (!(await this.dataSource.getRepository(CalendarYear).existsBy({ year: data.year }))) throw error;
      }
    }
    if (loaded.length) {
      this.logger.log(`calendar years loaded from config: ${loaded.join(', ')}`);
      this.cached = null;
    }
    return loaded;
  }

  async calendar(): Promise<WorkingDayCalendar> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.calendar;
    const calendar = new WorkingDayCalendar(await this.holidayYears());
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  async deadline(rule: string, from: string, profile: string = 'national'): Promise<DeadlineResult> {
    return computeDeadline(await this.calendar(), rule as never, from, profile as DeadlineProfile);
  }

  async year(year: number) {
    const calendar = await this.calendar();
    const meta = await this.dataSource.getRepository(CalendarYear).findOneBy({ year });
    const days = await this.dataSource.getRepository(CalendarDay).find({ where: { year }, order: { date: 'ASC' } });
    const view = (d: CalendarDay) => ({ date: d.date, name: d.name, source: d.source, reason: d.reason });
    return {
      year,
      covered: calendar.isCovered(year),
      provisional: !calendar.isCovered(year),
      notice: meta?.notice ?? null,
      noticeNumber: meta?.noticeNumber ?? null,
      publishedOn: meta?.publishedOn ?? null,
      holidays: days.filter((d) => d.kind === 'holiday').map(view),
      workdays: days.filter((d) => d.kind === 'workday').map(view),
      coveredYears: calendar.coveredYears(),
      today: this.clock.today(),
    };
  }

  /** Registers a newly published year's notice (each November), after which the year is no longer provisional. */
  async publishYear(actor: Actor, input: { year: number; notice: string; noticeNumber?: string; publishedOn?: string; reason: string }) {
    await this.uow.run(async (manager) => {
      const repo = manager.getRepository(CalendarYear);
      if (await repo.existsBy({ year: input.year })) {
        throw new DomainError('CALENDAR_YEAR_EXISTS', `${input.year} 年的节假日通知已登记`);
      }
      const row = { year: input.year, notice: input.notice, noticeNumber: input.noticeNumber ?? null, publishedOn: input.publishedOn ?? null };
      await repo.insert(row);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'calendar.year.publish',
        targetType: 'calendar_year',
        targetId: input.year,
        after: row,
        detail: input.reason,
      });
    });
    this.cached = null;
    return this.year(input.year);
  }

  async addDay(actor: Actor, input: { date: string; kind: 'holiday' | 'workday'; name: string; reason: string }) {
    if (!isIsoDate(input.date)) throw new DomainError('VALIDATION_FAILED', `日期无效：${input.date}`);
    const year = Number(input.date.slice(0, 4));
    const weekday = new Date(`${input.date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (input.kind === 'workday' && !weekend) {
      throw new DomainError('CALENDAR_WORKDAY_NOT_WEEKEND', `${input.date} 本是工作日，无需登记为调休上班日`);
    }
    await this.uow.run(async (manager) => {
      if (!(await manager.getRepository(CalendarYear).existsBy({ year }))) {
        throw new DomainError('CALENDAR_YEAR_MISSING', `请先登记 ${year} 年的国务院节假日安排通知，再维护该年的日期`);
      }
      const days = manager.getRepository(CalendarDay);
      const existing = await days.findOneBy({ date: input.date });
      if (existing) {
        throw new DomainError('CALENDAR_DAY_EXISTS', `${input.date} 已登记为${existing.kind === 'holiday' ? '节假日' : '调休上班日'}（${existing.name}），请先删除`);
      }
      const row = { date: input.date, year, kind: input.kind, name: input.name, source: 'manual' as const, reason: input.reason };
      await days.insert(row);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'calendar.day.add',
        targetType: 'calendar_day',
        targetId: input.date,
        after: row,
        detail: input.reason,
      });
    });
    this.cached = null;
    return this.year(year);
  }

  async removeDay(actor: Actor, date: string, reason: string) {
    if (!isIsoDate(date)) throw new DomainError('VALIDATION_FAILED', `日期无效：${date}`);
    await this.uow.run(async (manager) => {
      const days = manager.getRepository(CalendarDay);
      const existing = await days.findOneBy({ date });
      if (!existing) throw new DomainError('NOT_FOUND', `${date} 不是已登记的节假日或调休上班日`);
      await days.delete({ id: existing.id });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'calendar.day.remove',
        targetType: 'calendar_day',
        targetId: date,
        before: { date, kind: existing.kind, name: existing.name, source: existing.source },
        detail: reason,
      });
    });
    this.cached = null;
    return this.year(Number(date.slice(0, 4)));
  }

  private async holidayYears(): Promise<HolidayYear[]> {
    const years = await this.dataSource.getRepository(CalendarYear).find();
    const days = await this.dataSource.getRepository(CalendarDay).find({ order: { date: 'ASC' } });
    return years.map((y) => ({
      year: y.year,
      notice: y.notice,
      holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => ({ date: d.date, name: d.name })),
      workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => ({ date: d.date, name: d.name })),
    }));
  }
}
