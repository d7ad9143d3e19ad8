import { Injectable } from '@nestjs/common';
import {
  addDaysIso,
  BATCH_STATUS_LABELS,
  beijingMonths,
  awaitingCorrectionsCompletedBy,
  correctionStagesDecidedBy,
  hasPermission,
  OPEN_BATCH_STATUSES,
  SCREENING_RULES,
  type ScreeningRule,
} from '@app/domain';
import {
  COMPLAINT_STATUS_LABELS,
  CORRECTION_STAGE_LABELS,
  CORRECTION_STATUS_LABELS,
  LOOKUP_LOG_MODE_LABELS,
  WORK_KIND_LABELS,
  type DashboardLookupVolumes,
  type DashboardMonthly,
  type DashboardOverdueByRegion,
  type DashboardScreening,
  type DashboardWork,
  type DueCounts,
  type LookupLogMode,
  type WorkGroup,
  type WorkKind,
} from '@app/contracts';
import { Actor } from '../common/actor/actor';
import { Clock } from '../common/clock';
import type { ListScope } from '../certificates/certificates.repository';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { BatchQueryService } from '../batches/batch-query.service';
import { BatchesRepository } from '../batches/batches.repository';
import { RechecksRepository } from '../rechecks/rechecks.repository';
import { CorrectionsRepository } from '../corrections/corrections.repository';
import { FlagsRepository } from '../screening/flags.repository';
import { LookupService } from '../lookup/lookup.service';
import { ComplaintsRepository } from '../complaints/complaints.repository';
import { dueCountsOf, sumDueCounts } from './due-counts';
import { MonthlyFigureCache } from './monthly-figure-cache';

function group(kind: WorkKind, byStage: Array<DueCounts & { stage: string; label: string }>): WorkGroup {
  const { total, ...due } = sumDueCounts(byStage);
  return { kind, label: WORK_KIND_LABELS[kind], available: true, total, due, byStage };
}

/** Sums per-institution-path counts into the organisations directly below the caller (by their path prefix). */
function foldByRegion(rows: Array<{ orgPath: string; n: number }>, regionPath: string): number {
  return rows.reduce((n, r) => (r.orgPath.startsWith(regionPath) ? n + r.n : n), 0);
}

/**
 * R-40, the role dashboards: each figure is one grouped statement in the repository of the feature that owns the
 * rows, within the caller's jurisdiction; this service only chooses which figures a role sees and puts them together.
 */
@Injectable()
export class DashboardFiguresService {
  /** Closed months never change; the running one is recounted after a minute (see MonthlyFigureCache). */
  private readonly monthlyCache = new MonthlyFigureCache();

  constructor(
    private readonly batches: BatchesRepository,
    private readonly queries: BatchQueryService,
    private readonly certificates: CertificatesRepository,
    private readonly rechecks: RechecksRepository,
    private readonly corrections: CorrectionsRepository,
    private readonly flags: FlagsRepository,
    private readonly complaints: ComplaintsRepository,
    private readonly lookup: LookupService,
    private readonly organisations: OrganisationsRepository,
    private readonly jurisdiction: JurisdictionService,
    private readonly clock: Clock,
  ) {}

  private scopeOf(actor: Actor): ListScope {
    return (qb, pathExpr) => this.jurisdiction.restrictList(qb, pathExpr, actor);
  }

