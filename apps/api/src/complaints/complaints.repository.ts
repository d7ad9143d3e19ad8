import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { ComplaintCounts } from '@app/contracts';
import type { ComplaintStatus } from '@app/domain';
import { applyFilters, fetchPage, firstRows, QueryOf, type SortOrder } from '../common/http/list-query';
import { Batch } from '../batches/entities/batch.entity';
import type { ListScope } from '../certificates/certificates.repository';
import { Certificate } from '../certificates/entities/certificate.entity';
import { restrictToSubtree } from '../database/subtree';
import { versionedUpdate } from '../database/versioned-update';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';
import type { COMPLAINT_LIST } from './complaint-list';
import { Complaint } from './entities/complaint.entity';

/** Due-date conditions of open complaints (Beijing calendar days, inclusive). */
export interface DueWindow {
  /** Due before this day (overdue on it). */
  before?: string;
  between?: { from: string; to: string };
  after?: string;
}

/** What a complaint's row shows besides its own columns. */
export interface ComplaintFacts {
  institutionName: string;
  institutionStatus: Organisation['status'];
  institutionParentId: number | null;
  parentName: string | null;
  parentLevel: Organisation['level'] | null;
  certificateNumber: string | null;
  recordingOrganisation: string;
}

export type NewComplaint = Omit<
  Complaint,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'status'
  | 'lateReply'
  | 'reply'
  | 'repliedById'
  | 'repliedAt'
  | 'reopenReason'
  | 'reopenedAt'
  | 'reopenCount'
  | 'closingNote'
  | 'closedById'
  | 'closedAt'
>;

