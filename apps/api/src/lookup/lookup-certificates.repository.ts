import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { LOOKUP_KINDS, type LookupKind } from '@app/domain';
import type { LookupCoverageRow } from '@app/contracts';
import { Certificate } from '../certificates/entities/certificate.entity';
import { queryInChunks } from '../database/chunks';
import { Organisation } from '../organisations/entities/organisation.entity';

/** What a public lookup reads of one certificate: never the blind index; the ciphertext only for full views. */
export interface LookupCertificateRow {
  id: number;
  kind: LookupKind;
  holderName: string;
  gender: number;
  idNumberEnc: string;
  idNumberMasked: string;
  certificateNumber: string;
  occupationName: string;
  workType: string | null;
  level: number | null;
  issueDate: string;
  institutionName: string;
  /** The provincial centre above the institution (数据责任单位). */
  dataResponsibleUnit: string;
}

/** Exact-match criteria; at least one of them (an empty criteria set is a programming error, never "everything"). */
export interface LookupCriteria {
  certificateNumber?: string;
  idNumberHash?: string;
  holderName?: string;
  admissionTicket?: string;
}

/** A coverage row with the province's region code, by which the table is ordered. */
export interface CoverageRow extends LookupCoverageRow {
  provinceRegionCode: string;
}

/** Results per query: a person holds a handful of certificates; anything above this is not a person's answer. */
const MAX_ROWS = 100;

/**
 * the only SQL that reads certificates for the public. It sees published rows whose lookup status is
 * `visible` and nothing else, so a suspended, deleted, unpublished and non-existent certificate look the same.
 */
