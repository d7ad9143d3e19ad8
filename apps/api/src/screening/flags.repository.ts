import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { ScreeningRule, SummarisedCertificate } from '@app/domain';
import type { CertificateStatus, FlagStatus, LookupStatus, RecheckCounts, RecheckStatus } from '@app/contracts';
import { applyFilters, fetchPage, QueryOf } from '../common/http/list-query';
import type { ListScope } from '../certificates/certificates.repository';
import { Certificate } from '../certificates/entities/certificate.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';
import { Flag, FlagCertificate } from './entities/flag.entity';
import { Recheck } from './entities/recheck.entity';
import type { FLAG_LIST } from './flag-list';

/** A certificate a flag concerns, as it stands now (the ID number only masked, R-10). */
export interface LinkedCertificateRow {
  id: number;
  certificateNumber: string;
  holderName: string;
  idNumberMasked: string;
  institutionId: number;
  institutionName: string;
  kind: string;
  occupationCode: string;
  occupationName: string;
  level: number | null;
  birthDate: string;
  issueDate: string;
  status: CertificateStatus;
  lookupStatus: LookupStatus | null;
  openRecheckId: number | null;
}

/** A flag's certificates within a caller's jurisdiction: the first few, and how many there are in all. */
export interface ListedCertificates {
  visibleCount: number;
  certificates: (SummarisedCertificate & { id: number; institutionName: string })[];
}

/** The decision columns of a flag. */
export interface FlagDecision {
  status: FlagStatus;
  decidedAt: Date;
  decidedById: number;
  decisionReason: string;
}

/**
 * The flags as national and the centres read and decide them: lists, counts, the linked certificates.
 * A flag lies within a subtree when any of its certificates does (flag_certificates.org_path, R-3); every read
 * takes the caller's jurisdiction as a `ListScope` built by JurisdictionService.
 */
