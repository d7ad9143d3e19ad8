import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { applyFilters, QueryOf, type WhereTarget } from '../common/http/list-query';
import { RawSelect } from '../database/raw-select';
import { versionedUpdate } from '../database/versioned-update';
import type { SealingWorker } from '../crypto/sealing-worker';
import { Organisation } from '../organisations/entities/organisation.entity';
import { Certificate, type LookupStatus } from './entities/certificate.entity';
import { CertificateHistory } from './entities/certificate-history.entity';
import type { CERTIFICATE_LIST } from './certificate-list';

/** Narrows a list query to the caller's jurisdiction, given the SQL expression of the owning organisation's path. */
export type ListScope = (qb: WhereTarget, pathExpr: string) => void;

export type HistoryChange = 'edit' | 'reupload' | 'correction';

/** What the deadline and period rules need of a record, without its personal data. */
export interface RecordDates {
  id: number;
  rowNumber: number;
  certificateNumber: string;
  holderName: string;
  issueDate: string;
}

/** Imported rows sealed by a SealingWorker, ready for insertSealed: INSERT texts, or rows to bind (SQLite). */
export interface SealedRows {
  statements: string[];
  rows?: unknown[][];
  plan?: { head: string; tuple: string; perStatement: number };
}

/** Rows per statement where a list of ids or rows is written in pieces. */
const CHUNK = 500;
/** Rows per INSERT statement of an import (bounded by MAX_BOUND_PARAMETERS on SQLite). */
const INSERT_CHUNK = 1000;
/** Below SQLite's default limit of 32,766 bound parameters per statement. */
const MAX_BOUND_PARAMETERS = 30_000;

/**
 * The certificate records and their history: every query on `certificates` and `certificate_history`.
 * A record's jurisdiction is its institution's path (a batch's org_path is the same path, copied at upload).
 */
