import { Injectable } from '@nestjs/common';
import {
  addDaysIso,
  AUTHORING_ACTIONS,
  BATCH_STATUS_LABELS,
  BATCH_STATUSES,
  BatchStatus,
  deadlineStatus,
  DUE_SOON_WORKING_DAYS,
  isReviewStage,
  nextStatus,
  REVIEW_STAGES,
  STAGE_ROLE,
  WorkingDayCalendar,
} from '@app/domain';
import { Actor } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { defineList, QueryOf } from '../common/http/list-query';
import { CalendarService } from '../calendar/calendar.service';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { CertificatesRepository, type ListScope } from '../certificates/certificates.repository';
import { BatchesRepository, type BatchListConditions } from './batches.repository';
import { Batch } from './entities/batch.entity';
import type { BatchSplit, BatchView as BatchViewContract, HistoryEntry } from '@app/contracts';

export const BATCH_LIST = defineList({
  resource: 'batches',
  sort: {
    id: 'b.id',
    createdAt: 'b.createdAt',
    updatedAt: 'b.updatedAt',
    status: 'b.status',
    dueDate: 'b.dueDate',
    recordCount: 'b.recordCount',
    submittedAt: 'b.submittedAt',
  },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 'b.id',
  filters: {
    id: { type: 'idList', column: 'b.id' },
    // 待我处理: resolved from the caller's roles below.
    queue: { type: 'enum', values: ['mine'] },
    status: { type: 'enumList', values: BATCH_STATUSES, column: 'b.status' },
    institutionId: { type: 'id', column: 'b.institutionId' },
    parentId: { type: 'id', column: 'b.parentId' },
    kind: { type: 'enum', values: ['skill_level', 'qualification'], column: 'b.kind' },
    lateSubmission: { type: 'boolean', column: 'b.lateSubmission', op: 'isTrue' },
    // Against today (the clock) and within a region of the caller's jurisdiction: applied below.
    overdue: { type: 'boolean' },
    // The home page's figures: due today, due within the next DUE_SOON_WORKING_DAYS working days, overdue.
    due: { type: 'enum', values: ['today', 'soon', 'overdue'] },
    organisationId: { type: 'id' },
  },
});

/** The batches API's row: the entity as the shared contract (libs/contracts) declares it, with its computed fields. */
export type BatchView = Batch & BatchViewContract<Date>;

/** Reading batches within jurisdiction, with each one's deadline status against today. */
@Injectable()
export class BatchQueryService {
  constructor(
    private readonly batches: BatchesRepository,
    private readonly certificates: CertificatesRepository,
    private readonly jurisdiction: JurisdictionService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async batchWithin(actor: Actor, id: number): Promise<Batch> {
    const batch = await this.batches.findById(id);
    this.jurisdiction.assertWithin(actor, batch?.orgPath, '批次');
    return batch as Batch;
  }

  async get(actor: Actor, id: number): Promise<BatchView> {
    const batch = await this.batchWithin(actor, id);
    const [view] = await this.views([batch]);
    return {
      ...view,
      recordReasonsDiffer:
        batch.status === 'returned' && (await this.certificates.countOtherReturnReasons(id, batch.returnReason)) > 0,
      splitFrom: batch.parentId ? await this.splitOf(batch) : null,
    };
  }

  /** a child batch's own trail holds the partial return that created it and, once submitted, its own submit. */
  private async splitOf(batch: Batch): Promise<BatchSplit<Date> | null> {
    const trail = await this.batches.decisionsOf(batch.id);
    const split = trail.find((d) => d.action === 'return' && d.childBatchId === batch.id);
    if (!split) return null;
    return {
      parentId: batch.parentId as number,
      at: split.createdAt,
      submittedSince: trail.some((d) => d.action === 'submit' && d.inheritedFromBatchId === null && d.id > split.id),
    };
  }

  async list(actor: Actor, query: QueryOf<typeof BATCH_LIST>): Promise<{ rows: BatchView[]; total: number }> {
    const today = this.clock.today();
    const window = query.filter.due ? await this.dueWindow() : undefined;
    const { rows, total } = await this.batches.listPage(query, await this.scope(actor, query.filter.organisationId), {
      ...(query.filter.queue === 'mine' ? this.queueConditions(actor) : {}),
      dueBefore: query.filter.overdue === true || query.filter.due === 'overdue' ? today : undefined,
      dueBetween:
        query.filter.due === 'today'
          ? { from: today, to: today }
          : query.filter.due === 'soon'
            ? { from: window!.afterToday, to: window!.soonUntil }
            : undefined,
    });
    return { rows: await this.views(rows), total };
  }

  /**
   * 待我处理: the stages this person's roles decide (institutions: what awaits their own action), without the
   * batches this person uploaded, submitted or edited — R-3: those are not theirs to decide.
   */
  queueConditions(actor: Actor): BatchListConditions {
    const statuses: BatchStatus[] = REVIEW_STAGES.filter((stage) => actor.roles.includes(STAGE_ROLE[stage]));
    if (actor.roles.includes('institution_operator')) statuses.push('draft', 'returned');
    return {
      statuses,
      notAuthoredBy: { userId: actor.userId, actions: AUTHORING_ACTIONS, exceptStatuses: ['draft', 'returned'] },
    };
  }

  /** Today, the next day, and the last day of "due soon": the next DUE_SOON_WORKING_DAYS working days. */
  async dueWindow(): Promise<{ today: string; afterToday: string; soonUntil: string }> {
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    return {
      today,
      afterToday: addDaysIso(today, 1),
      soonUntil: calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS),
    };
  }

