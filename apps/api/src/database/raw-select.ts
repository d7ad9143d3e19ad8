import {
  Brackets,
  type DataSource,
  type EntityMetadata,
  type EntityTarget,
  type ObjectLiteral,
  type WhereExpressionBuilder,
} from 'typeorm';
import { type FilterDef, type ListQuery, totalFromPage, type WhereTarget } from '../common/http/list-query';
import { countAlongside } from './count-alongside';

type Hydrator<T> = (row: Record<string, unknown>) => T;

const hydrators = new WeakMap<EntityMetadata, Hydrator<unknown>>();
/** Property-path SQL fragments → column SQL, per entity set of a select (fragments are a list's static text). */
const translations = new WeakMap<DataSource, Map<string, string>>();

/**
 * An entity as TypeORM would hydrate it from a row of its own columns (`alias.*`): the same class, each column
 * through the driver's own conversion (dates, booleans, JSON, column transformers), in metadata order.
 */
function hydratorOf<T>(dataSource: DataSource, metadata: EntityMetadata): Hydrator<T> {
  const known = hydrators.get(metadata);
  if (known) return known as Hydrator<T>;
  const driver = dataSource.driver;
  const columns = metadata.columns.filter((c) => !c.isVirtual);
  const hydrate: Hydrator<T> = (row) => {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as ObjectLiteral;
    for (const column of columns) {
      const value = row[column.databaseName];
      if (value === undefined) continue;
      const prepared: unknown = driver.prepareHydratedValue(value, column);
      if (column.embeddedMetadata) column.setEntityValue(entity, prepared);
      else entity[column.propertyName] = prepared;
    }
    return entity as T;
  };
  hydrators.set(metadata, hydrate);
  return hydrate;
}

/** A hand-written statement with named parameters (`:name`, `:...list`), bound as the query builder binds them. */
export async function rawRows<R>(dataSource: DataSource, sql: string, parameters: ObjectLiteral = {}): Promise<R[]> {
  const [text, bound] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
  const runner = dataSource.createQueryRunner(dataSource.defaultReplicationModeForReads());
  try {
    return (await runner.query(text, bound)) as R[];
  } finally {
    await runner.release();
  }
}

/** Entities from a hand-written statement that selects the entity's own columns (`alias.*` or `*`). */
export async function rawEntities<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  sql: string,
  parameters: ObjectLiteral = {},
): Promise<T[]> {
  const hydrate = hydratorOf<T>(dataSource, dataSource.getMetadata(entity));
  return (await rawRows<Record<string, unknown>>(dataSource, sql, parameters)).map(hydrate);
}

interface Part {
  op: 'and' | 'or';
  sql: string;
}

/** Collects one level of conditions (the query's own, or a Brackets group) as `and`/`or` parts. */
class Conditions {
  readonly parts: Part[] = [];

  constructor(private readonly select: RawSelect<ObjectLiteral>) {}

  where(where: string | Brackets, parameters?: ObjectLiteral): this {
    return this.add('and', where, parameters);
  }

  andWhere(where: string | Brackets, parameters?: ObjectLiteral): this {
    return this.add('and', where, parameters);
  }

  orWhere(where: string | Brackets, parameters?: ObjectLiteral): this {
    return this.add('or', where, parameters);
  }

  sql(): string {
    return this.parts.map((p, i) => (i === 0 ? p.sql : `${p.op === 'and' ? 'AND' : 'OR'} ${p.sql}`)).join(' ');
  }

  private add(op: Part['op'], where: string | Brackets, parameters?: ObjectLiteral): this {
    if (parameters) this.select.setParameters(parameters);
    if (typeof where === 'string') {
      this.parts.push({ op, sql: `(${this.select.columns(where)})` });
    } else if (where instanceof Brackets) {
      const group = new Conditions(this.select);
      where.whereFactory(group as unknown as WhereExpressionBuilder);
      if (group.parts.length) this.parts.push({ op, sql: `(${group.sql()})` });
    } else {
      throw new Error('RawSelect: unsupported condition');
    }
    return this;
  }
}

/**
 * A list page in hand-written SQL, for the pages every console screen reads: no query builder and no generic
 * hydration per request (they cost more than the statements they ran, docs/benchmarks.md `bench:review`). The
 * shared WHERE helpers apply to it as to a SelectQueryBuilder: conditions use `alias.property` (as with TypeORM),
 * translated once per fragment to quoted columns of the aliases declared here; named parameters (`:name`,
 * `:...list`) are bound through the driver's own conversion, as the query builder does. The rows are entities of
 * the first alias, as `getMany()` would return them.
 */
