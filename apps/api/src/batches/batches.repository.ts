import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { BatchStatus, RecordKeys } from '@app/domain';
import { applyFilters, applySortAndRange, fetchPage, totalFromPage, ListQuery } from '../common/http/list-query';
import { dueCountsOfRow, selectDueCounts } from '../database/due-counts';
import { rawRows } from '../database/raw-select';
import { versionedUpdate } from '../database/versioned-update';
import { Organisation } from '../organisations/entities/organisation.entity';
import type { ListScope } from '../certificates/certificates.repository';
import { Certificate } from '../certificates/entities/certificate.entity';
import { Batch } from './entities/batch.entity';
import { BatchDecision, BatchDecisionRecord, DecisionAction } from './entities/batch-decision.entity';
import { BatchRecordKey, RecordKeyPurpose } from './entities/batch-record-key.entity';

/** How many of the newest decisions nationally a home page's 最新决定 looks among first. */
const RECENT_DECISIONS_WINDOW = 2000;

/** Rows per statement where a list of ids or rows is written in pieces. */
const CHUNK = 500;
/** How far up a chain of partial returns the authors of a batch's records are looked for. */
const MAX_LINEAGE = 20;

/** Narrowing of a batch list beyond its declared filters. */
export interface BatchListConditions {
  /** Only these statuses (an empty list matches nothing). */
  statuses?: BatchStatus[];
  /** Due before this day (overdue). */
  dueBefore?: string;
  /** Due within [from, to]. */
  dueBetween?: { from: string; to: string };
  /** Due after this day. */
  dueAfter?: string;
  /**
   * leave out what this user authored (created, or took one of `actions` on — inherited decisions of a partial
   * return's parent included), except in `exceptStatuses`, where acting on one's own batch is the job.
   */
  notAuthoredBy?: { userId: number; actions: readonly string[]; exceptStatuses: BatchStatus[] };
}

/**
 * Batches and their workflow trail (R-11 … R-17): every query on `batches`, `batch_decisions`,
 * `batch_decision_records` and `batch_record_keys`. Methods that take part in a decision take the transaction's
 * `manager` from UnitOfWork.run.
 */
