import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { EntityManager } from 'typeorm';
import {
  computeDeadline,
  computeStoredDeadline,
  DeadlineProfile,
  DeadlineResult,
  DomainError,
  isIsoDate,
  StoredDeadline,
  uploadRuleFor,
  WorkingDayCalendar,
} from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import { CalendarChangeListeners } from './calendar-change';
import { CalendarRepository } from './calendar.repository';
import { readConfigHolidayYears } from './holiday-files';
import type { CalendarYearView } from '@app/contracts';

/** How long an instance trusts its cached calendar before re-reading (other instances may have edited it). */
const CACHE_MS = 30_000;

/** A due date as the batch columns store it. */
export interface StoredDue {
  dueDate: string;
  dueRule: string;
  dueFrom: string;
  dueProvisional: boolean;
}

function storedDue(d: StoredDeadline): StoredDue {
  return { dueDate: d.due, dueRule: d.rule, dueFrom: d.from, dueProvisional: d.provisional };
}

/**
 * The official working-day calendar held in the database, seeded from config/holidays/<year>.json and
 * maintained by national_admin. Every deadline in the product comes from `deadline()` / `calendar()`.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CalendarService.name);
  private cached: { calendar: WorkingDayCalendar; at: number } | null = null;

  constructor(
    private readonly repository: CalendarRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly changeListeners: CalendarChangeListeners,
  ) {}

  /** features whose stored dates follow the calendar recompute them in the changing transaction. */
  private async calendarChanged(manager: EntityManager, actor: Actor, year: number, reason: string): Promise<number> {
    const calendar = new WorkingDayCalendar(await this.repository.holidayYears(manager));
    return this.changeListeners.notify({ manager, actor, year, reason, calendar });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.seedFromConfig();
  }

  /** Loads each config/holidays/<year>.json whose year the database does not have yet. Idempotent. */
  async seedFromConfig(): Promise<number[]> {
    const loaded: number[] = [];
    for (const data of readConfigHolidayYears()) {
      try {
        await this.uow.run(async (manager) => {
          if (await this.repository.yearExists(data.year, manager)) return;
          await this.repository.insertYear(manager, {
            year: data.year,
            notice: data.notice,
            noticeNumber: data.noticeNumber ?? null,
            publishedOn: data.publishedOn ?? null,
          });
          await this.repository.insertDays(manager, [
            ...data.holidays.map((d) => ({ date: d.date, year: data.year, kind: 'holiday' as const, name: d.name })),
            ...data.workdays.map((d) => ({ date: d.date, year: data.year, kind: 'workday' as const, name: d.name })),
          ]);
          loaded.push(data.year);
        });
      } catch (error) {
        // Another instance seeding the same year at the same moment wins the unique key; that is fine.
        if (!(await this.repository.yearExists(data.year))) throw error;
      }
    }
    if (loaded.length) {
      this.logger.log(`calendar years loaded from config: ${loaded.join(', ')}`);
      this.cached = null;
    }
    return loaded;
  }

  async calendar(): Promise<WorkingDayCalendar> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.calendar;
    const calendar = new WorkingDayCalendar(await this.repository.holidayYears());
    this.cached = { calendar, at: now };
    return calendar;
  }

  async deadline(rule: string, from: string, profile: string = 'national'): Promise<DeadlineResult> {
    return computeDeadline(await this.calendar(), rule as never, from, profile as DeadlineProfile);
  }

  /** A due date with the columns a batch stores for it (rule, start, provisional), so it can be recomputed later. */
  async storedDue(rule: string, from: string, profile: string = 'national'): Promise<StoredDue> {
    return storedDue(computeStoredDeadline(await this.calendar(), rule, from, profile as DeadlineProfile));
  }

  /**
   * the upload deadline of a record issued on `issueDate` — the profile's period for skill-level data,
   * the 2013 twice-monthly upload day for qualification data.
   */
  async uploadDue(kind: string, issueDate: string, profile: string = 'national'): Promise<StoredDue> {
    return this.storedDue(uploadRuleFor(kind), issueDate, profile);
  }

  async year(year: number): Promise<CalendarYearView> {
    const calendar = await this.calendar();
    const meta = await this.repository.findYear(year);
    const days = await this.repository.daysOf(year);
    const view = (d: (typeof days)[number]) => ({ date: d.date, name: d.name, source: d.source, reason: d.reason });
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
  async publishYear(
    actor: Actor,
    input: { year: number; notice: string; noticeNumber?: string; publishedOn?: string; reason: string },
  ) {
    let recomputed = 0;
    await this.uow.run(async (manager) => {
      if (await this.repository.yearExists(input.year, manager)) {
        throw new DomainError('CALENDAR_YEAR_EXISTS', `${input.year} 年的节假日通知已登记`);
      }
      const row = {
        year: input.year,
        notice: input.notice,
        noticeNumber: input.noticeNumber ?? null,
        publishedOn: input.publishedOn ?? null,
      };
      await this.repository.insertYear(manager, row);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'calendar.year.publish',
        targetType: 'calendar_year',
        targetId: input.year,
        after: row,
        detail: input.reason,
      });
      recomputed = await this.calendarChanged(manager, actor, input.year, input.reason);
    });
    this.cached = null;
    return { ...(await this.year(input.year)), recomputedDueDates: recomputed };
  }

  async addDay(actor: Actor, input: { date: string; kind: 'holiday' | 'workday'; name: string; reason: string }) {
    if (!isIsoDate(input.date)) throw new DomainError('VALIDATION_FAILED', `日期无效：${String(input.date)}`);
    const year = Number(input.date.slice(0, 4));
    const weekday = new Date(`${input.date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (input.kind === 'workday' && !weekend) {
      throw new DomainError('CALENDAR_WORKDAY_NOT_WEEKEND', `${input.date} 本是工作日，无需登记为调休上班日`);
    }
    let recomputed = 0;
    await this.uow.run(async (manager) => {
      if (!(await this.repository.yearExists(year, manager))) {
        throw new DomainError('CALENDAR_YEAR_MISSING', `请先登记 ${year} 年的国务院节假日安排通知，再维护该年的日期`);
      }
      const existing = await this.repository.findDay(manager, input.date);
      if (existing) {
        throw new DomainError(
          'CALENDAR_DAY_EXISTS',
          `${input.date} 已登记为${existing.kind === 'holiday' ? '节假日' : '调休上班日'}（${existing.name}），请先删除`,
        );
      }
      const row = {
        date: input.date,
        year,
        kind: input.kind,
        name: input.name,
        source: 'manual' as const,
        reason: input.reason,
      };
      await this.repository.insertDays(manager, [row]);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'calendar.day.add',
        targetType: 'calendar_day',
        targetId: input.date,
        after: row,
        detail: input.reason,
      });
      recomputed = await this.calendarChanged(manager, actor, year, input.reason);
    });
    this.cached = null;
    return { ...(await this.year(year)), recomputedDueDates: recomputed };
  }

  async removeDay(actor: Actor, date: string, reason: string) {
    if (!isIsoDate(date)) throw new DomainError('VALIDATION_FAILED', `日期无效：${String(date)}`);
    let recomputed = 0;
    await this.uow.run(async (manager) => {
      const existing = await this.repository.findDay(manager, date);
      if (!existing) throw new DomainError('NOT_FOUND', `${date} 不是已登记的节假日或调休上班日`);
      await this.repository.deleteDay(manager, existing.id);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'calendar.day.remove',
        targetType: 'calendar_day',
        targetId: date,
        before: { date, kind: existing.kind, name: existing.name, source: existing.source },
        detail: reason,
      });
      recomputed = await this.calendarChanged(manager, actor, Number(date.slice(0, 4)), reason);
    });
    this.cached = null;
    return { ...(await this.year(Number(date.slice(0, 4)))), recomputedDueDates: recomputed };
  }
}