@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Certificate numbers of these records, in one read (not personal data: the audit log names records by them). */
  async numbersByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: number | string; certificateNumber: string }[] = await this.dataSource
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect('c.certificateNumber', 'certificateNumber')
      .where('c.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.id), r.certificateNumber]));
  }

  private get repo() {
    return this.dataSource.getRepository(Certificate);
  }

  findById(id: number): Promise<Certificate | null> {
    return this.repo.findOneBy({ id });
  }

  /** A re-read inside a transaction (after a write). */
  findByIdIn(manager: EntityManager, id: number): Promise<Certificate> {
    return manager.getRepository(Certificate).findOneByOrFail({ id });
  }

  findByIds(ids: number[]): Promise<Certificate[]> {
    return this.findByIdsIn(this.dataSource.manager, ids);
  }

  /** Records by id inside a transaction, in id order (missing ids are left out). */
  async findByIdsIn(manager: EntityManager, ids: number[]): Promise<Certificate[]> {
    const found: Certificate[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      found.push(
        ...(await manager.getRepository(Certificate).find({ where: { id: In(chunk) }, order: { id: 'ASC' } })),
      );
    }
    return found.sort((a, b) => a.id - b.id);
  }

  /** The record and the institution it belongs to (whose path decides jurisdiction), or null. */
  findWithInstitution(id: number): Promise<{ certificate: Certificate; institution: Organisation } | null> {
    return this.findWithInstitutionIn(this.dataSource.manager, id);
  }

  /** The same read inside a transaction. */
  async findWithInstitutionIn(
    manager: EntityManager,
    id: number,
  ): Promise<{ certificate: Certificate; institution: Organisation } | null> {
    const certificate = await manager.getRepository(Certificate).findOneBy({ id });
    if (!certificate) return null;
    const institution = await manager.getRepository(Organisation).findOneBy({ id: certificate.institutionId });
    return institution ? { certificate, institution } : null;
  }

  /** A page of records within `scope`, by the declared filters plus an exact certificate number or ID-number blind index. */
  listPage(
    query: QueryOf<typeof CERTIFICATE_LIST>,
    scope: ListScope,
    exact: { certificateNumber?: string; idNumberHash?: string },
  ): Promise<{ rows: Certificate[]; total: number }> {
    const select = new RawSelect(this.dataSource, Certificate, 'c').innerJoin(
      Organisation,
      'o',
      'o.id = c.institutionId',
    );
    scope(select, 'o.path');
    applyFilters(select, query);
    if (exact.certificateNumber) {
      select.andWhere('c.certificateNumber = :certificateNumber', { certificateNumber: exact.certificateNumber });
    }
    if (exact.idNumberHash) select.andWhere('c.idNumberHash = :hash', { hash: exact.idNumberHash });
    // logically deleted records leave the default lists; asked for by id or by lookup status they are shown.
    if (query.filter.id === undefined && query.filter.lookupStatus === undefined) {
      select.andWhere("(c.lookupStatus IS NULL OR c.lookupStatus <> 'deleted')");
    }
    return select.page(query);
  }

  /**
   * Certificates within `scope` published in each period (Beijing days, `from` inclusive, `to` exclusive), in order.
   * One statement: a COUNT per period over the (published_on, institution_id) index, joined UNION ALL — each a pure
   * range count, which MariaDB answers about twice as fast as grouping every row by an expression of its day.
   */
  async countPublished(scope: ListScope, periods: Array<{ from: string; to: string }>): Promise<number[]> {
    if (periods.length === 0) return [];
    const branches = periods.map((p, i) => {
      const qb = this.repo
        .createQueryBuilder('c')
        .innerJoin(Organisation, 'o', 'o.id = c.institutionId')
        .select(`${i}`, 'period')
        .addSelect('COUNT(*)', 'n')
        .where('c.publishedOn >= :from AND c.publishedOn < :to', { from: p.from, to: p.to });
      scope(qb, 'o.path');
      const [sql, parameters] = qb.getQueryAndParameters();
      return { sql, parameters: parameters as unknown[] };
    });
    // Each branch's placeholders are positional ('?' on both drivers), so the parameter lists concatenate in order.
    const rows = await this.dataSource.query<Array<{ period: string | number; n: string | number }>>(
      branches.map((b) => b.sql).join(' UNION ALL '),
      branches.flatMap((b) => b.parameters),
    );
    const counts = periods.map(() => 0);
    for (const r of rows) counts[Number(r.period)] = Number(r.n);
    return counts;
  }

  /** whether another record anywhere already has this certificate number. */
  numberTakenElsewhere(certificateNumber: string, exceptId: number): Promise<boolean> {
    return this.repo.existsBy({ certificateNumber, id: Not(exceptId) });
  }

  /** Whether another record of the batch has this holder (blind index), occupation and level. */
  twinInBatch(
    batchId: number,
    twin: { idNumberHash: string; occupationCode: string; level: number | null },
    exceptId: number,
  ): Promise<boolean> {
    return this.repo.existsBy({
      batchId,
      idNumberHash: twin.idNumberHash,
      occupationCode: twin.occupationCode,
      level: twin.level ?? undefined,
      id: Not(exceptId),
    });
  }

  /** which of these certificate numbers are already stored (outside `exceptBatchId`, whose records are being replaced). */
  async takenNumbers(manager: EntityManager, numbers: string[], exceptBatchId?: number): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const metadata = manager.connection.getMetadata(Certificate);
    const escape = (name: string) => manager.connection.driver.escape(name);
    const numberColumn = escape(metadata.findColumnWithPropertyName('certificateNumber')!.databaseName);
    const batchColumn = escape(metadata.findColumnWithPropertyName('batchId')!.databaseName);
    const taken: { n: string }[] = await manager.query(
      `SELECT ${numberColumn} AS n FROM ${escape(metadata.tableName)} WHERE ${numberColumn} IN (${numbers.map(() => '?').join(', ')})` +
        (exceptBatchId ? ` AND ${batchColumn} <> ?` : ''),
      exceptBatchId ? [...numbers, exceptBatchId] : numbers,
    );
    return new Set(taken.map((c) => c.n));
  }

  /**
   * Inserts imported records, many rows per statement, through the transaction's connection. TypeORM's insert()
   * builds a named parameter per value and its cost grows with the square of a statement's parameters; here each
   * value passes through the driver's own persistence conversion, as insert() does, and columns left out take
   * their database defaults (created_at, updated_at, the nullable workflow columns). Every row has the same keys.
   */
  async insertMany(manager: EntityManager, rows: Partial<Certificate>[]): Promise<void> {
    if (rows.length === 0) return;
    const plan = this.insertPlan(manager, rows[0]);
    for (let i = 0; i < rows.length; i += plan.perStatement) {
      const slice = rows.slice(i, i + plan.perStatement);
      const parameters: unknown[] = [];
      for (const row of slice) parameters.push(...plan.values(row));
      await manager.query(plan.head + slice.map(() => plan.tuple).join(', '), parameters);
    }
  }

  /**
   * The import's variant of insertMany: the rows carry the ID number in `idNumberEnc` and its canonical form in
   * `idNumberHash` (certificateFields with PLAIN_SEAL), and `worker` seals them (R-9) off the main thread — on
   * MySQL/MariaDB it also writes the statements' text with the driver's escaping. Call insertSealed with the result.
   */
  sealRows(manager: EntityManager, rows: Partial<Certificate>[], worker: SealingWorker): Promise<SealedRows> {
    if (rows.length === 0) return Promise.resolve({ statements: [] });
    const plan = this.insertPlan(manager, rows[0]);
    const columns = {
      encrypt: plan.columns.findIndex((c) => c.propertyName === 'idNumberEnc'),
      blindIndex: plan.columns.findIndex((c) => c.propertyName === 'idNumberHash'),
    };
    if (columns.encrypt < 0 || columns.blindIndex < 0) throw new Error('sealed rows need idNumberEnc and idNumberHash');
    const values = rows.map((row) => plan.values(row));
    const options = manager.connection.options;
    if (options.type === 'mysql' || options.type === 'mariadb') {
      const statement = {
        head: plan.head,
        tuple: plan.tuple,
        perStatement: plan.perStatement,
        timezone: options.timezone ?? 'local',
      };
      return worker.seal(values, columns, statement).then((r) => ('statements' in r ? r : { statements: [] }));
    }
    return worker.seal(values, columns).then((r) => ({
      statements: [],
      rows: 'rows' in r ? r.rows : [],
      plan: { head: plan.head, tuple: plan.tuple, perStatement: plan.perStatement },
    }));
  }

  /** Inserts what sealRows prepared, through the transaction's connection. */
  async insertSealed(manager: EntityManager, sealed: SealedRows): Promise<void> {
    for (const sql of sealed.statements) await manager.query(sql);
    const { rows, plan } = sealed;
    if (!rows || !plan) return;
    for (let i = 0; i < rows.length; i += plan.perStatement) {
      const slice = rows.slice(i, i + plan.perStatement);
      await manager.query(plan.head + slice.map(() => plan.tuple).join(', '), slice.flat());
    }
  }

  /** The INSERT of rows shaped like `sample` (every row has the same keys) and each row's values in column order. */
  private insertPlan(manager: EntityManager, sample: Partial<Certificate>) {
    const metadata = manager.connection.getMetadata(Certificate);
    const driver = manager.connection.driver;
    const columns = Object.keys(sample).map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`certificates has no column for ${property}`);
      return column;
    });
    const version = metadata.versionColumn!;
    const head =
      `INSERT INTO ${driver.escape(metadata.tableName)} (${driver.escape(version.databaseName)}, ` +
      `${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
    const tuple = `(1, ${columns.map(() => '?').join(', ')})`;
    const perStatement = Math.max(1, Math.min(INSERT_CHUNK, Math.floor(MAX_BOUND_PARAMETERS / columns.length)));
    const values = (row: Partial<Certificate>): unknown[] =>
      columns.map(
        (column): unknown =>
          driver.preparePersistentValue(row[column.propertyName as keyof Certificate] ?? null, column) as unknown,
      );
    return { columns, head, tuple, perStatement, values };
  }

  /** Changes a record while it still has the version the user saw (409 STALE_VERSION otherwise). */
  updateVersioned(
    manager: EntityManager,
    expected: { id: number; version: number },
    changes: Partial<Certificate>,
  ): Promise<void> {
    return versionedUpdate(manager, Certificate, expected, changes);
  }

  /** The dates and identifiers of a batch's records in row order (R-14, R-16 period checks). */
  async datesOfBatch(batchId: number): Promise<RecordDates[]> {
    const rows = await this.repo
      .createQueryBuilder('c')
      .select([
        'c.id AS id',
        'c.rowNumber AS rowNumber',
        'c.certificateNumber AS certificateNumber',
        'c.holderName AS holderName',
        'c.issueDate AS issueDate',
      ])
      .where('c.batchId = :batchId', { batchId })
      .orderBy('c.rowNumber', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      rowNumber: Number(r.rowNumber),
      certificateNumber: String(r.certificateNumber),
      holderName: String(r.holderName),
      // Date columns arrive as 'YYYY-MM-DD' on both drivers (dateStrings on MySQL).
      issueDate: String(r.issueDate),
    }));
  }

  /** Ids and certificate numbers of every record of a batch. */
  async keysOfBatch(batchId: number): Promise<{ id: number; certificateNumber: string }[]> {
    return this.repo.find({ select: { id: true, certificateNumber: true }, where: { batchId } });
  }

  /**
   * how many of the batch's records carry a return reason other than the batch's own (all reasons when the
   * batch has none), so the console lists per-record reasons only where they add something.
   */
  countOtherReturnReasons(batchId: number, batchReason: string | null): Promise<number> {
    const qb = this.repo
      .createQueryBuilder('c')
      .where('c.batchId = :batchId AND c.returnReason IS NOT NULL', { batchId });
    // Record reasons are stored cut to 500 characters.
    if (batchReason !== null) qb.andWhere('c.returnReason <> :reason', { reason: batchReason.slice(0, 500) });
    return qb.getCount();
  }

  /** How many of these records are in the batch and still under review. */
  async countInReview(batchId: number, ids: number[]): Promise<number> {
    let found = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      found += await this.repo.countBy({ id: In(ids.slice(i, i + CHUNK)), batchId, status: 'in_review' });
    }
    return found;
  }

  /** Submission: the records issued on one date go into review with that date's upload deadline. Set-based. */
  async markInReview(manager: EntityManager, batchId: number, issueDate: string, uploadDue: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Certificate)
      .set({ status: 'in_review', uploadDue, returnReason: null })
      .where('batchId = :batchId AND issueDate = :issueDate', { batchId, issueDate })
      .execute();
  }

  /** national approval makes a batch's records queryable (lookup status `visible`) — one statement. */
  async publishBatch(manager: EntityManager, batchId: number, today: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Certificate)
      // A record deleted by a work order while in review stays out of lookup.
      .set({
        status: 'published',
        publishedOn: today,
        lookupStatus: () => "COALESCE(lookup_status, 'visible')",
        version: () => 'version + 1',
      })
      .where('batchId = :batchId AND status = :status', { batchId, status: 'in_review' })
      .execute();
  }

  /**
   * moves a published record's lookup status from `from` to `to` while it still is `from` — the
   * condition decides between concurrent requests (a suspension and a restore each win once). True when changed.
   */
  async changeLookupStatus(manager: EntityManager, id: number, from: LookupStatus, to: LookupStatus): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Certificate)
      .set({ lookupStatus: to, version: () => 'version + 1' })
      .where('id = :id AND status = :published AND lookupStatus = :from', { id, published: 'published', from })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * logical deletion — the record leaves lookup and default lists at once and is never removed. True when
   * this call deleted it (a concurrent deletion wins once).
   */
  async markDeleted(manager: EntityManager, id: number, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Certificate)
      .set({ lookupStatus: 'deleted', deletedAt: at, version: () => 'version + 1' })
      .where("id = :id AND (lookupStatus IS NULL OR lookupStatus <> 'deleted')", { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** A whole return: every record of the batch goes back with the return's reason; `perRecord` reasons override it. */
  async returnBatch(
    manager: EntityManager,
    batchId: number,
    reason: string,
    perRecord: { id: number; reason: string }[] = [],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Certificate)
      .set({ status: 'returned', returnReason: reason.slice(0, 500) })
      .where('batchId = :batchId', { batchId })
      .execute();
    for (const r of perRecord) {
      await manager.getRepository(Certificate).update({ id: r.id }, { returnReason: r.reason });
    }
  }

  /** A partial return: the records move to another batch, returned with their reason. */
  async moveReturned(
    manager: EntityManager,
    fromBatchId: number,
    toBatchId: number,
    ids: number[],
    reason: string,
  ): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .update(Certificate)
        .set({ batchId: toBatchId, status: 'returned', returnReason: reason })
        .where({ id: In(ids.slice(i, i + CHUNK)), batchId: fromBatchId })
        .execute();
    }
  }

  /** keeps a record's current version before it changes. */
  async keepHistory(
    manager: EntityManager,
    certificate: Certificate,
    changedById: number,
    change: HistoryChange,
    reason: string | null,
    correctionId: number | null = null,
  ): Promise<void> {
    await manager
      .getRepository(CertificateHistory)
      .insert({ ...historyRow(certificate, changedById, change, reason), correctionId });
  }

  /** the superseded versions of one record, oldest first. */
  historyOf(certificateId: number): Promise<CertificateHistory[]> {
    return this.dataSource.getRepository(CertificateHistory).find({ where: { certificateId }, order: { id: 'ASC' } });
  }

  historyCount(manager: EntityManager, certificateId: number): Promise<number> {
    return manager.getRepository(CertificateHistory).countBy({ certificateId });
  }

  /** moves every record of a batch to history (a re-upload replaces them whole). */
  async supersedeBatch(
    manager: EntityManager,
    batchId: number,
    changedById: number,
    change: HistoryChange,
    reason: string,
  ): Promise<void> {
    const repo = manager.getRepository(Certificate);
    for (;;) {
      const chunk = await repo.find({ where: { batchId }, order: { id: 'ASC' }, take: CHUNK });
      if (chunk.length === 0) break;
      await manager
        .getRepository(CertificateHistory)
        .insert(chunk.map((c) => historyRow(c, changedById, change, reason)));
      await repo.delete(chunk.map((c) => c.id));
    }
  }
}

function historyRow(certificate: Certificate, changedById: number, change: HistoryChange, reason: string | null) {
  return {
    certificateId: certificate.id,
    batchId: certificate.batchId,
    change,
    snapshot: JSON.stringify(certificate),
    changedById,
    reason,
  };
}
