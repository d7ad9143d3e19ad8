import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import {
  ancestorIds,
  BATCH_STATUS_LABELS,
  BatchStatus,
  isReviewStage,
  ROLE_LABELS,
  STAGE_LEVEL,
  STAGE_ROLE,
} from '@app/domain';
import { Actor } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { applyFilters, applySortAndRange, defineList, QueryOf } from '../common/http/list-query';
import { CalendarService } from '../calendar/calendar.service';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { BatchQueryService, dueFields } from '../batches/batch-query.service';
import { Batch } from '../batches/entities/batch.entity';
import type { DeadlineItem, DeadlineItemKind } from '@app/contracts';

/** Everything still open: uploads awaiting submission, reviews, corrections after returns. */
const OPEN_STATUSES: BatchStatus[] = ['draft', 'returned', 'municipal_review', 'municipal_head_approval', 'provincial_review', 'national_review'];
const DUE_SOON_WORKING_DAYS = 3;

export type { DeadlineItemKind } from '@app/contracts';

export const DEADLINE_LIST = defineList({
  resource: 'deadlines',
  sort: { dueDate: 'b.dueDate', id: 'b.id', status: 'b.status' },
  defaultSort: { field: 'dueDate', order: 'ASC' },
  tieBreaker: 'b.id',
  filters: {
    id: { type: 'idList', column: 'b.id' },
    // Stage, kind, region and state narrow the open statuses and due dates below.
    status: { type: 'enum', values: OPEN_STATUSES },
    kind: { type: 'enum', values: ['upload', 'review', 'correction'] },
    organisationId: { type: 'id' },
    state: { type: 'enum', values: ['overdue', 'due_soon', 'on_time'] },
  },
});

/**
 * the 期限看板 — every open item in the caller's jurisdiction with its due date, working days left
 * or overdue, and who must act. Overdue reviews stay open; nothing is approved automatically.
 */
@Injectable()
export class DeadlineBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdiction: JurisdictionService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly queries: BatchQueryService,
  ) {}

  async list(actor: Actor, query: QueryOf<typeof DEADLINE_LIST>): Promise<{ rows: DeadlineItem[]; total: number }> {
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    const qb = this.dataSource.getRepository(Batch).createQueryBuilder('b');
    this.jurisdiction.restrictList(qb, 'b.orgPath', actor);
    applyFilters(qb, query);
    const { status, kind, organisationId, state } = query.filter;
    qb.andWhere('b.status IN (:...statuses)', { statuses: status ? [status] : OPEN_STATUSES });
    if (kind === 'upload') qb.andWhere('b.status = :draft', { draft: 'draft' });
    if (kind === 'correction') qb.andWhere('b.status = :returned', { returned: 'returned' });
    if (kind === 'review') qb.andWhere('b.status NOT IN (:...notReview)', { notReview: ['draft', 'returned'] });
    if (organisationId !== undefined) await this.queries.restrictToRegion(qb, actor, organisationId);
    const soon = calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS);
    if (state === 'overdue') qb.andWhere('b.dueDate < :today', { today });
    else if (state === 'due_soon') qb.andWhere('b.dueDate >= :today AND b.dueDate <= :soon', { today, soon });
    else if (state === 'on_time') qb.andWhere(new Brackets((w) => w.where('b.dueDate > :soon', { soon })));

    const total = await qb.getCount();
    // Two steps, so the open items are never read as rows: the page's ids come from the batches index on
    // (status, org_path, due_date) alone (the count uses it too), then only those 25 rows are read.
    const pageIds = (await applySortAndRange(qb.clone().select('b.id', 'id'), query).getRawMany<{ id: number }>()).map((r) =>
      Number(r.id),
    );
    const found = pageIds.length ? await this.dataSource.getRepository(Batch).findBy({ id: In(pageIds) }) : [];
    const byId = new Map(found.map((b) => [b.id, b]));
    const rows = pageIds.map((id) => byId.get(id)).filter((b): b is Batch => b !== undefined);
    const organisations = await this.organisationsOnPaths(rows);
    const items = rows.map((b) => {
      const institution = organisations.get(b.institutionId);
      const responsible = this.responsible(b, organisations);
      return {
        id: b.id,
        batchId: b.id,
        version: b.version,
        kind: itemKind(b.status),
        status: b.status,
        statusLabel: BATCH_STATUS_LABELS[b.status],
        institutionId: b.institutionId,
        institutionName: institution?.name ?? '',
        recordCount: b.recordCount,
        lateSubmission: b.lateSubmission,
        stageReceivedOn: b.stageReceivedOn,
        dueDate: b.dueDate,
        // computed on a year whose holiday notice is not yet published.
        dueProvisional: b.dueProvisional,
        ...dueFields(calendar, b.dueDate, today, b.status),
        responsibleOrganisationId: responsible.organisation?.id ?? null,
        responsibleOrganisation: responsible.organisation?.name ?? '',
        responsibleRole: responsible.roleLabel,
      };
    });
    return { rows: items, total };
  }

  /** Review stages belong to the centre at the stage's level on the institution's path; the rest to the institution. */
  private responsible(batch: Batch, organisations: Map<number, Organisation>) {
    if (!isReviewStage(batch.status)) {
      return { organisation: organisations.get(batch.institutionId), roleLabel: ROLE_LABELS.institution_operator };
    }
    const level = STAGE_LEVEL[batch.status];
    const owner = ancestorIds(batch.orgPath)
      .map((id) => organisations.get(id))
      .find((o) => o?.level === level);
    return { organisation: owner, roleLabel: ROLE_LABELS[STAGE_ROLE[batch.status]] };
  }

  private async organisationsOnPaths(batches: Batch[]): Promise<Map<number, Organisation>> {
    const ids = [...new Set(batches.flatMap((b) => ancestorIds(b.orgPath)))];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .select(['o.id', 'o.name', 'o.level'])
      .whereInIds(ids)
      .getMany();
    return new Map(rows.map((o) => [o.id, o]));
  }
}

function itemKind(status: BatchStatus): DeadlineItemKind {
  if (status === 'draft') return 'upload';
  if (status === 'returned') return 'correction';
  return 'review';
}
