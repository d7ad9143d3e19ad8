import { Injectable } from '@nestjs/common';
import type { WorkingDayCalendar } from '@app/domain';
import type { DeadlineItem, DeadlineItemKind, DeadlineState } from '@app/contracts';
import type { Actor } from '../common/actor/actor';
import type { SortOrder } from '../common/http/list-query';
import type { ListScope } from '../certificates/certificates.repository';

/** What the board asks of a feature's open items: the caller's scope (jurisdiction and region), state, order, count. */
export interface DeadlineSourceQuery {
  actor: Actor;
  /** Narrows to the caller's jurisdiction and the board's region filter, given the SQL path of the owning organisation. */
  scope: ListScope;
  state: DeadlineState | undefined;
  today: string;
  /** The last day counted as due soon (today + 3 working days). */
  soonUntil: string;
  calendar: WorkingDayCalendar;
  sort: { field: 'dueDate' | 'id' | 'status'; order: SortOrder };
  /** The first `limit` items in that order (ties by id, in the same direction). */
  limit: number;
}

/** A feature's open items with a due date, of one board kind. */
export interface DeadlineSource {
  kind: DeadlineItemKind;
  items(query: DeadlineSourceQuery): Promise<{ rows: DeadlineItem[]; total: number }>;
}

/**
 * Features above reviews add their open items to the 期限看板 here (R-26: re-checks) without reviews importing them:
 * each registers a source when its module starts, as reminder sources do.
 */
@Injectable()
export class DeadlineSources {
  private readonly sources: DeadlineSource[] = [];

  register(source: DeadlineSource): void {
    this.sources.push(source);
  }

  kinds(): DeadlineItemKind[] {
    return this.sources.map((s) => s.kind);
  }

  /** The first `query.limit` items of the sources (of `kind` only, when given) in the board's order, and their total. */
  async items(query: DeadlineSourceQuery, kind?: DeadlineItemKind): Promise<{ rows: DeadlineItem[]; total: number }> {
    const chosen = this.sources.filter((s) => kind === undefined || s.kind === kind);
    const pages = await Promise.all(chosen.map((s) => s.items(query)));
    const rows = pages
      .flatMap((p) => p.rows)
      .sort((a, b) => compareItems(a, b, query.sort))
      .slice(0, query.limit);
    return { rows, total: pages.reduce((sum, p) => sum + p.total, 0) };
  }
}

/** The number an item sorts by under `id`: a batch's id, a feature item's own id. */
function numericId(item: DeadlineItem): number {
  return typeof item.id === 'number' ? item.id : (item.recheckId ?? item.correctionId ?? item.complaintId ?? 0);
}

function sortValue(item: DeadlineItem, field: DeadlineSourceQuery['sort']['field']): string | number | null {
  if (field === 'id') return numericId(item);
  return field === 'dueDate' ? item.dueDate : item.status;
}

/**
 * The board's order on its sort field alone: negative when `a` comes first. A null due date comes first ascending and
 * last descending, as MySQL and SQLite sort NULL.
 */
export function compareOnField(a: DeadlineItem, b: DeadlineItem, sort: DeadlineSourceQuery['sort']): number {
  const x = sortValue(a, sort.field);
  const y = sortValue(b, sort.field);
  const base = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
  return sort.order === 'ASC' ? base : -base;
}

/** The board's order, ties by id in the same direction (the batches' SQL tie-breaker). */
export function compareItems(a: DeadlineItem, b: DeadlineItem, sort: DeadlineSourceQuery['sort']): number {
  const byField = compareOnField(a, b, sort);
  if (byField !== 0) return byField;
  return sort.order === 'ASC' ? numericId(a) - numericId(b) : numericId(b) - numericId(a);
}