  /** 待我处理 of every kind this person's roles act on, each by stage and due date. */
  async work(actor: Actor): Promise<DashboardWork> {
    const window = await this.queries.dueWindow();
    const days = { today: window.today, soonUntil: window.soonUntil };
    const scope = this.scopeOf(actor);
    const groups: Array<Promise<WorkGroup>> = [];

    const queue = this.queries.queueConditions(actor);
    if (queue.statuses?.length) {
      groups.push(
        this.batches.countByStatusAndDue(scope, queue, days).then((rows) =>
          group(
            'batches',
            // Stages in workflow order, each the caller acts on shown even at 0.
            queue.statuses!.map((status) => ({
              stage: status,
              label: BATCH_STATUS_LABELS[status],
              ...dueCountsOf(rows.find((r) => r.status === status)),
            })),
          ),
        ),
      );
    }
    if (hasPermission(actor.roles, 'rechecks.decide')) {
      groups.push(
        this.rechecks
          .countOpenByDue(scope, days)
          .then((counts) => group('rechecks', [{ stage: 'open', label: '待复核', ...counts }])),
      );
    }
    const decided = correctionStagesDecidedBy(actor.roles, actor.organisationLevel);
    const completes = awaitingCorrectionsCompletedBy(actor.roles, actor.organisationLevel);
    if (decided.stages.length > 0 || decided.workOrdersOfChildren || completes) {
      const stages = [...(decided.workOrdersOfChildren ? (['work_order'] as const) : []), ...decided.stages];
      groups.push(
        Promise.all([
          this.corrections.countPendingByStage(
            scope,
            { stages: decided.stages, workOrdersOf: decided.workOrdersOfChildren ? actor.organisationId : null },
            days,
          ),
          completes ? this.corrections.countAwaitingByDue(scope, completes, days) : null,
        ]).then(([rows, awaiting]) =>
          group('corrections', [
            ...stages.map((stage) => ({
              stage,
              label: CORRECTION_STAGE_LABELS[stage],
              ...dueCountsOf(rows.find((r) => r.stage === stage)),
            })),
            // Requests a confirmed re-check opened, waiting for this person's changes and papers.
            ...(awaiting ? [{ stage: 'awaiting', label: CORRECTION_STATUS_LABELS.awaiting, ...awaiting }] : []),
          ]),
        ),
      );
    }
    if (hasPermission(actor.roles, 'flags.decide')) {
      groups.push(
        this.flags.countByRuleAndStatus(scope).then((rows) => {
          const open = rows.filter((r) => r.status === 'open').reduce((n, r) => n + r.n, 0);
          // Flags have no due date: the count only.
          return { kind: 'flags', label: WORK_KIND_LABELS.flags, available: true, total: open, due: null, byStage: [] };
        }),
      );
    }
    // Complaints: institutions reply to open ones (by due date); centres follow the open ones below them and close
    // the replied ones.
    const replies = hasPermission(actor.roles, 'complaints.reply') && actor.organisationLevel === 'institution';
    const supervises = hasPermission(actor.roles, 'complaints.write');
    if (replies || supervises) {
      groups.push(
        this.complaints.countOpenByStatusAndDue(scope, days).then((rows) => {
          const of = (status: 'open' | 'replied') => dueCountsOf(rows.find((r) => r.status === status));
          return group('complaints', [
            { stage: 'open', label: COMPLAINT_STATUS_LABELS.open, ...of('open') },
            ...(supervises ? [{ stage: 'replied', label: COMPLAINT_STATUS_LABELS.replied, ...of('replied') }] : []),
          ]);
        }),
      );
    }
    return { today: window.today, soonUntil: window.soonUntil, groups: await Promise.all(groups) };
  }

  /** Batches first submitted and certificates published per Beijing month, the last `count` months. */
  async monthly(actor: Actor, count: number): Promise<DashboardMonthly> {
    const today = this.clock.today();
    const nowMs = this.clock.now().getTime();
    const months = beijingMonths(today, count);
    // Jurisdiction is the caller's organisation subtree: its path keys the counts of that subtree.
    const scopeKey = actor.organisationPath;
    const missing = months.filter((m) => !this.monthlyCache.get(scopeKey, m.month, nowMs));
    if (missing.length > 0) {
      const scope = this.scopeOf(actor);
      const [submissions, publications] = await Promise.all([
        this.batches.countFirstSubmissions(
          scope,
          missing.map((m) => ({ from: new Date(m.fromMs), to: new Date(m.toMs) })),
        ),
        this.certificates.countPublished(
          scope,
          missing.map((m) => ({ from: m.firstDay, to: m.nextFirstDay })),
        ),
      ]);
      missing.forEach((m, i) =>
        this.monthlyCache.set(
          scopeKey,
          m.month,
          { submissions: submissions[i], publications: publications[i] },
          m.nextFirstDay <= today,
          nowMs,
        ),
      );
    }
    return {
      months: months.map((m) => ({ month: m.month, ...this.monthlyCache.get(scopeKey, m.month, nowMs)! })),
    };
  }