export class RawSelect<T extends ObjectLiteral> implements WhereTarget {
  private readonly aliases = new Map<string, EntityMetadata>();
  /** The aliases and their entities, as the key of cached fragment translations. */
  private aliasKey = '';
  private readonly from: string;
  private readonly joins: string[] = [];
  private readonly conditions: Conditions;
  private readonly parameters: ObjectLiteral = {};

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<T>,
    private readonly alias: string,
  ) {
    const metadata = dataSource.getMetadata(entity);
    this.aliases.set(alias, metadata);
    this.aliasKey = `${alias}=${metadata.name}`;
    this.from = `${this.escape(metadata.tablePath)} ${this.escape(alias)}`;
    this.conditions = new Conditions(this);
  }

  /** INNER JOIN of another entity; `on` in `alias.property` terms. */
  innerJoin(entity: EntityTarget<ObjectLiteral>, alias: string, on: string): this {
    const metadata = this.dataSource.getMetadata(entity);
    this.aliases.set(alias, metadata);
    this.aliasKey += `,${alias}=${metadata.name}`;
    this.joins.push(`INNER JOIN ${this.escape(metadata.tablePath)} ${this.escape(alias)} ON ${this.columns(on)}`);
    return this;
  }

  andWhere(where: string | Brackets, parameters?: ObjectLiteral): this {
    this.conditions.andWhere(where, parameters);
    return this;
  }

  getParameters(): ObjectLiteral {
    return this.parameters;
  }

  setParameters(parameters: ObjectLiteral): this {
    Object.assign(this.parameters, parameters);
    return this;
  }

  /** The requested page (declared sort, then the tie-breaker) and the total, counted only when the page does not tell. */
  async page(query: ListQuery<Record<string, FilterDef>>): Promise<{ rows: T[]; total: number }> {
    const order = `${this.columns(query.sort.column)} ${query.sort.order}`;
    const tie = query.sort.column === query.tieBreaker ? '' : `, ${this.columns(query.tieBreaker)} ${query.sort.order}`;
    const size = query.range.end - query.range.start + 1;
    const counting = countAlongside(this.dataSource, () => this.count());
    // Both bounds are checked integers (parseListQuery): inlined, as the query builder does.
    const raw = await this.run(
      `SELECT ${this.escape(this.alias)}.* FROM ${this.body()} ORDER BY ${order}${tie} LIMIT ${size} OFFSET ${query.range.start}`,
    );
    const hydrate = hydratorOf<T>(this.dataSource, this.aliases.get(this.alias)!);
    const rows = raw.map(hydrate);
    const total = totalFromPage(query, rows.length) ?? (await (counting ?? this.count()));
    return { rows, total };
  }

  /** Rows counted; every join here is to one row (a many-to-one), so rows are the first alias's entities. */
  async count(): Promise<number> {
    const [row] = await this.run(`SELECT COUNT(1) AS cnt FROM ${this.body()}`);
    return Number(row.cnt);
  }

  /** `alias.property` → quoted `alias`.`column` for the aliases of this select; anything else unchanged. */
  columns(fragment: string): string {
    let cache = translations.get(this.dataSource);
    if (!cache) translations.set(this.dataSource, (cache = new Map<string, string>()));
    const key = `${this.aliasKey}|${fragment}`;
    let sql = cache.get(key);
    if (sql === undefined) {
      sql = fragment.replace(/\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b/g, (whole, alias: string, property: string) => {
        const column = this.aliases.get(alias)?.findColumnWithPropertyName(property);
        return column ? `${this.escape(alias)}.${this.escape(column.databaseName)}` : whole;
      });
      cache.set(key, sql);
    }
    return sql;
  }

  private body(): string {
    const where = this.conditions.parts.length ? ` WHERE ${this.conditions.sql()}` : '';
    return `${this.from}${this.joins.length ? ` ${this.joins.join(' ')}` : ''}${where}`;
  }

  private run(sql: string): Promise<Record<string, unknown>[]> {
    return rawRows(this.dataSource, sql, this.parameters);
  }

  private escape(name: string): string {
    return this.dataSource.driver.escape(name);
  }
}
