import { Injectable } from '@nestjs/common';
import {
  ancestorIds,
  DUE_SOON_WORKING_DAYS,
  OPEN_BATCH_STATUSES,
  BATCH_STATUS_LABELS,
  batchReminderKind,
  batchResponsibility,
  ROLE_LABELS,
  type WorkingDayCalendar,
} from '@app/domain';
import { Actor } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { defineList, QueryOf } from '../common/http/list-query';
import { CalendarService } from '../calendar/calendar.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { BatchQueryService, dueFields } from '../batches/batch-query.service';
import { BatchesRepository } from '../batches/batches.repository';
import { Batch } from '../batches/entities/batch.entity';
import type { ListScope } from '../certificates/certificates.repository';
import type { DeadlineItem } from '@app/contracts';
import { mergedPage } from './deadline-merge';
import { compareOnField, DeadlineSourceQuery, DeadlineSources } from './deadline-sources';

export type { DeadlineItemKind } from '@app/contracts';

export const DEADLINE_LIST = defineList({
  resource: 'deadlines',
  sort: { dueDate: 'b.dueDate', id: 'b.id', status: 'b.status' },
  defaultSort: { field: 'dueDate', order: 'ASC' },
  tieBreaker: 'b.id',
  filters: {
    id: { type: 'idList', column: 'b.id' },
    // Stage, kind, region and state narrow the open statuses and due dates below.
    status: { type: 'enum', values: [...OPEN_BATCH_STATUSES] },
    kind: { type: 'enum', values: ['upload', 'review', 'correction', 'recheck', 'correction_request', 'complaint'] },
    organisationId: { type: 'id' },
    state: { type: 'enum', values: ['overdue', 'due_soon', 'on_time'] },
  },
});

const BATCH_KINDS: readonly string[] = ['upload', 'review', 'correction'];

/**
 * the 期限看板 — every open item in the caller's jurisdiction with its due date, working days left
 * or overdue, and who must act. Overdue reviews stay open; nothing is approved automatically. Besides the open
 * batches, features above reviews add their own open items (R-26 re-checks) through DeadlineSources; the two are
 * merged into one order a page at a time (deadline-merge.ts).
 */
@Injectable()
export class DeadlineBoardService {
  constructor(
    private readonly batches: BatchesRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly queries: BatchQueryService,
    private readonly sources: DeadlineSources,
  ) {}

  async list(actor: Actor, query: QueryOf<typeof DEADLINE_LIST>): Promise<{ rows: DeadlineItem[]; total: number }> {
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    const { status, kind, organisationId, state, id } = query.filter;
    const soon = calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS);
    const scope = await this.queries.scope(actor, organisationId);
    const batchPage = (range: { start: number; end: number }) =>
      this.batchItems(calendar, today, { ...query, range }, scope, soon);
    // A batch stage, a batch kind or batch ids name batches only; another kind names a source only.
    const batchesOnly = status !== undefined || id !== undefined || (kind !== undefined && BATCH_KINDS.includes(kind));
    const registered = this.sources.kinds();
    if (batchesOnly || registered.length === 0) return batchPage(query.range);
    const sourceQuery: DeadlineSourceQuery = {
      actor,
      scope,
      state,
      today,
      soonUntil: soon,
      calendar,
      sort: { field: query.sort.field as DeadlineSourceQuery['sort']['field'], order: query.sort.order },
      limit: query.range.end + 1,
    };
    const extras = await this.sources.items(sourceQuery, kind);
    if (kind !== undefined) {
      return { rows: extras.rows.slice(query.range.start, query.range.end + 1), total: extras.total };
    }
    let batchTotal = 0;
    const rows = await mergedPage<DeadlineItem>({
      start: query.range.start,
      end: query.range.end,
      extras: extras.rows,
      extraBefore: (extra, batch) => compareOnField(extra, batch, sourceQuery.sort) < 0,
      fetchMain: async (offset, limit) => {
        const page = await batchPage({ start: offset, end: offset + limit - 1 });
        batchTotal = page.total;
        return page.rows;
      },
    });
    return { rows, total: batchTotal + extras.total };
  }

  /** A page of the open batches as board items. */
  private async batchItems(
    calendar: WorkingDayCalendar,
    today: string,
    query: QueryOf<typeof DEADLINE_LIST>,
    scope: ListScope,
    soon: string,
  ): Promise<{ rows: DeadlineItem[]; total: number }> {
    const { status, kind, state } = query.filter;
    const { rows, total } = await this.batches.listPageByIds(query, scope, {
      // Stage and kind narrow the open statuses: draft is an upload, returned a correction, the rest reviews.
      statuses: (status ? [status] : [...OPEN_BATCH_STATUSES]).filter((s) => !kind || batchReminderKind(s) === kind),
      dueBefore: state === 'overdue' ? today : undefined,
      dueBetween: state === 'due_soon' ? { from: today, to: soon } : undefined,
      dueAfter: state === 'on_time' ? soon : undefined,
    });
    const organisations = await this.organisationsOnPaths(rows);
    const items = rows.map((b): DeadlineItem => {
      const institution = organisations.get(b.institutionId);
      const responsible = this.responsible(b, organisations);
      return {
        id: b.id,
        batchId: b.id,
        version: b.version,
        kind: batchReminderKind(b.status),
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
    // The reminders ask the same question of the same rule (batchResponsibility).
    const { level, role } = batchResponsibility(batch.status);
    if (level === 'institution') {
      return { organisation: organisations.get(batch.institutionId), roleLabel: ROLE_LABELS[role] };
    }
    const owner = ancestorIds(batch.orgPath)
      .map((id) => organisations.get(id))
      .find((o) => o?.level === level);
    return { organisation: owner, roleLabel: ROLE_LABELS[role] };
  }

  private organisationsOnPaths(batches: Batch[]): Promise<Map<number, Organisation>> {
    return this.batches.organisationsById(batches.flatMap((b) => ancestorIds(b.orgPath)));
  }
}