@Injectable()
export class FlagsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A page of flags with at least one certificate lying in the caller's `jurisdiction` and every one of `narrower`
   * (the same certificate: a region outside the jurisdiction reveals nothing), and linked to `certificateId` when
   * given — a certificate within the jurisdiction: asking after another region's finds nothing, not the flags the
   * caller shares with it.
   */
  listPage(
    query: QueryOf<typeof FLAG_LIST>,
    jurisdiction: ListScope,
    narrower: ListScope[],
    certificateId?: number,
  ): Promise<{ rows: Flag[]; total: number }> {
    const qb = this.dataSource.getRepository(Flag).createQueryBuilder('f');
    this.withCertificateIn(qb, [jurisdiction, ...narrower]);
    if (certificateId !== undefined) this.withCertificateIn(qb, [jurisdiction], certificateId);
    applyFilters(qb, query);
    return fetchPage(qb, query);
  }

  /** The rules of these flags (the audit log names flags by them). */
  async rulesByIds(ids: number[]): Promise<Map<number, ScreeningRule>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Flag)
      .createQueryBuilder('f')
      .select(['f.id AS id', 'f.rule AS rule'])
      .where('f.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getRawMany<{ id: unknown; rule: ScreeningRule }>();
    return new Map(rows.map((r) => [Number(r.id), r.rule]));
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Flag | null> {
    return manager.getRepository(Flag).findOneBy({ id });
  }

  /** Whether any certificate of the flag lies in `scope`. */
  async isWithin(flagId: number, scope: ListScope): Promise<boolean> {
    const qb = this.dataSource
      .getRepository(FlagCertificate)
      .createQueryBuilder('fc')
      .select('1', 'one')
      .where('fc.flagId = :flagId', { flagId });
    scope(qb, 'fc.orgPath');
    return (await qb.limit(1).getRawOne()) !== undefined;
  }

  /** Per rule and status, the flags with a certificate in `scope`. */
  async countByRuleAndStatus(scope: ListScope): Promise<{ rule: ScreeningRule; status: FlagStatus; n: number }[]> {
    const qb = this.dataSource
      .getRepository(Flag)
      .createQueryBuilder('f')
      .select('f.rule', 'rule')
      .addSelect('f.status', 'status')
      .addSelect('COUNT(*)', 'n');
    this.withCertificateIn(qb, [scope]);
    const rows = await qb
      .groupBy('f.rule')
      .addGroupBy('f.status')
      .getRawMany<{ rule: string; status: string; n: unknown }>();
    return rows.map((r) => ({ rule: r.rule as ScreeningRule, status: r.status as FlagStatus, n: Number(r.n) }));
  }

  /** The first `limit` certificates of the flag (by id) within `scope`, as they stand now, with any open re-check. */
  async linkedCertificates(flagId: number, scope: ListScope, limit: number): Promise<LinkedCertificateRow[]> {
    const qb = this.dataSource
      .getRepository(FlagCertificate)
      .createQueryBuilder('fc')
      .innerJoin(Certificate, 'c', 'c.id = fc.certificateId')
      .innerJoin(Organisation, 'o', 'o.id = c.institutionId')
      .leftJoin(Recheck, 'r', "r.certificateId = c.id AND r.status = 'open'")
      .select([
        'c.id AS id',
        'c.certificateNumber AS certificateNumber',
        'c.holderName AS holderName',
        'c.idNumberMasked AS idNumberMasked',
        'c.institutionId AS institutionId',
        'o.name AS institutionName',
        'c.kind AS kind',
        'c.occupationCode AS occupationCode',
        'c.occupationName AS occupationName',
        'c.level AS level',
        'c.birthDate AS birthDate',
        'c.issueDate AS issueDate',
        'c.status AS status',
        'c.lookupStatus AS lookupStatus',
        'r.id AS openRecheckId',
      ])
      .where('fc.flagId = :flagId', { flagId });
    scope(qb, 'fc.orgPath');
    const rows = await qb.orderBy('fc.certificateId', 'ASC').limit(limit).getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      certificateNumber: String(r.certificateNumber),
      holderName: String(r.holderName),
      idNumberMasked: String(r.idNumberMasked),
      institutionId: Number(r.institutionId),
      institutionName: String(r.institutionName),
      kind: String(r.kind),
      occupationCode: String(r.occupationCode),
      occupationName: String(r.occupationName),
      level: r.level === null ? null : Number(r.level),
      birthDate: isoDay(r.birthDate),
      issueDate: isoDay(r.issueDate),
      status: r.status as CertificateStatus,
      lookupStatus: (r.lookupStatus ?? null) as LookupStatus | null,
      openRecheckId: r.openRecheckId === null || r.openRecheckId === undefined ? null : Number(r.openRecheckId),
    }));
  }

  /**
   * For a page of flags, each flag's first `limit` certificates (by id) within `scope`, as the list shows them and
   * its summary names them, and how many of the flag's certificates lie within `scope` in all. One statement for the
   * whole page (window functions per flag, MariaDB 10.2+ and SQLite 3.25+).
   */
  async listedCertificates(
    flagIds: number[],
    scope: ListScope,
    limit: number,
  ): Promise<Map<number, ListedCertificates>> {
    const out = new Map<number, ListedCertificates>();
    if (flagIds.length === 0) return out;
    const inner = this.dataSource
      .getRepository(FlagCertificate)
      .createQueryBuilder('fc')
      .innerJoin(Certificate, 'c', 'c.id = fc.certificateId')
      .innerJoin(Organisation, 'o', 'o.id = c.institutionId')
      .select([
        'fc.flagId AS flagId',
        'c.id AS id',
        'c.certificateNumber AS certificateNumber',
        'c.holderName AS holderName',
        'c.idNumberMasked AS idNumberMasked',
        'c.occupationName AS occupationName',
        'c.level AS level',
        'o.name AS institutionName',
        'ROW_NUMBER() OVER (PARTITION BY fc.flagId ORDER BY fc.certificateId) AS n',
        'COUNT(*) OVER (PARTITION BY fc.flagId) AS visibleCount',
      ])
      .where('fc.flagId IN (:...flagIds)', { flagIds });
    scope(inner, 'fc.orgPath');
    const columns = ['flagId', 'id', 'certificateNumber', 'holderName', 'idNumberMasked', 'occupationName', 'level'];
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(columns.map((c) => `t.${c} AS ${c}`))
      .addSelect('t.institutionName', 'institutionName')
      .addSelect('t.visibleCount', 'visibleCount')
      .from(`(${inner.getQuery()})`, 't')
      .where('t.n <= :limit', { limit })
      .setParameters(inner.getParameters())
      .orderBy('t.flagId', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getRawMany<{
        flagId: number | string;
        id: number | string;
        certificateNumber: string;
        holderName: string;
        idNumberMasked: string;
        occupationName: string;
        level: number | string | null;
        institutionName: string;
        visibleCount: number | string;
      }>();
    for (const r of rows) {
      const flagId = Number(r.flagId);
      const entry = out.get(flagId) ?? { visibleCount: Number(r.visibleCount), certificates: [] };
      entry.certificates.push({
        id: Number(r.id),
        certificateNumber: r.certificateNumber,
        holderName: r.holderName,
        idNumberMasked: r.idNumberMasked,
        occupationName: r.occupationName,
        level: r.level === null ? null : Number(r.level),
        institutionName: r.institutionName,
      });
      out.set(flagId, entry);
    }
    return out;
  }

  /** Per flag, its re-checks within `scope` by status (one grouped statement for a page). */
  async recheckCounts(flagIds: number[], scope: ListScope): Promise<Map<number, RecheckCounts>> {
    const out = new Map<number, RecheckCounts>();
    if (flagIds.length === 0) return out;
    const qb = this.dataSource
      .getRepository(Recheck)
      .createQueryBuilder('r')
      .select('r.flagId', 'flagId')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.flagId IN (:...flagIds)', { flagIds });
    scope(qb, 'r.orgPath');
    const rows = await qb
      .groupBy('r.flagId')
      .addGroupBy('r.status')
      .getRawMany<{ flagId: number | string; status: RecheckStatus; n: number | string }>();
    for (const r of rows) {
      const counts = out.get(Number(r.flagId)) ?? { open: 0, restored: 0, confirmed: 0 };
      counts[r.status] = Number(r.n);
      out.set(Number(r.flagId), counts);
    }
    return out;
  }

  /** Whether the flag concerns the certificate. */
  links(flagId: number, certificateId: number): Promise<boolean> {
    return this.dataSource.getRepository(FlagCertificate).existsBy({ flagId, certificateId });
  }

  /** Every certificate id of the flag, in id order. */
  async certificateIdsOf(manager: EntityManager, flagId: number): Promise<number[]> {
    const rows = await manager
      .getRepository(FlagCertificate)
      .createQueryBuilder('fc')
      .select('fc.certificateId', 'id')
      .where('fc.flagId = :flagId', { flagId })
      .orderBy('fc.certificateId', 'ASC')
      .getRawMany<{ id: unknown }>();
    return rows.map((r) => Number(r.id));
  }

  /** The flags raised about one certificate, oldest first. */
  async flagsOfCertificate(certificateId: number): Promise<Flag[]> {
    return this.dataSource
      .getRepository(Flag)
      .createQueryBuilder('f')
      .innerJoin(FlagCertificate, 'fc', 'fc.flagId = f.id')
      .where('fc.certificateId = :certificateId', { certificateId })
      .orderBy('f.id', 'ASC')
      .getMany();
  }

  /**
   * Records a decision while the flag is still in one of `from` (the condition decides between concurrent
   * deciders); true when this call changed it.
   */
  async decide(manager: EntityManager, id: number, from: FlagStatus[], decision: FlagDecision): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Flag)
      .set({ ...decision, decisionReason: decision.decisionReason.slice(0, 500), version: () => 'version + 1' })
      .where({ id, status: In(from) })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The people who decided flags and re-checks: display name and organisation name. */
  async staffNames(ids: number[]): Promise<Map<number, { displayName: string; organisationName: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(Organisation, 'o', 'o.id = u.organisationId')
      .select(['u.id AS id', 'u.displayName AS displayName', 'o.name AS organisationName'])
      .where('u.id IN (:...ids)', { ids: unique })
      .getRawMany<{ id: unknown; displayName: string; organisationName: string }>();
    return new Map(
      rows.map((r) => [Number(r.id), { displayName: r.displayName, organisationName: r.organisationName }]),
    );
  }

  /** Narrows flags to those with a certificate whose institution path lies in every one of `scopes`. */
  /** Flags with a certificate lying in every one of `scopes` (that certificate being `certificateId` when given). */
  private withCertificateIn(qb: SelectQueryBuilder<Flag>, scopes: ListScope[], certificateId?: number): void {
    const sub = qb.subQuery().select('1').from(FlagCertificate, 'fc').where('fc.flagId = f.id');
    if (certificateId !== undefined) sub.andWhere('fc.certificateId = :certificateId', { certificateId });
    // The subquery's parameters continue the outer query's numbering and reach it (TypeORM passes them up).
    sub.setParameters(qb.getParameters());
    for (const scope of scopes) scope(sub, 'fc.orgPath');
    qb.andWhere(`EXISTS ${sub.getQuery()}`);
  }
}

/** MySQL drivers may hand back a DATE as a Date or a string. */
function isoDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}