  /** Open overdue batches, re-checks and correction requests per organisation directly below the caller. */
  async overdueByRegion(actor: Actor): Promise<DashboardOverdueByRegion> {
    const today = this.clock.today();
    if (actor.organisationLevel === 'institution') return { today, regions: null };
    const scope = this.scopeOf(actor);
    const [children, batches, rechecks, corrections] = await Promise.all([
      this.organisations.findChildren(actor.organisationId),
      this.batches.countByPath(scope, { statuses: [...OPEN_BATCH_STATUSES], dueBefore: today }),
      this.rechecks.countOverdueByPath(scope, today),
      this.corrections.countOverdueByPath(scope, today),
    ]);
    return {
      today,
      regions: children.map((child) => {
        const counts = {
          batches: foldByRegion(batches, child.path),
          rechecks: foldByRegion(rechecks, child.path),
          corrections: foldByRegion(corrections, child.path),
        };
        return {
          organisationId: child.id,
          name: child.name,
          level: child.level,
          ...counts,
          total: counts.batches + counts.rechecks + counts.corrections,
        };
      }),
    };
  }

  /** Supervising centres: open flags by rule (every rule shown, 0 included) and open re-checks by due date. */
  async screening(actor: Actor): Promise<DashboardScreening> {
    const window = await this.queries.dueWindow();
    const scope = this.scopeOf(actor);
    const [flags, rechecks] = await Promise.all([
      this.flags.countByRuleAndStatus(scope),
      this.rechecks.countOpenByDue(scope, { today: window.today, soonUntil: window.soonUntil }),
    ]);
    const flagsByRule = (Object.keys(SCREENING_RULES) as ScreeningRule[]).map((rule) => ({
      rule,
      label: SCREENING_RULES[rule],
      open: flags.filter((f) => f.rule === rule && f.status === 'open').reduce((n, f) => n + f.n, 0),
    }));
    return {
      today: window.today,
      soonUntil: window.soonUntil,
      flagsByRule,
      openFlags: flagsByRule.reduce((n, r) => n + r.open, 0),
      rechecks,
    };
  }

  /** National staff: lookups per Beijing day and mode over the last `days` days (the lookup log's daily counts). */
  async lookupVolumes(days: number): Promise<DashboardLookupVolumes> {
    const to = this.clock.today();
    const from = addDaysIso(to, -(days - 1));
    const rows = await this.lookup.dailyCounts({ from, to });
    const modes = Object.keys(LOOKUP_LOG_MODE_LABELS) as LookupLogMode[];
    const byDay = new Map<string, Record<string, number>>();
    for (let day = from; day <= to; day = addDaysIso(day, 1)) {
      byDay.set(day, Object.fromEntries(modes.map((m) => [m, 0])));
    }
    for (const r of rows) {
      const counts = byDay.get(r.day);
      if (counts) counts[r.mode] = r.queries;
    }
    return {
      from,
      to,
      modes: modes.map((mode) => ({
        mode,
        label: LOOKUP_LOG_MODE_LABELS[mode],
        total: rows.filter((r) => r.mode === mode).reduce((n, r) => n + r.queries, 0),
      })),
      days: [...byDay].map(([day, byMode]) => ({ day, byMode })),
    };
  }
}
