import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { ScreeningRule } from '@app/domain';
import { applyFilters, fetchPage, firstRows, QueryOf, type SortOrder } from '../common/http/list-query';
import type { ListScope } from '../certificates/certificates.repository';
import { Certificate } from '../certificates/entities/certificate.entity';
import { dueCountsOfRow, selectDueCounts } from '../database/due-counts';
import { versionedUpdate } from '../database/versioned-update';
import { Organisation } from '../organisations/entities/organisation.entity';
import { Flag } from '../screening/entities/flag.entity';
import { Recheck } from '../screening/entities/recheck.entity';
import type { RECHECK_LIST } from './recheck-list';

/** Due-date conditions of open re-checks (all days Beijing calendar days, inclusive). */
export interface DueWindow {
  /** Due before this day (overdue on it). */
  before?: string;
  between?: { from: string; to: string };
  after?: string;
}

/** What a re-check's row shows besides the task: the certificate, its institution and province, the flag's rule. */
export interface RecheckFacts {
  certificateNumber: string;
  holderName: string;
  idNumberMasked: string;
  institutionId: number;
  institutionName: string;
  batchId: number;
  provinceName: string;
  flagRule: ScreeningRule | null;
}

export type NewRecheck = Pick<
  Recheck,
  'certificateId' | 'flagId' | 'provinceId' | 'orgPath' | 'suspendReason' | 'suspendedById' | 'suspendedAt' | 'dueDate'
>;

