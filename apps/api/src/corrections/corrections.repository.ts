import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { CorrectionStageName } from '@app/domain';
import { applyFilters, fetchPage, firstRows, QueryOf, type SortOrder } from '../common/http/list-query';
import type { ListScope } from '../certificates/certificates.repository';
import { dueCountsOfRow, selectDueCounts } from '../database/due-counts';
import { versionedUpdate } from '../database/versioned-update';
import { Organisation } from '../organisations/entities/organisation.entity';
import type { CORRECTION_LIST } from './correction-list';
import { Correction, CorrectionAttachment, CorrectionDecision, CorrectionOverride } from './entities/correction.entity';

/** The statuses in which a request is open: at most one per certificate (CORRECTION_PENDING). */
export const OPEN_CORRECTION_STATUSES = ['awaiting', 'pending', 'returned'] as const;
/**
 * Requests whose due date runs: pending at a stage, or awaiting what a confirmed re-check asked for. A
 * returned request has none until it is resubmitted.
 */
export const DEADLINE_RUNNING_STATUSES: readonly Correction['status'][] = ['pending', 'awaiting'];

export type NewCorrection = Omit<
  Correction,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'appliedVersion' | 'closedAt' | 'returnReason'
>;

/** What earlier applied modifications of a certificate did. */
export interface ModificationHistory {
  applied: number;
  holderNameChanged: boolean;
  idNumberChanged: boolean;
}