@Injectable()
export class BatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number): Promise<Batch | null> {
    return this.dataSource.getRepository(Batch).findOneBy({ id });
  }

  /** A re-read inside a transaction (after a write). */
  findByIdIn(manager: EntityManager, id: number): Promise<Batch> {
    return manager.getRepository(Batch).findOneByOrFail({ id });
  }

  /** the batch this institution already uploaded this very file as, if any. */
  findByFile(institutionId: number, fileChecksum: string): Promise<Batch | null> {
    return this.dataSource.getRepository(Batch).findOneBy({ institutionId, fileChecksum });
  }

  async insert(manager: EntityManager, batch: Partial<Batch>): Promise<number> {
    const inserted = await manager.getRepository(Batch).insert(batch);
    return Number(inserted.identifiers[0].id);
  }

  /** Completes a batch just inserted in the same transaction (its record count, its due date): not a new version. */
  async completeInsert(manager: EntityManager, id: number, changes: Partial<Batch>): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Batch)
      .set({ ...changes, version: () => 'version' })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Changes a batch while it still has the version the user saw — and, for a workflow decision, the status it
   * was taken in; 409 STALE_VERSION otherwise.
   */
  update(
    manager: EntityManager,
    expected: { id: number; version: number; status?: BatchStatus },
    changes: QueryDeepPartialEntity<Batch>,
  ): Promise<void> {
    return versionedUpdate(manager, Batch, expected, changes);
  }

  /** A page of batches within `scope`, by the declared filters and `conditions`. */
  listPage(
    query: ListQuery,
    scope: ListScope,
    conditions: BatchListConditions = {},
  ): Promise<{ rows: Batch[]; total: number }> {
    return fetchPage(this.listQuery(query, scope, conditions), query);
  }

  /**
   * The same list read in two steps, so the open items are never read as rows: the page's ids come from the
   * batches index on (status, org_path, due_date) alone (the count uses it too), then only the page's rows are read.
   */
  async listPageByIds(
    query: ListQuery,
    scope: ListScope,
    conditions: BatchListConditions = {},
  ): Promise<{ rows: Batch[]; total: number }> {
    const qb = this.listQuery(query, scope, conditions);
    const pageIds = (await applySortAndRange(qb.clone().select('b.id', 'id'), query).getRawMany<{ id: number }>()).map(
      (r) => Number(r.id),
    );
    const total = totalFromPage(query, pageIds.length) ?? (await qb.getCount());
    const found = pageIds.length ? await this.dataSource.getRepository(Batch).findBy({ id: In(pageIds) }) : [];
    const byId = new Map(found.map((b) => [b.id, b]));
    return { rows: pageIds.map((id) => byId.get(id)).filter((b): b is Batch => b !== undefined), total };
  }

  /**
   * The batches within `scope` and `conditions` counted per status, and among them those due today, due from the
   * next day through `soonUntil`, and overdue (due before today): one grouped statement.
   */
  async countByStatusAndDue(
    scope: ListScope,
    conditions: BatchListConditions,
    days: { today: string; soonUntil: string },
  ): Promise<Array<{ status: BatchStatus; total: number; dueToday: number; dueSoon: number; overdue: number }>> {
    const rows = await selectDueCounts(
      this.conditionsQuery(scope, conditions).select('b.status', 'status'),
      'b.dueDate',
      days,
    )
      .groupBy('b.status')
      .getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => ({ status: r.status as BatchStatus, ...dueCountsOfRow(r) }));
  }

  /** Per institution: its batches within `scope` and `conditions`, and how many of them are due before `today`. */
  async countByInstitution(
    scope: ListScope,
    conditions: BatchListConditions,
    today: string,
  ): Promise<Array<{ institutionId: number; open: number; overdue: number }>> {
    const rows = await this.conditionsQuery(scope, conditions)
      .select('b.institutionId', 'institutionId')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN b.dueDate < :today THEN 1 ELSE 0 END)', 'overdue')
      .setParameters({ today })
      .groupBy('b.institutionId')
      .getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => ({
      institutionId: Number(r.institutionId),
      open: Number(r.open ?? 0),
      overdue: Number(r.overdue ?? 0),
    }));
  }

  /** Batches within `scope` and `conditions` per institution path (the (status, org_path, due_date) index alone). */
  async countByPath(scope: ListScope, conditions: BatchListConditions): Promise<Array<{ orgPath: string; n: number }>> {
    const rows = await this.conditionsQuery(scope, conditions)
      .select('b.orgPath', 'orgPath')
      .addSelect('COUNT(*)', 'n')
      .groupBy('b.orgPath')
      .getRawMany<{ orgPath: string; n: string | number }>();
    return rows.map((r) => ({ orgPath: String(r.orgPath), n: Number(r.n) }));
  }

  /**
   * Per period (UTC instants, `from` inclusive, `to` exclusive): the batches within `scope` submitted for the first
   * time — a `submit` decision taken in `draft`, not the copies a partial return gives its child. One statement, one
   * summed column per period, on a range of the decisions' (action, stage, created_at) index.
   */
  async countFirstSubmissions(scope: ListScope, periods: Array<{ from: Date; to: Date }>): Promise<number[]> {
    if (periods.length === 0) return [];
    const qb = this.dataSource
      .getRepository(BatchDecision)
      .createQueryBuilder('d')
      .innerJoin(Batch, 'b', 'b.id = d.batchId')
      .select([])
      .where("d.action = 'submit' AND d.stage = 'draft' AND d.inheritedFromBatchId IS NULL")
      .andWhere('d.createdAt >= :periodsFrom AND d.createdAt < :periodsTo', {
        periodsFrom: periods[0].from,
        periodsTo: periods[periods.length - 1].to,
      });
    periods.forEach((p, i) =>
      qb.addSelect(`SUM(CASE WHEN d.createdAt >= :from${i} AND d.createdAt < :to${i} THEN 1 ELSE 0 END)`, `p${i}`),
    );
    qb.setParameters(
      Object.fromEntries(
        periods.flatMap((p, i) => [
          [`from${i}`, p.from],
          [`to${i}`, p.to],
        ]),
      ),
    );
    scope(qb, 'b.orgPath');
    const row = (await qb.getRawOne<Record<string, string | number | null>>()) ?? {};
    return periods.map((_, i) => Number(row[`p${i}`] ?? 0));
  }

  /** The newest decisions taken on batches within `scope` (not the copies a partial return gives its child). */
  async recentDecisions(
    scope: ListScope,
    actions: readonly DecisionAction[],
    limit: number,
  ): Promise<Array<BatchDecision & { institutionId: number }>> {
    // The newest decisions nationally bound the search first: a province or the nation finds its few among them on
    // the time index; a small scope that does not falls back to all of its own (few) batches' decisions.
    const [bound] = await this.dataSource
      .getRepository(BatchDecision)
      .createQueryBuilder('d')
      .select('d.createdAt', 'createdAt')
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .offset(RECENT_DECISIONS_WINDOW - 1)
      .limit(1)
      .getRawMany<{ createdAt: Date | string }>();
    if (!bound) return this.decisionsSince(scope, actions, limit, null);
    const recent = await this.decisionsSince(scope, actions, limit, bound.createdAt);
    return recent.length >= limit ? recent : this.decisionsSince(scope, actions, limit, null);
  }

  private async decisionsSince(
    scope: ListScope,
    actions: readonly DecisionAction[],
    limit: number,
    since: Date | string | null,
  ): Promise<Array<BatchDecision & { institutionId: number }>> {
    const qb = this.dataSource
      .getRepository(BatchDecision)
      .createQueryBuilder('d')
      .innerJoin(Batch, 'b', 'b.id = d.batchId')
      .addSelect('b.institutionId', 'institution_id')
      .where('d.inheritedFromBatchId IS NULL')
      .andWhere('d.action IN (:...actions)', { actions });
    if (since !== null) qb.andWhere('d.createdAt >= :since', { since });
    scope(qb, 'b.orgPath');
    const { entities, raw } = await qb
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit)
      .getRawAndEntities<{ institution_id: number }>();
    return entities.map((d, i) => Object.assign(d, { institutionId: Number(raw[i].institution_id) }));
  }

  private listQuery(query: ListQuery, scope: ListScope, c: BatchListConditions): SelectQueryBuilder<Batch> {
    const qb = this.conditionsQuery(scope, c);
    applyFilters(qb, query);
    return qb;
  }

  private conditionsQuery(scope: ListScope, c: BatchListConditions): SelectQueryBuilder<Batch> {
    const qb = this.dataSource.getRepository(Batch).createQueryBuilder('b');
    scope(qb, 'b.orgPath');
    if (c.statuses) qb.andWhere('b.status IN (:...statuses)', { statuses: c.statuses.length ? c.statuses : ['none'] });
    if (c.dueBefore) qb.andWhere('b.dueDate < :dueBefore', { dueBefore: c.dueBefore });
    if (c.dueBetween) {
      qb.andWhere('b.dueDate >= :dueFrom AND b.dueDate <= :dueTo', {
        dueFrom: c.dueBetween.from,
        dueTo: c.dueBetween.to,
      });
    }
    if (c.dueAfter) qb.andWhere('b.dueDate > :dueAfter', { dueAfter: c.dueAfter });
    if (c.notAuthoredBy) {
      const { userId, actions, exceptStatuses } = c.notAuthoredBy;
      const authored = qb
        .subQuery()
        .select('1')
        .from(BatchDecision, 'authoring')
        .where(
          'authoring.batchId = b.id AND authoring.actorId = :author AND authoring.action IN (:...authoringActions)',
        )
        .getQuery();
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('b.status IN (:...ownStatuses)', { ownStatuses: exceptStatuses.length ? exceptStatuses : ['none'] })
            .orWhere(`b.createdById <> :author AND NOT EXISTS ${authored}`),
        ),
        { author: userId, authoringActions: actions },
      );
    }
    return qb;
  }

  // --- organisations a batch view names --------------------------------------------------------------------

  organisation(id: number): Promise<Organisation | null> {
    return this.dataSource.getRepository(Organisation).findOneBy({ id });
  }

  organisationOrFail(id: number): Promise<Organisation> {
    return this.dataSource.getRepository(Organisation).findOneByOrFail({ id });
  }

  /** Id, name, level and deadline profile of these organisations. */
  /** Each batch's institution name, in one read (the audit trail names its batch records with it). */
  async institutionNamesByIds(ids: number[]): Promise<Map<number, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = await rawRows<{ id: number | string; name: string | null }>(
      this.dataSource,
      'SELECT b.id AS id, o.name AS name FROM batches b LEFT JOIN organisations o ON o.id = b.institution_id WHERE b.id IN (:...ids)',
      { ids: [...new Set(ids)] },
    );
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }

  async organisationsById(ids: number[]): Promise<Map<number, Organisation>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .select(['o.id', 'o.name', 'o.level', 'o.deadlineProfile'])
      .whereInIds([...new Set(ids)])
      .getMany();
    return new Map(rows.map((o) => [o.id, o]));
  }

  // --- decisions (R-13 trail) ------------------------------------------------------------------------------

  async insertDecision(manager: EntityManager, decision: Partial<BatchDecision>): Promise<number> {
    const inserted = await manager.getRepository(BatchDecision).insert(decision);
    return Number(inserted.identifiers[0].id);
  }

  decisionsOf(batchId: number): Promise<BatchDecision[]> {
    return this.dataSource.getRepository(BatchDecision).find({ where: { batchId }, order: { id: 'ASC' } });
  }

  async decisionRecordsOf(decisionIds: number[]): Promise<BatchDecisionRecord[]> {
    if (decisionIds.length === 0) return [];
    return this.dataSource
      .getRepository(BatchDecisionRecord)
      .createQueryBuilder('r')
      .where('r.decisionId IN (:...ids)', { ids: decisionIds })
      .getMany();
  }

  async insertDecisionRecords(
    manager: EntityManager,
    decisionId: number,
    records: { id: number; reason: string }[],
  ): Promise<void> {
    for (let i = 0; i < records.length; i += CHUNK) {
      await manager
        .getRepository(BatchDecisionRecord)
        .insert(records.slice(i, i + CHUNK).map((r) => ({ decisionId, certificateId: r.id, reason: r.reason })));
    }
  }

  /** The latest decision of this kind on a batch. */
  latestDecision(batchId: number, action: DecisionAction): Promise<BatchDecision | null> {
    return this.dataSource.getRepository(BatchDecision).findOne({ where: { batchId, action }, order: { id: 'DESC' } });
  }

  /**
   * the users who created the batch, or took one of `actions` on it, or on a batch its records came from
   * (a partial return's parent, up the chain).
   */
  async actorsOf(batch: Batch, actions: readonly DecisionAction[]): Promise<Set<number>> {
    const actors = new Set<number>();
    const lineage: number[] = [];
    for (let current: Batch | null = batch; current && lineage.length < MAX_LINEAGE;) {
      lineage.push(current.id);
      actors.add(current.createdById);
      current = current.parentId ? await this.findById(current.parentId) : null;
    }
    const rows = await this.dataSource
      .getRepository(BatchDecision)
      .createQueryBuilder('d')
      .select('DISTINCT d.actorId', 'actorId')
      .where('d.batchId IN (:...lineage)', { lineage })
      .andWhere('d.action IN (:...actions)', { actions })
      .getRawMany<{ actorId: number }>();
    for (const r of rows) actors.add(Number(r.actorId));
    return actors;
  }

  /**
   * a child batch carries the trail of its records — the parent's steps up to the partial return, copied
   * with their original times and marked as inherited, the return that created it marked as `returned`.
   */
  async copyTrail(manager: EntityManager, parentId: number, childId: number, returnDecisionId: number): Promise<void> {
    const repo = manager.getRepository(BatchDecision);
    const trail = await repo.find({ where: { batchId: parentId }, order: { id: 'ASC' } });
    const upTo = trail.filter((d) => d.id <= returnDecisionId);
    for (let i = 0; i < upTo.length; i += CHUNK) {
      await repo.insert(
        upTo.slice(i, i + CHUNK).map(({ id, updatedAt: _u, ...d }) => ({
          ...d,
          batchId: childId,
          inheritedFromBatchId: d.inheritedFromBatchId ?? parentId,
          ...(id === returnDecisionId ? { resultStatus: 'returned' } : {}),
        })),
      );
    }
  }

  // --- record keys (R-14 returned records, R-16 exemptions) -------------------------------------------------

  async recordKeys(batchId: number, purpose: RecordKeyPurpose): Promise<RecordKeys> {
    const rows = await this.dataSource
      .getRepository(BatchRecordKey)
      .find({ select: { certificateId: true, certificateNumber: true }, where: { batchId, purpose } });
    return { ids: new Set(rows.map((r) => r.certificateId)), numbers: new Set(rows.map((r) => r.certificateNumber)) };
  }

  async deleteRecordKeys(manager: EntityManager, batchId: number, purpose: RecordKeyPurpose): Promise<void> {
    await manager.getRepository(BatchRecordKey).delete({ batchId, purpose });
  }

  /** Replaces the batch's keys of this purpose by these records. */
  async replaceRecordKeys(
    manager: EntityManager,
    batchId: number,
    purpose: RecordKeyPurpose,
    records: { id: number; certificateNumber: string }[],
  ): Promise<void> {
    const keys = manager.getRepository(BatchRecordKey);
    await keys.delete({ batchId, purpose });
    for (let i = 0; i < records.length; i += CHUNK) {
      await keys.insert(
        records
          .slice(i, i + CHUNK)
          .map((r) => ({ batchId, purpose, certificateId: r.id, certificateNumber: r.certificateNumber })),
      );
    }
  }

  /**
   * the records a return sent back for correction, by id and certificate number, so that a resubmission
   * judges them by the correction period and new records by their own deadlines. One set-based statement.
   */
  async keepReturnedRecords(manager: EntityManager, batchId: number): Promise<void> {
    await manager.getRepository(BatchRecordKey).delete({ batchId, purpose: 'returned' });
    const keys = manager.connection.getMetadata(BatchRecordKey);
    const certs = manager.connection.getMetadata(Certificate);
    const col = (m: typeof keys, p: string) =>
      manager.connection.driver.escape(m.findColumnWithPropertyName(p)!.databaseName);
    const escape = (name: string) => manager.connection.driver.escape(name);
    await manager.query(
      `INSERT INTO ${escape(keys.tableName)} (${col(keys, 'batchId')}, ${col(keys, 'purpose')}, ${col(keys, 'certificateId')}, ${col(keys, 'certificateNumber')}) ` +
        `SELECT ${col(certs, 'batchId')}, 'returned', ${col(certs, 'id')}, ${col(certs, 'certificateNumber')} FROM ${escape(certs.tableName)} WHERE ${col(certs, 'batchId')} = ?`,
      [batchId],
    );
  }

  /** an exemption's keys move with the records it was granted for. */
  async moveExemptionKeys(
    manager: EntityManager,
    fromBatchId: number,
    toBatchId: number,
    certificateIds: number[],
  ): Promise<void> {
    for (let i = 0; i < certificateIds.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .update(BatchRecordKey)
        .set({ batchId: toBatchId })
        .where({ batchId: fromBatchId, purpose: 'exemption', certificateId: In(certificateIds.slice(i, i + CHUNK)) })
        .execute();
    }
  }
}