/** Complaints about data not online: every query on `complaints`. Jurisdiction is the institution's path. */
@Injectable()
export class ComplaintsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of complaints within every one of `scopes`, open ones narrowed to `due` when given. */
  listPage(
    query: QueryOf<typeof COMPLAINT_LIST>,
    scopes: ListScope[],
    due?: DueWindow,
  ): Promise<{ rows: Complaint[]; total: number }> {
    const qb = this.scoped(scopes);
    if (due) this.openDue(qb, due);
    applyFilters(qb, query);
    return fetchPage(qb, query);
  }

  /** The first `limit` open complaints within `scope` and `due`, by `sort` (ties by id), and how many there are. */
  openFirst(
    scope: ListScope,
    due: DueWindow,
    sort: { column: string; order: SortOrder },
    limit: number,
  ): Promise<{ rows: Complaint[]; total: number }> {
    const qb = this.scoped([scope]);
    this.openDue(qb, due);
    return firstRows(qb, sort, 'c.id', limit);
  }

  /** Every open complaint due on or before `dueBy`, nationally (the reminders). */
  openDueBy(dueBy: string): Promise<Complaint[]> {
    return this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where("c.status = 'open' AND c.dueDate <= :dueBy", { dueBy })
      .orderBy('c.dueDate', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Complaint | null> {
    return manager.getRepository(Complaint).findOneBy({ id });
  }

  findByIds(ids: number[]): Promise<Complaint[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Complaint).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  }

  async insert(manager: EntityManager, row: NewComplaint): Promise<number> {
    const { identifiers } = await manager
      .getRepository(Complaint)
      .insert({ ...row, status: 'open', lateReply: false, reopenCount: 0, version: 1 });
    return Number(identifiers[0].id);
  }

  /** Moves a complaint on from `from` while it still has the version the user saw (409 STALE_VERSION otherwise). */
  transition(
    manager: EntityManager,
    expected: { id: number; version: number; from: ComplaintStatus },
    changes: Partial<
      Pick<
        Complaint,
        | 'status'
        | 'lateReply'
        | 'reply'
        | 'repliedById'
        | 'repliedAt'
        | 'reopenReason'
        | 'reopenedAt'
        | 'reopenCount'
        | 'dueDate'
        | 'closingNote'
        | 'closedById'
        | 'closedAt'
      >
    >,
  ): Promise<void> {
    return versionedUpdate(
      manager,
      Complaint,
      { id: expected.id, version: expected.version, status: expected.from },
      changes,
    );
  }

  /** The certificate a complaint may name: its institution and batch, or null when there is none. */
  async certificate(id: number): Promise<Pick<Certificate, 'id' | 'institutionId' | 'batchId'> | null> {
    return this.dataSource
      .getRepository(Certificate)
      .findOne({ select: { id: true, institutionId: true, batchId: true }, where: { id } });
  }

  /** The batch a complaint may name: its institution, or null when there is none. */
  async batch(id: number): Promise<Pick<Batch, 'id' | 'institutionId'> | null> {
    return this.dataSource.getRepository(Batch).findOne({ select: { id: true, institutionId: true }, where: { id } });
  }

  /** Display names of staff, in one read. */
  async staffNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(User)
      .find({ select: { id: true, displayName: true }, where: { id: In(unique) } });
    return new Map(rows.map((u) => [u.id, u.displayName]));
  }

  /** The facts each complaint's row shows (institution, its parent, certificate number, recording centre), in one read. */
  async facts(complaints: Complaint[]): Promise<Map<number, ComplaintFacts>> {
    if (complaints.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .innerJoin(Organisation, 'i', 'i.id = c.institutionId')
      .innerJoin(Organisation, 'r', 'r.id = c.recordingOrganisationId')
      .leftJoin(Organisation, 'p', 'p.id = i.parentId')
      .leftJoin(Certificate, 'cert', 'cert.id = c.certificateId')
      .select([
        'c.id AS id',
        'i.name AS institutionName',
        'i.status AS institutionStatus',
        'i.parentId AS institutionParentId',
        'p.name AS parentName',
        'p.level AS parentLevel',
        'cert.certificateNumber AS certificateNumber',
        'r.name AS recordingOrganisation',
      ])
      .where('c.id IN (:...ids)', { ids: complaints.map((c) => c.id) })
      .getRawMany<Record<string, unknown>>();
    return new Map(
      rows.map((r) => [
        Number(r.id),
        {
          institutionName: String(r.institutionName),
          institutionStatus: r.institutionStatus as Organisation['status'],
          institutionParentId: r.institutionParentId === null ? null : Number(r.institutionParentId),
          parentName: (r.parentName ?? null) as string | null,
          parentLevel: (r.parentLevel ?? null) as Organisation['level'] | null,
          certificateNumber: (r.certificateNumber ?? null) as string | null,
          recordingOrganisation: String(r.recordingOrganisation),
        },
      ]),
    );
  }

  /**
   * R-39's complaint figures, set-based: per institution in the subtree at `scopePath`, the complaints recorded on the
   * Beijing days `from`–`to` (inclusive), how many of them are closed, and how many are overdue — answered after their
   * due day at least once, or still unanswered past it on `asOf` (the report's day; the period's end by default).
   * Institutions without complaints in the period are not listed.
   */
  /**
   * R-40 dashboards: complaints within `scope` by status — open ones (waiting for the reply) by due date, replied ones
   * (waiting for the centre to close) counted — in one grouped statement.
   */
  async countOpenByStatusAndDue(
    scope: ListScope,
    days: { today: string; soonUntil: string },
  ): Promise<Array<{ status: 'open' | 'replied'; total: number; dueToday: number; dueSoon: number; overdue: number }>> {
    const qb = this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .select('c.status', 'status')
      .addSelect('COUNT(*)', 'total')
      .addSelect("SUM(CASE WHEN c.status = 'open' AND c.dueDate = :today THEN 1 ELSE 0 END)", 'dueToday')
      .addSelect(
        "SUM(CASE WHEN c.status = 'open' AND c.dueDate > :today AND c.dueDate <= :soonUntil THEN 1 ELSE 0 END)",
        'dueSoon',
      )
      .addSelect("SUM(CASE WHEN c.status = 'open' AND c.dueDate < :today THEN 1 ELSE 0 END)", 'overdue')
      .where("c.status IN ('open', 'replied')")
      .setParameters(days)
      .groupBy('c.status');
    scope(qb, 'c.orgPath');
    const rows = await qb.getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => ({
      status: r.status as 'open' | 'replied',
      total: Number(r.total ?? 0),
      dueToday: Number(r.dueToday ?? 0),
      dueSoon: Number(r.dueSoon ?? 0),
      overdue: Number(r.overdue ?? 0),
    }));
  }

  async countsByInstitution(
    from: string,
    to: string,
    scopePath: string,
    asOf: string = to,
  ): Promise<ComplaintCounts[]> {
    const qb = this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .innerJoin(Organisation, 'i', 'i.id = c.institutionId')
      .select('c.institutionId', 'institutionId')
      .addSelect('i.name', 'institutionName')
      .addSelect('COUNT(*)', 'recorded')
      .addSelect("SUM(CASE WHEN c.status = 'closed' THEN 1 ELSE 0 END)", 'closed')
      .addSelect(
        "SUM(CASE WHEN c.lateReply = 1 OR (c.status = 'open' AND c.dueDate < :asOf) THEN 1 ELSE 0 END)",
        'overdue',
      )
      .where('c.recordedOn >= :from AND c.recordedOn <= :to', { from, to })
      .setParameter('asOf', asOf)
      .groupBy('c.institutionId')
      .addGroupBy('i.name')
      .orderBy('c.institutionId', 'ASC');
    restrictToSubtree(qb, 'c.orgPath', scopePath);
    const rows = await qb.getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      institutionId: Number(r.institutionId),
      institutionName: String(r.institutionName),
      recorded: Number(r.recorded),
      closed: Number(r.closed),
      overdue: Number(r.overdue),
    }));
  }

  private scoped(scopes: ListScope[]): SelectQueryBuilder<Complaint> {
    const qb = this.dataSource.getRepository(Complaint).createQueryBuilder('c');
    for (const scope of scopes) scope(qb, 'c.orgPath');
    return qb;
  }

  private openDue(qb: SelectQueryBuilder<Complaint>, due: DueWindow): void {
    qb.andWhere("c.status = 'open'");
    if (due.before) qb.andWhere('c.dueDate < :dueBefore', { dueBefore: due.before });
    if (due.between) {
      qb.andWhere('c.dueDate >= :dueFrom AND c.dueDate <= :dueTo', {
        dueFrom: due.between.from,
        dueTo: due.between.to,
      });
    }
    if (due.after) qb.andWhere('c.dueDate > :dueAfter', { dueAfter: due.after });
  }
}
