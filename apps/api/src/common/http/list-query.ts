import type { Response } from 'express';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DomainError, isIsoDate } from '@app/domain';
import { countAlongside } from '../../database/count-alongside';

/**
 * The one parser for react-admin's list queries (ra-data-simple-rest: sort=["f","ASC"], range=[0,24],
 * filter={...}). Each list declares its sort fields and filters (name, type, operator, SQL expression);
 * a key from the request is only ever looked up in those declarations — `Map`s, never plain objects with
 * inherited properties, so `__proto__`, `constructor` or `toString` are unknown keys (400), not object
 * internals. Every value is checked against its declared type before it reaches SQL.
 */

export type SortOrder = 'ASC' | 'DESC';

/**
 * What the shared WHERE helpers (`applyFilters`, `restrictToSubtree`, list scopes) need of a query: TypeORM's
 * SelectQueryBuilder has it, and so has the hand-written list select (database/raw-select.ts).
 */
export interface WhereTarget {
  andWhere(where: string | Brackets, parameters?: ObjectLiteral): unknown;
  getParameters(): ObjectLiteral;
}

/**
 * `id`: a positive integer id; `idList`: several (getMany), or one; `text`: a string (a number is taken as
 * its text); `enum`/`enumList`: one or several of the declared values; `date`: a real YYYY-MM-DD day;
 * `boolean`: true or false.
 */
export type FilterType = 'id' | 'idList' | 'text' | 'enum' | 'enumList' | 'date' | 'boolean';

/**
 * How a declared column is compared: `eq` (default for single values), `in` (default for lists),
 * `contains`/`prefix` (escaped LIKE, several columns OR-ed), `isTrue` (applied only when the value is true:
 * switching a console toggle off lists everything again).
 */
export type FilterOperator = 'eq' | 'in' | 'contains' | 'prefix' | 'isTrue';

export interface FilterDef {
  type: FilterType;
  /** Declared values of an `enum`/`enumList` filter. */
  values?: readonly string[];
  /** SQL expression(s) the filter compares; absent when the list's service applies the value itself. */
  column?: string | readonly string[];
  op?: FilterOperator;
  /** Longest accepted text (default 100 characters). */
  maxLength?: number;
}

type FilterValue<D extends FilterDef> = D['type'] extends 'id'
  ? number
  : D['type'] extends 'idList'
    ? number[]
    : D['type'] extends 'boolean'
      ? boolean
      : D['type'] extends 'enum'
        ? D['values'] extends readonly (infer V)[]
          ? V
          : string
        : D['type'] extends 'enumList'
          ? D['values'] extends readonly (infer V)[]
            ? V[]
            : string[]
          : string;

export type ListFilters<F extends Record<string, FilterDef>> = { readonly [K in keyof F]?: FilterValue<F[K]> };

export interface ListSpec<F extends Record<string, FilterDef>> {
  /** The resource name in `Content-Range`. */
  resource: string;
  /** Sortable fields → SQL expression. Every list sorts by `id` (the console's default). */
  sort: Readonly<Record<string, string>>;
  defaultSort: { field: string; order: SortOrder };
  /** Unique SQL expression appended to every ordering, so pages are stable. */
  tieBreaker: string;
  filters: F;
}

export interface ListDefinition<F extends Record<string, FilterDef>> {
  readonly resource: string;
  readonly tieBreaker: string;
  readonly defaultSort: { field: string; order: SortOrder };
  readonly sorts: ReadonlyMap<string, string>;
  readonly filters: ReadonlyMap<string, FilterDef>;
  /** Only for typing `ListQuery<F>`. */
  readonly _filters?: F;
}

export interface ListQuery<F extends Record<string, FilterDef> = Record<string, FilterDef>> {
  resource: string;
  sort: { field: string; column: string; order: SortOrder };
  tieBreaker: string;
  range: { start: number; end: number };
  /** Only declared filters, each of its declared type; a null-prototype object. */
  filter: ListFilters<F>;
  /** The filters the list applies by their declared column. */
  columnFilters: readonly { name: string; def: FilterDef; value: unknown }[];
}

export type QueryOf<D> = D extends ListDefinition<infer F> ? ListQuery<F> : never;

