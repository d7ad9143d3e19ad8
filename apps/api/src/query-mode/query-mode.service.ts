import { Inject, Injectable } from '@nestjs/common';
import {
  CUTOVER_CHANGE_LABELS,
  CUTOVER_REMINDER_KIND,
  cutoverReminders,
  DomainError,
  LOOKUP_KINDS,
  newModeOpen,
  oldModeOpen,
  queryModeGap,
  queryModeOn,
  ROLE_LABELS,
  type LookupKind,
  type QueryMode,
} from '@app/domain';
import {
  LOOKUP_KIND_LABELS,
  type LookupModesView,
  type QueryModeAdminView,
  type QueryModeChangeView,
  type QueryModeUpdate,
} from '@app/contracts';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { badInput, notFound } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../database/unit-of-work';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { ReminderSourceContext } from '../reminders/reminder-sources';
import type { ReminderItem } from '../reminders/reminders.service';
import { versionedUpdate } from '../database/versioned-update';
import { ScheduleSnapshot } from './entities/query-mode-change.entity';
import { QueryModeSchedule } from './entities/query-mode-schedule.entity';
import { QueryModeRepository } from './query-mode.repository';

const SIDE_CLOSED: Record<'old' | 'new', string> = {
  old: '旧版查询方式已停用，请登录后使用新版查询',
  new: '新版查询功能尚未开放，请使用旧版查询',
};

const snapshot = (s: ScheduleSnapshot): ScheduleSnapshot => ({
  newModeStart: s.newModeStart,
  oldModeLastDay: s.oldModeLastDay,
  announcement: s.announcement,
});

/** The stored schedules as last read, with when (clock time and Beijing day) they were read. */
interface CachedSchedules {
  rows: QueryModeSchedule[];
  loadedAt: number;
  day: string;
}

/**
 * the public lookup's mode per kind and Beijing day, decided on every request from the stored schedule and the
 * request's own Beijing day; national_admin edits the schedule.
 *
 * The schedule rows (two, changed a few times a year) are kept for `queryMode.cacheSeconds`, so a lookup does not
 * read them each time. What keeps R-32 true in effect: the day is computed per request, so midnight switches the mode
 * at once; an entry read on an earlier Beijing day is never used; a change through this instance empties the cache
 * (again when its transaction has committed, and a read overlapping it is not kept); a change by another instance,
 * or by hand in the database, applies within `cacheSeconds`.
 */
@Injectable()
export class QueryModeService {
  private cached: CachedSchedules | null = null;
  /** Bumped on every change: a read begun before it is not kept. */
  private generation = 0;
  private readonly lifetimeMs: number;

  constructor(
    private readonly schedules: QueryModeRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organisations: OrganisationsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lifetimeMs = config.queryMode.cacheSeconds * 1000;
  }

  /**
   * the coming cutovers as reminder items of national_admin — the day the new mode opens and the day the
   * old mode stops, 30, 7 and 1 days before (each mark once: its threshold is part of the event's key).
   */
  async cutoverItems({ calendar, today }: ReminderSourceContext): Promise<ReminderItem[]> {
    const schedules = await this.schedules.all();
    const reminders = schedules.flatMap((s) => cutoverReminders(s.kind, s, today, calendar));
    if (reminders.length === 0) return [];
    const national = await this.organisations.findNational();
    if (!national) return [];
    return reminders.map((r): ReminderItem => ({
      subjectId: LOOKUP_KINDS.indexOf(r.kind) + 1,
      stage: `${r.change}_${r.threshold}`,
      kind: CUTOVER_REMINDER_KIND,
      batchId: null,
      status: null,
      stageLabel: `（${LOOKUP_KIND_LABELS[r.kind]}）${CUTOVER_CHANGE_LABELS[r.change]}`,
      institutionId: national.id,
      institutionName: '证书全国联网查询',
      recordCount: null,
      dueDate: r.date,
      event: 'due_soon',
      workingDaysLeft: calendar.workingDaysBetween(today, r.date),
      overdueWorkingDays: 0,
      responsibleOrganisationId: national.id,
      responsibleOrganisation: national.name,
      responsibleRole: 'national_admin',
      responsibleRoleLabel: ROLE_LABELS.national_admin,
      escalationTarget: null,
      linkPath: '/query-mode',
      remainingText: `距切换还有 ${r.daysLeft} 天`,
    }));
  }

  /** `GET /api/lookup/modes`: both kinds' schedule and today's mode. */
  async modes(): Promise<LookupModesView> {
    const today = this.clock.today();
    const rows = await this.stored(today);
    return {
      today,
      kinds: rows.map((s) => ({ kind: s.kind, ...snapshot(s), mode: queryModeOn(s, today) })),
    };
  }

  /** Today's mode of one kind. */
  async modeOf(kind: LookupKind): Promise<{ mode: QueryMode; schedule: QueryModeSchedule }> {
    const today = this.clock.today();
    const schedule = (await this.stored(today)).find((s) => s.kind === kind);
    if (!schedule) throw new Error(`no query-mode schedule for ${kind}`); // seeded by the migration
    return { mode: queryModeOn(schedule, today), schedule };
  }