/** The re-check tasks of suspended certificates: every query on `rechecks`. Jurisdiction is the task's org_path. */
@Injectable()
export class RechecksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of re-checks within every one of `scopes`, open ones narrowed to `due` when given. */
  listPage(
    query: QueryOf<typeof RECHECK_LIST>,
    scopes: ListScope[],
    due?: DueWindow,
  ): Promise<{ rows: Recheck[]; total: number }> {
    const qb = this.scoped(scopes);
    if (due) this.openDue(qb, due);
    applyFilters(qb, query);
    return fetchPage(qb, query);
  }

  /** The first `limit` open re-checks within `scope` and `due`, by `sort` (ties by id), and how many there are. */
  openFirst(
    scope: ListScope,
    due: DueWindow,
    sort: { column: string; order: SortOrder },
    limit: number,
  ): Promise<{ rows: Recheck[]; total: number }> {
    const qb = this.scoped([scope]);
    this.openDue(qb, due);
    return firstRows(qb, sort, 'r.id', limit);
  }

  /** Open re-checks within `scope`: in all, due today, due after today through `soonUntil`, overdue. One statement. */
  async countOpenByDue(
    scope: ListScope,
    days: { today: string; soonUntil: string },
  ): Promise<{ total: number; dueToday: number; dueSoon: number; overdue: number }> {
    const row = await selectDueCounts(this.scoped([scope]).select([]), 'r.dueDate', days)
      .andWhere("r.status = 'open'")
      .getRawOne<Record<string, string | number | null>>();
    return dueCountsOfRow(row);
  }

  /** Open re-checks within `scope` due before `today`, per institution path: one GROUP BY on (status, due_date). */
  async countOverdueByPath(scope: ListScope, today: string): Promise<Array<{ orgPath: string; n: number }>> {
    const rows = await this.scoped([scope])
      .select('r.orgPath', 'orgPath')
      .addSelect('COUNT(*)', 'n')
      .andWhere("r.status = 'open' AND r.dueDate < :today", { today })
      .groupBy('r.orgPath')
      .getRawMany<{ orgPath: string; n: string | number }>();
    return rows.map((r) => ({ orgPath: String(r.orgPath), n: Number(r.n) }));
  }

  /** Every open re-check due on or before `dueBy`, nationally (the reminders). */
  openDueBy(dueBy: string): Promise<Recheck[]> {
    return this.dataSource
      .getRepository(Recheck)
      .createQueryBuilder('r')
      .where("r.status = 'open' AND r.dueDate <= :dueBy", { dueBy })
      .orderBy('r.dueDate', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Recheck | null> {
    return manager.getRepository(Recheck).findOneBy({ id });
  }

  findByIds(ids: number[]): Promise<Recheck[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Recheck).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  }

  /** The certificate's open re-check, if any (at most one, R-26). */
  openOf(certificateId: number, manager: EntityManager = this.dataSource.manager): Promise<Recheck | null> {
    return manager.getRepository(Recheck).findOneBy({ certificateId, status: 'open' });
  }

  /** The re-checks of one certificate, oldest first (its history). */
  ofCertificate(certificateId: number): Promise<Recheck[]> {
    return this.dataSource.getRepository(Recheck).find({ where: { certificateId }, order: { id: 'ASC' } });
  }

  async insert(manager: EntityManager, row: NewRecheck): Promise<number> {
    const { identifiers } = await manager
      .getRepository(Recheck)
      .insert({ ...row, suspendReason: row.suspendReason.slice(0, 500), status: 'open', version: 1 });
    return Number(identifiers[0].id);
  }

  /** Decides an open task while it still has the version the user saw (409 STALE_VERSION otherwise). */
  decide(
    manager: EntityManager,
    expected: { id: number; version: number },
    changes: Pick<Recheck, 'status' | 'outcome' | 'decisionReason' | 'decidedById' | 'decidedAt'>,
  ): Promise<void> {
    return versionedUpdate(manager, Recheck, { ...expected, status: 'open' }, changes);
  }

  /** The facts each task's row shows, in one read. */
  async facts(rechecks: Recheck[]): Promise<Map<number, RecheckFacts>> {
    if (rechecks.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Recheck)
      .createQueryBuilder('r')
      .innerJoin(Certificate, 'c', 'c.id = r.certificateId')
      .innerJoin(Organisation, 'i', 'i.id = c.institutionId')
      .innerJoin(Organisation, 'p', 'p.id = r.provinceId')
      .leftJoin(Flag, 'f', 'f.id = r.flagId')
      .select([
        'r.id AS id',
        'c.certificateNumber AS certificateNumber',
        'c.holderName AS holderName',
        'c.idNumberMasked AS idNumberMasked',
        'c.institutionId AS institutionId',
        'c.batchId AS batchId',
        'i.name AS institutionName',
        'p.name AS provinceName',
        'f.rule AS flagRule',
      ])
      .where('r.id IN (:...ids)', { ids: rechecks.map((r) => r.id) })
      .getRawMany<Record<string, unknown>>();
    return new Map(
      rows.map((r) => [
        Number(r.id),
        {
          certificateNumber: String(r.certificateNumber),
          holderName: String(r.holderName),
          idNumberMasked: String(r.idNumberMasked),
          institutionId: Number(r.institutionId),
          institutionName: String(r.institutionName),
          batchId: Number(r.batchId),
          provinceName: String(r.provinceName),
          flagRule: (r.flagRule ?? null) as ScreeningRule | null,
        },
      ]),
    );
  }

  private scoped(scopes: ListScope[]): SelectQueryBuilder<Recheck> {
    const qb = this.dataSource.getRepository(Recheck).createQueryBuilder('r');
    for (const scope of scopes) scope(qb, 'r.orgPath');
    return qb;
  }

  private openDue(qb: SelectQueryBuilder<Recheck>, due: DueWindow): void {
    qb.andWhere("r.status = 'open'");
    if (due.before) qb.andWhere('r.dueDate < :dueBefore', { dueBefore: due.before });
    if (due.between) {
      qb.andWhere('r.dueDate >= :dueFrom AND r.dueDate <= :dueTo', {
        dueFrom: due.between.from,
        dueTo: due.between.to,
      });
    }
    if (due.after) qb.andWhere('r.dueDate > :dueAfter', { dueAfter: due.after });
  }
}
