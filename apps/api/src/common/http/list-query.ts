import type { Response } from 'express';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '@app/domain';

/** What react-admin's ra-data-simple-rest sends: sort=["f","ASC"], range=[0,24], filter={...}. */
export interface ListQuery {
  sort: { field: string; order: 'ASC' | 'DESC' };
  range: { start: number; end: number };
  filter: Record<string, unknown>;
}

export interface RawListQuery {
  sort?: string;
  range?: string;
  filter?: string;
}

const MAX_PAGE = 500;
const badQuery = (message: string) => new DomainError('BAD_QUERY', message);

function parseJson(raw: string | undefined, name: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badQuery(`查询参数 ${name} 不是合法的 JSON`);
  }
}

export function parseListQuery(raw: RawListQuery, defaultSort: ListQuery['sort']): ListQuery {
  const sort = parseJson(raw.sort, 'sort');
  const range = parseJson(raw.range, 'range');
  const filter = parseJson(raw.filter, 'filter') ?? {};
  let parsedSort = defaultSort;
  if (sort !== undefined) {
    if (!Array.isArray(sort) || typeof sort[0] !== 'string' || !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())) {
      throw badQuery('排序参数 sort 应为 ["字段","ASC|DESC"]');
    }
    parsedSort = { field: sort[0], order: String(sort[1]).toUpperCase() as 'ASC' | 'DESC' };
  }
  let parsedRange = { start: 0, end: 24 };
  if (range !== undefined) {
    if (!Array.isArray(range) || !Number.isInteger(range[0]) || !Number.isInteger(range[1]) || range[0] < 0 || range[1] < range[0]) {
      throw badQuery('分页参数 range 应为 [起始, 结束]');
    }
    if (range[1] - range[0] + 1 > MAX_PAGE) throw badQuery(`每页最多 ${MAX_PAGE} 条`);
    parsedRange = { start: range[0], end: range[1] };
  }
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw badQuery('筛选参数 filter 应为对象');
  return { sort: parsedSort, range: parsedRange, filter: filter as Record<string, unknown> };
}

/**
 * Applies sort and range to a query through a whitelist of sortable fields (field → SQL expression), so
 * a user-supplied field name never reaches SQL.
 */
export function applySortAndRange<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  sortable: Record<string, string>,
  tieBreaker: string,
): SelectQueryBuilder<T> {
  const column = sortable[query.sort.field];
  if (!column) throw badQuery(`不支持按 ${query.sort.field} 排序`);
  qb.orderBy(column, query.sort.order);
  if (column !== tieBreaker) qb.addOrderBy(tieBreaker, query.sort.order);
  return qb.offset(query.range.start).limit(query.range.end - query.range.start + 1);
}

/** Writes `Content-Range: <resource> start-end/total` as ra-data-simple-rest expects. */
export function setContentRange(res: Response, resource: string, query: ListQuery, count: number, total: number): void {
  const end = count === 0 ? query.range.start : query.range.start + count - 1;
  res.setHeader('Content-Range', `${resource} ${query.range.start}-${end}/${total}`);
}

/** filter={"id":[1,2]} (getMany) → a list of positive integer ids, or undefined. */
export function idListFilter(filter: Record<string, unknown>): number[] | undefined {
  const raw = filter.id;
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  const ids = list.map(Number);
  if (ids.some((n) => !Number.isInteger(n) || n <= 0)) throw badQuery('id 筛选应为正整数列表');
  return ids;
}

export function stringFilter(filter: Record<string, unknown>, key: string): string | undefined {
  const value = filter[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw badQuery(`筛选条件 ${key} 应为文本`);
  return String(value);
}

/** LIKE patterns escaped with "!" — an escape character MySQL, MariaDB, TiDB and SQLite all accept. Use with `ESCAPE '!'`. */
export function likeContains(value: string): string {
  return `%${value.replace(/[!%_]/g, '!$&')}%`;
}

export function likePrefix(value: string): string {
  return `${value.replace(/[!%_]/g, '!$&')}%`;
}
