import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { BATCH_STATUS_LABELS, BATCH_STATUSES, BatchStatus, deadlineStatus, isReviewStage, nextStatus, REVIEW_STAGES, STAGE_ROLE, WorkingDayCalendar } from '@app/domain';
import { Actor } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { applyFilters, defineList, fetchPage, QueryOf } from '../common/http/list-query';
import { CalendarService } from '../calendar/calendar.service';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { Batch } from './entities/batch.entity';
import { BatchDecision, BatchDecisionRecord } from './entities/batch-decision.entity';
import type { BatchView as BatchViewContract, HistoryEntry } from '@app/contracts';

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
    organisationId: { type: 'id' },
  },
});

/** The batches API's row: the entity as the shared contract (libs/contracts) declares it, with its computed fields. */
export type BatchView = Batch & BatchViewContract<Date>;

/** Reading batches within jurisdiction, with each one's deadline status against today. */
@Injectable()
export class BatchQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdiction: JurisdictionService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async batchWithin(actor: Actor, id: number): Promise<Batch> {
    const batch = await this.dataSource.getRepository(Batch).findOneBy({ id });
    this.jurisdiction.assertWithin(actor, batch?.orgPath, '批次');
    return batch as Batch;
  }

  async get(actor: Actor, id: number): Promise<BatchView> {
    const [view] = await this.views([await this.batchWithin(actor, id)]);
    return view;
  }

  async list(actor: Actor, query: QueryOf<typeof BATCH_LIST>): Promise<{ rows: BatchView[]; total: number }> {
    const qb = this.dataSource.getRepository(Batch).createQueryBuilder('b');
    this.jurisdiction.restrictList(qb, 'b.orgPath', actor);
    applyFilters(qb, query);
    if (query.filter.queue === 'mine') {
      // 待我处理: the stages this person's roles decide; institutions see what awaits their own action.
      const mine = REVIEW_STAGES.filter((stage) => actor.roles.includes(STAGE_ROLE[stage])) as BatchStatus[];
      if (actor.roles.includes('institution_operator')) mine.push('draft', 'returned');
      qb.andWhere('b.status IN (:...mine)', { mine: mine.length ? mine : ['none'] });
    }
    if (query.filter.overdue === true) qb.andWhere('b.dueDate < :today', { today: this.clock.today() });
    const regionId = query.filter.organisationId;
    if (regionId !== undefined) await this.restrictToRegion(qb, actor, regionId);
    const { rows, total } = await fetchPage(qb, query);
    return { rows: await this.views(rows), total };
  }

  /**
   * Narrows a batch query to one region (a centre's subtree) on top of the caller's own jurisdiction; a region
   * the caller cannot see, or none, leaves nothing — the same answer, so nothing about it is revealed.
   */
  async restrictToRegion(qb: SelectQueryBuilder<Batch>, actor: Actor, regionId: number): Promise<void> {
    const region = await this.dataSource.getRepository(Organisation).findOneBy({ id: regionId });
    if (region) this.jurisdiction.restrictList(qb, 'b.orgPath', { ...actor, organisationPath: region.path });
    else qb.andWhere('1 = 0');
  }

  /** The batch's history as a timeline: every decision with per-record reasons. */
  async history(actor: Actor, id: number): Promise<HistoryEntry<Date>[]> {
    await this.batchWithin(actor, id);
    const decisions = await this.dataSource.getRepository(BatchDecision).find({ where: { batchId: id }, order: { id: 'ASC' } });
    const withRecords = decisions.filter((d) => d.action === 'return' && d.childBatchId);
    const records = withRecords.length
      ? await this.dataSource
          .getRepository(BatchDecisionRecord)
          .createQueryBuilder('r')
          .where('r.decisionId IN (:...ids)', { ids: withRecords.map((d) => d.id) })
          .getMany()
      : [];
    return decisions.map((d) => ({
      ...d,
      stageLabel: BATCH_STATUS_LABELS[d.stage as keyof typeof BATCH_STATUS_LABELS] ?? d.stage,
      resultLabel: BATCH_STATUS_LABELS[d.resultStatus as keyof typeof BATCH_STATUS_LABELS] ?? d.resultStatus,
      records: records.filter((r) => r.decisionId === d.id).map((r) => ({ certificateId: r.certificateId, reason: r.reason })),
    }));
  }

  async views(batches: Batch[]): Promise<BatchView[]> {
    if (batches.length === 0) return [];
    const institutions = await this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .select(['o.id', 'o.name', 'o.deadlineProfile'])
      .whereInIds([...new Set(batches.map((b) => b.institutionId))])
      .getMany();
    const names = new Map(institutions.map((o) => [o.id, o.name]));
    const profiles = new Map(institutions.map((o) => [o.id, o.deadlineProfile]));
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    return batches.map((b) => ({
      ...b,
      institutionName: names.get(b.institutionId) ?? '',
      statusLabel: BATCH_STATUS_LABELS[b.status],
      nextStatus: isReviewStage(b.status) ? nextStatus(b.status, profiles.get(b.institutionId) ?? 'national') : null,
      ...dueFields(calendar, b.dueDate, today, b.status),
    }));
  }
}

export function dueFields(calendar: WorkingDayCalendar, due: string | null, today: string, status: string) {
  if (!due || status === 'published') {
    return { overdue: false, workingDaysLeft: null, dueText: null };
  }
  const s = deadlineStatus(calendar, due, today);
  return { overdue: s.overdue, workingDaysLeft: s.overdue ? -s.workingDaysOverdue : s.workingDaysLeft, dueText: s.text };
}