export interface RawListQuery {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

/** react-admin pages are at most this long; the console asks for up to 500 rows (reference inputs). */
export const MAX_PAGE = 500;
/** Further than any console pages; past it the offset scan itself would be the attack. */
export const MAX_OFFSET = 10_000_000;
const MAX_ID = 2_147_483_647;
const MAX_LIST = 500;
const DEFAULT_TEXT_LENGTH = 100;

const badQuery = (message: string) => new DomainError('BAD_QUERY', message);

export function defineList<const F extends Record<string, FilterDef>>(spec: ListSpec<F>): ListDefinition<F> {
  const sorts = new Map(Object.entries(spec.sort));
  if (!sorts.has('id')) throw new Error(`${spec.resource}: every list sorts by id`);
  if (!sorts.has(spec.defaultSort.field)) {
    throw new Error(`${spec.resource}: default sort ${spec.defaultSort.field} is not declared`);
  }
  const filters = new Map<string, FilterDef>(Object.entries(spec.filters));
  for (const [name, def] of filters) {
    if ((def.type === 'enum' || def.type === 'enumList') && !def.values?.length) {
      throw new Error(`${spec.resource}.${name}: enum without values`);
    }
  }
  return { resource: spec.resource, tieBreaker: spec.tieBreaker, defaultSort: spec.defaultSort, sorts, filters };
}

function parseJson(raw: unknown, name: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badQuery(`查询参数 ${name} 只能出现一次，且应为 JSON 文本`);
  try {
    return JSON.parse(raw);
  } catch {
    throw badQuery(`查询参数 ${name} 不是合法的 JSON`);
  }
}

function parseSort(value: unknown, def: ListDefinition<Record<string, FilterDef>>): ListQuery['sort'] {
  const fallback = def.defaultSort;
  if (value === undefined) return { ...fallback, column: def.sorts.get(fallback.field) as string };
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw badQuery('排序参数 sort 应为 ["字段","ASC|DESC"]');
  }
  const order = value[1].toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw badQuery('排序方向应为 ASC 或 DESC');
  const column = def.sorts.get(value[0]);
  if (column === undefined) throw badQuery(`不支持按 ${value[0].slice(0, 40)} 排序`);
  return { field: value[0], column, order };
}

function parseRange(value: unknown): ListQuery['range'] {
  if (value === undefined) return { start: 0, end: 24 };
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !Number.isSafeInteger(value[0]) ||
    !Number.isSafeInteger(value[1])
  ) {
    throw badQuery('分页参数 range 应为 [起始, 结束] 两个整数');
  }
  const [start, end] = value as [number, number];
  if (start < 0 || end < start) throw badQuery('分页参数 range 应为 [起始, 结束]，且 0 ≤ 起始 ≤ 结束');
  if (end - start + 1 > MAX_PAGE) throw badQuery(`每页最多 ${MAX_PAGE} 条`);
  if (start > MAX_OFFSET) throw badQuery(`分页起始位置不能超过 ${MAX_OFFSET}`);
  return { start, end };
}

function parseId(value: unknown, name: string): number {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_ID) {
    throw badQuery(`筛选条件 ${name} 应为正整数编号`);
  }
  return n;
}

function parseEnum(value: unknown, name: string, values: readonly string[]): string {
  if (typeof value !== 'string' || !values.includes(value)) throw badQuery(`筛选条件 ${name} 的取值不在允许范围内`);
  return value;
}

function asList(value: unknown, name: string): unknown[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_LIST) throw badQuery(`筛选条件 ${name} 最多 ${MAX_LIST} 项`);
  return list;
}

/** The declared type's value, or undefined for an empty text (react-admin's cleared input). */
function parseFilterValue(name: string, def: FilterDef, value: unknown): unknown {
  switch (def.type) {
    case 'id':
      return parseId(value, name);
    case 'idList':
      return asList(value, name).map((v) => parseId(v, name));
    case 'enum':
      return parseEnum(value, name, def.values ?? []);
    case 'enumList':
      return asList(value, name).map((v) => parseEnum(v, name, def.values ?? []));
    case 'boolean':
      if (typeof value !== 'boolean') throw badQuery(`筛选条件 ${name} 应为 true 或 false`);
      return value;
    case 'date':
      if (!isIsoDate(value)) throw badQuery(`筛选条件 ${name} 应为有效的 YYYY-MM-DD 日期`);
      return value;
    case 'text': {
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value !== 'string') throw badQuery(`筛选条件 ${name} 应为文本`);
      if (value.length > (def.maxLength ?? DEFAULT_TEXT_LENGTH)) throw badQuery(`筛选条件 ${name} 过长`);
      return value === '' ? undefined : value;
    }
  }
}

/** Parses and checks a list request against the list's declarations; anything else is 400 BAD_QUERY. */
export function parseListQuery<F extends Record<string, FilterDef>>(
  raw: RawListQuery,
  def: ListDefinition<F>,
): ListQuery<F> {
  const sort = parseSort(parseJson(raw.sort, 'sort'), def);
  const range = parseRange(parseJson(raw.range, 'range'));
  const parsedFilter: unknown = parseJson(raw.filter, 'filter');
  const rawFilter = parsedFilter === undefined ? {} : parsedFilter;
  if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) {
    throw badQuery('筛选参数 filter 应为对象');
  }
  const filter = Object.create(null) as Record<string, unknown>;
  const columnFilters: ListQuery['columnFilters'][number][] = [];
  for (const [name, value] of Object.entries(rawFilter as Record<string, unknown>)) {
    const filterDef = def.filters.get(name);
    if (filterDef === undefined) throw badQuery(`不支持的筛选条件：${name.slice(0, 40)}`);
    const parsed = parseFilterValue(name, filterDef, value);
    if (parsed === undefined) continue;
    filter[name] = parsed;
    if (filterDef.column !== undefined) columnFilters.push({ name, def: filterDef, value: parsed });
  }
  return {
    resource: def.resource,
    sort,
    tieBreaker: def.tieBreaker,
    range,
    filter: filter as ListFilters<F>,
    columnFilters,
  };
}