  /** Forgets the kept schedule (a change through this instance). */
  invalidate(): void {
    this.generation += 1;
    this.cached = null;
  }

  /** The stored schedules: kept ones while younger than the lifetime and read on the same Beijing day `today`. */
  private async stored(today: string): Promise<QueryModeSchedule[]> {
    const now = this.clock.now().getTime();
    const c = this.cached;
    if (c && c.day === today && now >= c.loadedAt && now - c.loadedAt < this.lifetimeMs) return c.rows;
    const generation = this.generation;
    const rows = await this.schedules.all();
    if (this.lifetimeMs > 0 && generation === this.generation) this.cached = { rows, loadedAt: now, day: today };
    return rows;
  }

  /**
   * The gate of every lookup query, before any field is looked at: 403 LOOKUP_MODE_DISABLED with the announcement
   * when `side` (the anonymous old mode or the real-name new mode) is closed for `kind` today.
   */
  async requireOpen(kind: LookupKind, side: 'old' | 'new'): Promise<void> {
    const { mode, schedule } = await this.modeOf(kind);
    if (side === 'old' ? oldModeOpen(mode) : newModeOpen(mode)) return;
    throw new DomainError('LOOKUP_MODE_DISABLED', SIDE_CLOSED[side], {
      kind,
      mode,
      newModeStart: schedule.newModeStart,
      oldModeLastDay: schedule.oldModeLastDay,
      announcement: schedule.announcement,
    });
  }

  /** `GET /api/admin/query-mode`. */
  async adminList(): Promise<QueryModeAdminView<Date>[]> {
    const today = this.clock.today();
    return (await this.schedules.all()).map((s) => adminView(s, today));
  }

  async adminOne(kind: LookupKind): Promise<QueryModeAdminView<Date>> {
    const row = await this.schedules.one(kind);
    if (!row) throw notFound('查询模式');
    return adminView(row, this.clock.today());
  }

  /**
   * `PUT /api/admin/query-mode/:kind`. A gap (a day with no mode) is refused first, whatever else is wrong; dates may
   * lie in the past or ahead (an ended mode may be reopened). Versioned; the change is kept and audited with it.
   */
  async update(
    actor: Actor,
    kind: LookupKind,
    update: Pick<QueryModeUpdate, 'newModeStart' | 'oldModeLastDay'> & {
      announcement?: unknown;
      reason?: unknown;
      version?: unknown;
    },
  ): Promise<QueryModeAdminView<Date>> {
    if (queryModeGap(update)) throw new DomainError('QUERY_MODE_GAP', gapMessage(update));
    const reason = typeof update.reason === 'string' ? update.reason.trim() : '';
    if (reason.length < 2) throw badInput('请填写调整原因（至少 2 个字）');
    if (reason.length > 500) throw badInput('调整原因不能超过 500 个字');
    const announcement = typeof update.announcement === 'string' ? update.announcement.trim() : '';
    if (!announcement) throw badInput('请填写公告内容');
    if (announcement.length > 1000) throw badInput('公告内容不能超过 1000 个字');
    if (!Number.isInteger(update.version) || (update.version as number) < 1) {
      throw badInput('缺少版本号 version，请刷新后重试');
    }
    const version = update.version as number;
    const after: ScheduleSnapshot = {
      newModeStart: update.newModeStart,
      oldModeLastDay: update.oldModeLastDay,
      announcement,
    };
    this.invalidate();
    await this.uow.run(async (manager) => {
      const current = await this.schedules.one(kind, manager);
      if (!current) throw notFound('查询模式');
      await versionedUpdate(
        manager,
        QueryModeSchedule,
        { id: current.id, version },
        {
          ...after,
          updatedById: actor.userId,
          updatedByName: actor.displayName,
        },
      );
      const before = snapshot(current);
      await this.schedules.addChange(manager, {
        kind,
        changedAt: this.clock.now(),
        changedById: actor.userId,
        changedByName: actor.displayName,
        before,
        after,
        reason,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'query-mode.update',
        targetType: 'query_mode',
        targetId: kind,
        before,
        after,
        detail: `调整查询模式时间表（${kind}）：${reason}`,
      });
    });
    this.invalidate();
    return this.adminOne(kind);
  }

  /** `GET /api/admin/query-mode/history`: every change, newest first. */
  async history(kind?: LookupKind): Promise<QueryModeChangeView<Date>[]> {
    const rows = await this.schedules.history(kind);
    return rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      changedAt: c.changedAt,
      changedById: c.changedById,
      changedByName: c.changedByName,
      before: c.before,
      after: c.after,
      reason: c.reason,
    }));
  }
}

function adminView(s: QueryModeSchedule, today: string): QueryModeAdminView<Date> {
  return {
    kind: s.kind,
    ...snapshot(s),
    mode: queryModeOn(s, today),
    version: s.version,
    updatedAt: s.updatedAt,
    updatedByName: s.updatedByName,
  };
}

function gapMessage(d: { newModeStart: string; oldModeLastDay: string }): string {
  return `旧版查询最后一天（${d.oldModeLastDay}）早于新版查询开始日（${d.newModeStart}）的前一天，中间会有新旧版都不能查询的日子；请调整日期`;
}