  /**
   * The caller's jurisdiction, narrowed to one region (a centre's subtree) when asked; a region the caller cannot
   * see, or none, leaves nothing — the same answer, so nothing about it is revealed.
   */
  async scope(actor: Actor, regionId: number | undefined): Promise<ListScope> {
    const region = regionId === undefined ? undefined : await this.batches.organisation(regionId);
    return (qb, pathExpr) => {
      this.jurisdiction.restrictList(qb, pathExpr, actor);
      if (region) this.jurisdiction.restrictList(qb, pathExpr, { ...actor, organisationPath: region.path });
      else if (region === null) qb.andWhere('1 = 0');
    };
  }

  /** The batch's history as a timeline: every decision with per-record reasons. */
  async history(actor: Actor, id: number): Promise<HistoryEntry<Date>[]> {
    await this.batchWithin(actor, id);
    const decisions = await this.batches.decisionsOf(id);
    const records = await this.batches.decisionRecordsOf(
      decisions.filter((d) => d.action === 'return' && d.childBatchId).map((d) => d.id),
    );
    return decisions.map((d) => ({
      ...d,
      stageLabel: BATCH_STATUS_LABELS[d.stage as keyof typeof BATCH_STATUS_LABELS] ?? d.stage,
      resultLabel: BATCH_STATUS_LABELS[d.resultStatus as keyof typeof BATCH_STATUS_LABELS] ?? d.resultStatus,
      records: records
        .filter((r) => r.decisionId === d.id)
        .map((r) => ({ certificateId: r.certificateId, reason: r.reason })),
    }));
  }

  async views(batches: Batch[]): Promise<BatchView[]> {
    if (batches.length === 0) return [];
    const institutions = await this.batches.organisationsById(batches.map((b) => b.institutionId));
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    return batches.map((b) => ({
      ...b,
      institutionName: institutions.get(b.institutionId)?.name ?? '',
      statusLabel: BATCH_STATUS_LABELS[b.status],
      nextStatus: isReviewStage(b.status)
        ? nextStatus(b.status, institutions.get(b.institutionId)?.deadlineProfile ?? 'national')
        : null,
      ...dueFields(calendar, b.dueDate, today, b.status),
    }));
  }
}

export function dueFields(calendar: WorkingDayCalendar, due: string | null, today: string, status: string) {
  if (!due || status === 'published') {
    return { overdue: false, workingDaysLeft: null, dueText: null };
  }
  const s = deadlineStatus(calendar, due, today);
  return {
    overdue: s.overdue,
    workingDaysLeft: s.overdue ? -s.workingDaysOverdue : s.workingDaysLeft,
    dueText: s.text,
  };
}