/** Correction and deletion requests: every query on `corrections` and its side tables. */
@Injectable()
export class CorrectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Correction | null> {
    return manager.getRepository(Correction).findOneBy({ id });
  }

  findByIds(ids: number[]): Promise<Correction[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Correction).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  }

  /** A page of requests within every one of `scopes` (the issuing institution's path). */
  listPage(
    query: QueryOf<typeof CORRECTION_LIST>,
    scopes: ListScope[],
  ): Promise<{ rows: Correction[]; total: number }> {
    const qb = this.scoped(scopes);
    applyFilters(qb, query);
    return fetchPage(qb, query);
  }

  /**
   * The first `limit` requests with a running deadline — pending at a stage, or awaiting what a confirmed re-check
   * asked for — within `scope` and due `window`, by `sort` (ties by id), and their count.
   */
  pendingFirst(
    scope: ListScope,
    window: { before?: string; from?: string; to?: string; after?: string },
    sort: { column: string; order: SortOrder },
    limit: number,
  ): Promise<{ rows: Correction[]; total: number }> {
    const qb = this.scoped([scope]).andWhere('c.status IN (:...running) AND c.dueDate IS NOT NULL', {
      running: DEADLINE_RUNNING_STATUSES,
    });
    if (window.before) qb.andWhere('c.dueDate < :before', { before: window.before });
    if (window.from) qb.andWhere('c.dueDate >= :from', { from: window.from });
    if (window.to) qb.andWhere('c.dueDate <= :to', { to: window.to });
    if (window.after) qb.andWhere('c.dueDate > :after', { after: window.after });
    return firstRows(qb, sort, 'c.id', limit);
  }

  /**
   * Read-only counts for the dashboards: pending requests within `scope` at `stages`, or — `workOrdersOf` — in
   * the work-order stage of an institution directly below that organisation, per stage with those due today, due
   * after today through `soonUntil` and overdue. One grouped statement.
   */
  async countPendingByStage(
    scope: ListScope,
    queue: { stages: string[]; workOrdersOf: number | null },
    days: { today: string; soonUntil: string },
  ): Promise<Array<{ stage: CorrectionStageName; total: number; dueToday: number; dueSoon: number; overdue: number }>> {
    if (queue.stages.length === 0 && queue.workOrdersOf === null) return [];
    const qb = selectDueCounts(this.scoped([scope]).select('c.stage', 'stage'), 'c.dueDate', days).andWhere(
      "c.status = 'pending'",
    );
    qb.andWhere(
      new Brackets((w) => {
        w.where('c.stage IN (:...queueStages)', { queueStages: queue.stages.length ? queue.stages : ['none'] });
        if (queue.workOrdersOf !== null) {
          const children = qb
            .subQuery()
            .select('child.id')
            .from(Organisation, 'child')
            .where('child.parentId = :workOrdersOf')
            .getQuery();
          w.orWhere(`c.stage = 'work_order' AND c.institutionId IN ${children}`, { workOrdersOf: queue.workOrdersOf });
        }
      }),
    );
    const rows = await qb.groupBy('c.stage').getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => ({ stage: r.stage as CorrectionStageName, ...dueCountsOfRow(r) }));
  }

  /**
   * Read-only, for the dashboards: requests a confirmed re-check opened that wait for their requester — the
   * deletions, or the modifications — within `scope`, with those due today, due soon and overdue. One statement.
   */
  async countAwaitingByDue(
    scope: ListScope,
    kind: 'modification' | 'deletion',
    days: { today: string; soonUntil: string },
  ): Promise<{ total: number; dueToday: number; dueSoon: number; overdue: number }> {
    const row = await selectDueCounts(this.scoped([scope]).select([]), 'c.dueDate', days)
      .andWhere("c.status = 'awaiting'")
      .andWhere(kind === 'deletion' ? "c.type = 'delete'" : "c.type = 'modify'")
      .getRawOne<Record<string, string | number | null>>();
    return dueCountsOfRow(row);
  }

  /**
   * Read-only, for the dashboards: requests with a running deadline (pending, or awaiting after a re-check) within
   * `scope` due before `today`, per institution path.
   */
  async countOverdueByPath(scope: ListScope, today: string): Promise<Array<{ orgPath: string; n: number }>> {
    const rows = await this.scoped([scope])
      .select('c.orgPath', 'orgPath')
      .addSelect('COUNT(*)', 'n')
      .andWhere('c.status IN (:...running) AND c.dueDate < :today', { running: DEADLINE_RUNNING_STATUSES, today })
      .groupBy('c.orgPath')
      .getRawMany<{ orgPath: string; n: string | number }>();
    return rows.map((r) => ({ orgPath: String(r.orgPath), n: Number(r.n) }));
  }

  /** Every request with a running deadline (pending or awaiting) due on or before `dueBy`, nationally (the reminders). */
  pendingDueBy(dueBy: string): Promise<Correction[]> {
    return this.dataSource
      .getRepository(Correction)
      .createQueryBuilder('c')
      .where('c.status IN (:...running) AND c.dueDate <= :dueBy', { running: DEADLINE_RUNNING_STATUSES, dueBy })
      .orderBy('c.dueDate', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  async openExists(certificateId: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.getRepository(Correction).countBy({ openCertificateId: certificateId })) > 0;
  }

  /** how many modifications were applied to the certificate and whether any changed the name or ID number. */
  async modificationHistory(
    certificateId: number,
    manager: EntityManager = this.dataSource.manager,
    exceptId?: number,
  ): Promise<ModificationHistory> {
    const applied = (
      await manager.getRepository(Correction).find({
        where: { certificateId, type: 'modify', status: 'applied' },
        select: { id: true, changedFields: true },
      })
    ).filter((c) => c.id !== exceptId);
    const fields = applied.flatMap((c) => c.changedFields.split(','));
    return {
      applied: applied.length,
      holderNameChanged: fields.includes('holderName'),
      idNumberChanged: fields.includes('idNumber'),
    };
  }

  overridesOf(certificateId: number, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(CorrectionOverride).countBy({ certificateId });
  }

  async insert(manager: EntityManager, row: NewCorrection): Promise<number> {
    const { identifiers } = await manager.getRepository(Correction).insert({ ...row, version: 1 });
    return Number(identifiers[0].id);
  }

  /** Changes a request while it still has the version and status the user saw (409 STALE_VERSION otherwise). */
  update(
    manager: EntityManager,
    expected: { id: number; version: number; status: Correction['status'] },
    changes: Partial<Omit<Correction, 'id' | 'version'>>,
  ): Promise<void> {
    return versionedUpdate(manager, Correction, expected, changes);
  }

  /** The certificate version an application wrote, recorded in the applying transaction. */
  async setAppliedVersion(manager: EntityManager, id: number, appliedVersion: number | null): Promise<void> {
    await manager.getRepository(Correction).update({ id }, { appliedVersion });
  }

  async insertDecision(manager: EntityManager, row: Omit<CorrectionDecision, 'id' | 'createdAt' | 'updatedAt'>) {
    await manager.getRepository(CorrectionDecision).insert(row);
  }

  decisionsOf(correctionId: number): Promise<CorrectionDecision[]> {
    return this.dataSource.getRepository(CorrectionDecision).find({ where: { correctionId }, order: { id: 'ASC' } });
  }

  /** Replaces the attachments a request cites. */
  async setAttachments(manager: EntityManager, correctionId: number, attachmentIds: number[]): Promise<void> {
    const repo = manager.getRepository(CorrectionAttachment);
    await repo.delete({ correctionId });
    if (attachmentIds.length) {
      await repo.insert([...new Set(attachmentIds)].map((attachmentId) => ({ correctionId, attachmentId })));
    }
  }

  async attachmentIdsOf(correctionId: number): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(CorrectionAttachment)
      .find({ where: { correctionId }, order: { id: 'ASC' } });
    return rows.map((r) => r.attachmentId);
  }

  /** The paths through which an attachment is reached: the institutions of the requests citing it. */
  async pathsCiting(attachmentId: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Correction)
      .createQueryBuilder('c')
      .innerJoin(CorrectionAttachment, 'ca', 'ca.correctionId = c.id')
      .select('DISTINCT c.orgPath', 'orgPath')
      .where('ca.attachmentId = :attachmentId', { attachmentId })
      .getRawMany<{ orgPath: string }>();
    return rows.map((r) => r.orgPath);
  }

  async insertOverride(manager: EntityManager, row: Omit<CorrectionOverride, 'id' | 'createdAt' | 'updatedAt'>) {
    const { identifiers } = await manager.getRepository(CorrectionOverride).insert(row);
    return Number(identifiers[0].id);
  }

  /** The applied requests that wrote certificate versions, by id (the versions view). */
  appliedOf(certificateId: number): Promise<Correction[]> {
    return this.dataSource.getRepository(Correction).find({ where: { certificateId, status: 'applied' } });
  }

  private scoped(scopes: ListScope[]): SelectQueryBuilder<Correction> {
    const qb = this.dataSource.getRepository(Correction).createQueryBuilder('c');
    for (const scope of scopes) scope(qb, 'c.orgPath');
    return qb;
  }
}