/** Applies every filter declared with a column: `:lf_<name>` parameters, names from the declaration only. */
export function applyFilters<Q extends WhereTarget>(qb: Q, query: ListQuery<Record<string, FilterDef>>): Q {
  for (const { name, def, value } of query.columnFilters) {
    const columns = typeof def.column === 'string' ? [def.column] : (def.column ?? []);
    const param = `lf_${name}`;
    const op = def.op ?? (Array.isArray(value) ? 'in' : 'eq');
    switch (op) {
      case 'in': {
        const list = value as unknown[];
        if (list.length === 0) qb.andWhere('1 = 0');
        else qb.andWhere(`${columns[0]} IN (:...${param})`, { [param]: list });
        break;
      }
      case 'contains':
      case 'prefix': {
        const pattern = op === 'contains' ? likeContains(String(value)) : likePrefix(String(value));
        qb.andWhere(
          new Brackets((w) =>
            columns.forEach((c) => w.orWhere(`${c} LIKE :${param} ESCAPE '!'`, { [param]: pattern })),
          ),
        );
        break;
      }
      case 'isTrue':
        if (value === true) qb.andWhere(`${columns[0]} = :${param}`, { [param]: true });
        break;
      case 'eq':
        qb.andWhere(`${columns[0]} = :${param}`, { [param]: value });
        break;
    }
  }
  return qb;
}

/** Orders by the declared sort column (then the tie-breaker) and takes the requested page. */
export function applySortAndRange<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery<Record<string, FilterDef>>,
): SelectQueryBuilder<T> {
  qb.orderBy(query.sort.column, query.sort.order);
  if (query.sort.column !== query.tieBreaker) qb.addOrderBy(query.tieBreaker, query.sort.order);
  return qb.offset(query.range.start).limit(query.range.end - query.range.start + 1);
}

/**
 * The total and the requested page of entities. The page is read first: a page shorter than asked for, and not
 * empty past the start, ends the list, so its total is known without counting (one statement for short lists).
 */
export async function fetchPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery<Record<string, FilterDef>>,
): Promise<{ rows: T[]; total: number }> {
  // getCount counts on a copy without the ordering and the page.
  const counting = countAlongside(qb.connection, () => qb.getCount());
  const rows = await applySortAndRange(qb, query).getMany();
  return { rows, total: totalFromPage(query, rows.length) ?? (await (counting ?? qb.getCount())) };
}

/**
 * The first `limit` rows by `sort` (ties by `tieBreaker`, in the same direction) and how many match in all — counted
 * only when the rows fill the limit (the deadline board's sources).
 */
export async function firstRows<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sort: { column: string; order: SortOrder },
  tieBreaker: string,
  limit: number,
): Promise<{ rows: T[]; total: number }> {
  const rows = await qb
    .clone()
    .orderBy(sort.column, sort.order)
    .addOrderBy(tieBreaker, sort.order)
    .limit(limit)
    .getMany();
  return { rows, total: rows.length < limit ? rows.length : await qb.getCount() };
}

/** The list's total when this page shows it (a short page that is not empty, or an empty list), else null. */
export function totalFromPage(query: ListQuery<Record<string, FilterDef>>, rowsOnPage: number): number | null {
  const size = query.range.end - query.range.start + 1;
  if (rowsOnPage >= size) return null;
  if (rowsOnPage === 0 && query.range.start > 0) return null;
  return query.range.start + rowsOnPage;
}

/** Writes `Content-Range: <resource> start-end/total` as ra-data-simple-rest expects, and returns the rows. */
export function sendPage<R>(
  res: Response,
  query: ListQuery<Record<string, FilterDef>>,
  page: { rows: R[]; total: number },
): R[] {
  const end = page.rows.length === 0 ? query.range.start : query.range.start + page.rows.length - 1;
  res.setHeader('Content-Range', `${query.resource} ${query.range.start}-${end}/${page.total}`);
  return page.rows;
}

/** LIKE patterns escaped with "!" — an escape character MySQL, MariaDB, TiDB and SQLite all accept. Use with `ESCAPE '!'`. */
export function likeContains(value: string): string {
  return `%${value.replace(/[!%_]/g, '!$&')}%`;
}

export function likePrefix(value: string): string {
  return `${value.replace(/[!%_]/g, '!$&')}%`;
}