@Injectable()
export class LookupCertificatesRepository {
  /** The SELECT's SQL per criteria shape (see `select`). */
  private readonly statements = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Certificates of `kind` matching every given criterion exactly (each served by an index). */
  async find(
    kind: LookupKind,
    criteria: LookupCriteria,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LookupCertificateRow[]> {
    const given = Object.keys(criteria).filter((k) => criteria[k as keyof LookupCriteria] !== undefined);
    if (given.length === 0) throw new Error('LookupCertificatesRepository.find needs at least one criterion');
    const { certificateNumber, idNumberHash: hash, holderName: name, admissionTicket: ticket } = criteria;
    return this.select(manager, `find:${given.join(',')}`, { kind, certificateNumber, hash, name, ticket }, (qb) => {
      qb.andWhere('c.kind = :kind');
      if (certificateNumber !== undefined) qb.andWhere('c.certificateNumber = :certificateNumber');
      if (hash !== undefined) qb.andWhere('c.idNumberHash = :hash');
      if (name !== undefined) qb.andWhere('c.holderName = :name');
      if (ticket !== undefined) qb.andWhere('c.admissionTicket = :ticket');
    });
  }

  /** Every visible certificate of one person (by the blind index of the canonical ID number), optionally one kind. */
  async byIdNumberHash(
    idNumberHash: string,
    kind?: LookupKind,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LookupCertificateRow[]> {
    return this.select(manager, kind ? 'holder:kind' : 'holder', { hash: idNumberHash, kind }, (qb) => {
      qb.andWhere('c.idNumberHash = :hash');
      if (kind) qb.andWhere('c.kind = :kind');
    });
  }

  /** Of `ids`, those lookup may still show (published and visible). */
  async visibleIds(ids: number[]): Promise<Set<number>> {
    const rows = await queryInChunks([...new Set(ids)], (part) =>
      this.dataSource
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .select('c.id', 'id')
        .where("c.status = 'published' AND c.lookupStatus = 'visible'")
        .andWhere('c.id IN (:...ids)', { ids: part })
        .getRawMany<{ id: number | string }>(),
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /**
   * per kind and institution, the earliest and latest issue dates of the visible published data — one
   * GROUP BY answered from IDX_certificates_lookup_coverage — with each institution's province.
   */
  async coverage(manager: EntityManager = this.dataSource.manager): Promise<CoverageRow[]> {
    const rows = await manager
      .createQueryBuilder(Certificate, 'c')
      .innerJoin(Organisation, 'i', 'i.id = c.institutionId')
      .select('c.kind', 'kind')
      .addSelect('i.name', 'institutionName')
      .addSelect('i.path', 'institutionPath')
      .addSelect('MIN(c.issueDate)', 'earliestIssueDate')
      .addSelect('MAX(c.issueDate)', 'latestIssueDate')
      .where("c.lookupStatus = 'visible' AND c.status = 'published'")
      .andWhere('c.kind IN (:...kinds)', { kinds: LOOKUP_KINDS })
      .groupBy('c.kind')
      .addGroupBy('c.institutionId')
      .addGroupBy('i.name')
      .addGroupBy('i.path')
      .getRawMany<{
        kind: LookupKind;
        institutionName: string;
        institutionPath: string;
        earliestIssueDate: string | Date;
        latestIssueDate: string | Date;
      }>();
    const provinces = await this.provincesOn(
      manager,
      rows.map((r) => r.institutionPath),
    );
    return rows.map((r) => {
      const province = pathIdsOf(r.institutionPath)
        .map((id) => provinces.get(id))
        .find(Boolean);
      return {
        kind: r.kind,
        provinceName: province?.name ?? '',
        provinceRegionCode: province?.regionCode ?? '',
        institutionName: r.institutionName,
        earliestIssueDate: isoDay(r.earliestIssueDate),
        latestIssueDate: isoDay(r.latestIssueDate),
      };
    });
  }

  private async provincesOn(
    manager: EntityManager,
    paths: string[],
  ): Promise<Map<number, { name: string; regionCode: string }>> {
    const ids = [...new Set(paths.flatMap(pathIdsOf))];
    if (ids.length === 0) return new Map();
    const provinces = await manager.getRepository(Organisation).find({
      select: { id: true, name: true, regionCode: true },
      where: { id: In(ids), level: 'provincial' },
    });
    return new Map(provinces.map((p) => [p.id, { name: p.name, regionCode: p.regionCode }]));
  }

  /**
   * Runs the visible-certificates SELECT narrowed by `narrow`, whose SQL is built by the query builder once per
   * `shape` and kept: building it took more of a lookup's CPU than the database took to answer it.
   */
  private async select(
    manager: EntityManager,
    shape: string,
    parameters: Record<string, string | undefined>,
    narrow: (qb: SelectQueryBuilder<Certificate>) => void,
  ): Promise<LookupCertificateRow[]> {
    let sql = this.statements.get(shape);
    if (sql === undefined) {
      const qb = this.visible(manager);
      narrow(qb);
      sql = qb.getQuery();
      this.statements.set(shape, sql);
    }
    const defined = Object.fromEntries(Object.entries(parameters).filter(([, v]) => v !== undefined));
    const [text, bound] = manager.connection.driver.escapeQueryWithParameters(sql, defined);
    return this.rowsOf(await manager.query<RawRow[]>(text, bound));
  }

  private visible(manager: EntityManager) {
    return manager
      .createQueryBuilder(Certificate, 'c')
      .innerJoin(Organisation, 'i', 'i.id = c.institutionId')
      .select([
        'c.id AS id',
        'c.kind AS kind',
        'c.holderName AS holderName',
        'c.gender AS gender',
        'c.idNumberEnc AS idNumberEnc',
        'c.idNumberMasked AS idNumberMasked',
        'c.certificateNumber AS certificateNumber',
        'c.occupationName AS occupationName',
        'c.workType AS workType',
        'c.level AS level',
        'c.issueDate AS issueDate',
        'i.name AS institutionName',
        `(${PROVINCE_OF_INSTITUTION}) AS dataResponsibleUnit`,
      ])
      .where("c.status = 'published' AND c.lookupStatus = 'visible'")
      .orderBy('c.issueDate', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(MAX_ROWS);
  }

  private rowsOf(rows: RawRow[]): LookupCertificateRow[] {
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      gender: Number(r.gender),
      level: r.level === null ? null : Number(r.level),
      issueDate: isoDay(r.issueDate),
      dataResponsibleUnit: r.dataResponsibleUnit ?? '',
    }));
  }
}

/**
 * The provincial centre above the institution `i` (数据责任单位): the provincial organisation whose path is a prefix
 * of the institution's. Part of the lookup's one SELECT, so it is always current on every server (no cache); it reads
 * the organisations of provincial level once per certificate found (a few dozen rows), nothing per certificate scanned.
 */
const PROVINCE_OF_INSTITUTION =
  "SELECT p.name FROM organisations p WHERE p.level = 'provincial' AND p.path <> '' AND INSTR(i.path, p.path) = 1 LIMIT 1";

type RawRow = Omit<LookupCertificateRow, 'dataResponsibleUnit'> & { dataResponsibleUnit: string | null };

function pathIdsOf(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** MySQL drivers may hand back a DATE as a Date or a string; the lookup shows `YYYY-MM-DD`. */
function isoDay(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
