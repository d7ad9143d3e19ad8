import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chunks, queryInChunks } from '../database/chunks';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ScreeningRule } from '@app/domain';
import { Certificate } from '../certificates/entities/certificate.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OrganisationStatusChange } from '../organisations/entities/organisation-status.entity';
import { Flag, FlagCertificate, ScreeningNumberKey, ScreeningWatermark } from './entities/flag.entity';

/** A certificate as screening reads it (no plaintext ID number; the cipher text is decrypted by the service). */
export interface ScreenedCertificate {
  id: number;
  institutionId: number;
  orgPath: string;
  kind: string;
  holderName: string;
  idType: number;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  birthDate: string;
  occupationCode: string;
  occupationName: string;
  level: number | null;
  certificateNumber: string;
  issueDate: string;
}

/** What the scan reads of each certificate to judge it alone and find its groups (no names, no join). */
export type PagedCertificate = Pick<
  ScreenedCertificate,
  | 'id'
  | 'institutionId'
  | 'idType'
  | 'idNumberEnc'
  | 'idNumberHash'
  | 'birthDate'
  | 'occupationCode'
  | 'occupationName'
  | 'level'
  | 'certificateNumber'
  | 'issueDate'
> & {
  updatedAt: Date;
  /** The fold stored for it (saveNumberKeys), if any. */
  storedNumberKey: string | null;
};

export interface InstitutionFacts {
  id: number;
  name: string;
  registeredAt: string | null;
  scope: Organisation['scope'];
  history: { status: string; effectiveFrom: string }[];
}

export interface NewFlag {
  rule: ScreeningRule;
  fingerprint: string;
  summary: string;
  evidence: string;
  certificateIds: number[];
}

const SCREENED_COLUMNS = [
  'c.id AS id',
  'c.institution_id AS institutionId',
  'o.path AS orgPath',
  'c.kind AS kind',
  'c.holder_name AS holderName',
  'c.id_type AS idType',
  'c.id_number_enc AS idNumberEnc',
  'c.id_number_hash AS idNumberHash',
  'c.id_number_masked AS idNumberMasked',
  'c.birth_date AS birthDate',
  'c.occupation_code AS occupationCode',
  'c.occupation_name AS occupationName',
  'c.level AS level',
  'c.certificate_number AS certificateNumber',
  'c.issue_date AS issueDate',
];
const PAGED_COLUMNS = [
  'c.id AS id',
  'c.institution_id AS institutionId',
  'c.id_type AS idType',
  'c.id_number_enc AS idNumberEnc',
  'c.id_number_hash AS idNumberHash',
  'c.birth_date AS birthDate',
  'c.occupation_code AS occupationCode',
  'c.occupation_name AS occupationName',
  'c.level AS level',
  'c.certificate_number AS certificateNumber',
  'c.issue_date AS issueDate',
  'c.updated_at AS updatedAt',
  'k.number_key AS storedNumberKey',
];
/** Above this many keys, a pass over the whole index or table is cheaper than looking each key up. */
const WIDE = 20_000;
const WATERMARK = 'certificates';

/** SQL of the screening job: pages of certificates that left the draft stage, and set-based group reads. */
@Injectable()
export class ScreeningRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private screened() {
    return this.dataSource
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .innerJoin(Organisation, 'o', 'o.id = c.institutionId')
      .select(SCREENED_COLUMNS)
      .where("c.status <> 'draft'");
  }

  /** The next page (by id) of screened certificates, changed since `since` when given. */
  async page(afterId: number, size: number, since: Date | null): Promise<PagedCertificate[]> {
    const qb = this.dataSource
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .leftJoin(ScreeningNumberKey, 'k', 'k.certificateId = c.id')
      .select(PAGED_COLUMNS)
      .where("c.status <> 'draft' AND c.id > :afterId", { afterId });
    if (since) qb.andWhere('c.updatedAt >= :since', { since });
    const rows = await qb.orderBy('c.id', 'ASC').limit(size).getRawMany<PagedCertificate>();
    for (const row of rows) {
      row.id = Number(row.id);
      row.institutionId = Number(row.institutionId);
      row.idType = Number(row.idType);
      row.level = row.level === null ? null : Number(row.level);
      row.birthDate = isoDay(row.birthDate);
      row.issueDate = isoDay(row.issueDate);
      row.updatedAt = toDate(row.updatedAt);
    }
    return rows;
  }

  /** Every screened certificate of the given holders (blind-index hashes). */
  async byHolders(hashes: string[]): Promise<ScreenedCertificate[]> {
    return queryInChunks(hashes, (chunk) =>
      this.screened().andWhere('c.idNumberHash IN (:...chunk)', { chunk }).getRawMany<ScreenedCertificate>(),
    ).then((rows) => rows.map(normalise));
  }

  async byIds(ids: number[]): Promise<ScreenedCertificate[]> {
    return queryInChunks(ids, (chunk) =>
      this.screened().andWhere('c.id IN (:...chunk)', { chunk }).getRawMany<ScreenedCertificate>(),
    ).then((rows) => rows.map(normalise));
  }

  /**
   * Of `hashes` (all when null), the holders with at least `min` certificates, drafts counted: a superset of those
   * with `min` screened ones (byHolders reads only those), found in the blind index alone, without reading rows.
   * Many hashes (a large incremental run): one pass over the whole index beats a look-up per hash.
   */
  async holdersWithAtLeast(hashes: string[] | null, min: number): Promise<string[]> {
    if (hashes !== null && hashes.length > WIDE) {
      const wanted = new Set(hashes);
      return (await this.holdersWithAtLeast(null, min)).filter((h) => wanted.has(h));
    }
    const query = (chunk: string[] | null) => {
      const qb = this.dataSource.getRepository(Certificate).createQueryBuilder('c').select('c.idNumberHash', 'hash');
      if (chunk) qb.where('c.idNumberHash IN (:...chunk)', { chunk });
      return qb
        .groupBy('c.idNumberHash')
        .having('COUNT(*) >= :min', { min })
        .getRawMany<{ hash: string }>()
        .then((rows) => rows.map((r) => r.hash));
    };
    return hashes === null ? query(null) : queryInChunks(hashes, query);
  }

  /**
   * Stores `keep` (folds of numbers that are not their own fold) and drops the folds of `drop`. A number that is its
   * own fold is found by certificate_number itself, so only the rare others need a row.
   */
  async saveNumberKeys(
    manager: EntityManager,
    keep: { certificateId: number; numberKey: string }[],
    drop: number[],
  ): Promise<void> {
    for (const part of chunks(drop)) {
      await manager.getRepository(ScreeningNumberKey).delete({ certificateId: In(part) });
    }
    for (const part of chunks(keep)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ScreeningNumberKey)
        .values(part)
        .orUpdate(['number_key'], ['certificate_id'])
        .execute();
    }
  }

  /**
   * Of `keys` (all when null), the folds that name a stored fold (saveNumberKeys), each with the certificates that
   * have it stored or are numbered exactly so; the caller keeps the groups of two or more.
   */
  async sharedNumberKeys(keys: string[] | null): Promise<{ numberKey: string; certificateId: number }[]> {
    const storedKeys = (chunk: string[] | null) => {
      const qb = this.dataSource
        .getRepository(ScreeningNumberKey)
        .createQueryBuilder('k')
        .select('DISTINCT k.numberKey', 'numberKey');
      if (chunk) qb.where('k.numberKey IN (:...chunk)', { chunk });
      return qb.getRawMany<{ numberKey: string }>().then((rows) => rows.map((r) => r.numberKey));
    };
    // Many keys (a large incremental run): one read of the stored folds, which are few, beats a look-up per key.
    const wanted = keys === null || keys.length <= WIDE ? null : new Set(keys);
    const found =
      keys === null || wanted
        ? (await storedKeys(null)).filter((k) => !wanted || wanted.has(k))
        : await queryInChunks(keys, storedKeys);
    if (found.length === 0) return [];
    const rows = await queryInChunks(found, async (chunk) => [
      ...(await this.dataSource
        .getRepository(ScreeningNumberKey)
        .createQueryBuilder('k')
        .select(['k.numberKey AS numberKey', 'k.certificateId AS certificateId'])
        .where('k.numberKey IN (:...chunk)', { chunk })
        .getRawMany<{ numberKey: string; certificateId: number }>()),
      ...(await this.dataSource
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .select(['c.certificateNumber AS numberKey', 'c.id AS certificateId'])
        .where("c.status <> 'draft' AND c.certificateNumber IN (:...chunk)", { chunk })
        .getRawMany<{ numberKey: string; certificateId: number }>()),
    ]);
    return rows.map((r) => ({ numberKey: r.numberKey, certificateId: Number(r.certificateId) }));
  }

  /**
   * Screened certificates per institution and issue month (`YYYY-MM`), of `institutionIds` (all when null): all
   * certificates counted in the (institution, issue date) index alone, less the drafts, which are few.
   */
  async monthlyVolumes(
    institutionIds: number[] | null,
  ): Promise<{ institutionId: number; month: string; n: number }[]> {
    const counts = (drafts: boolean) => (chunk: number[] | null) => {
      const qb = this.dataSource
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .select('c.institutionId', 'institutionId')
        .addSelect('SUBSTR(c.issueDate, 1, 7)', 'month')
        .addSelect('COUNT(*)', 'n');
      if (drafts) qb.andWhere("c.status = 'draft'");
      if (chunk) qb.andWhere('c.institutionId IN (:...chunk)', { chunk });
      return qb.groupBy('c.institutionId').addGroupBy('SUBSTR(c.issueDate, 1, 7)').getRawMany<{
        institutionId: number;
        month: string;
        n: number;
      }>();
    };
    const read = (drafts: boolean) =>
      institutionIds === null ? counts(drafts)(null) : queryInChunks(institutionIds, counts(drafts));
    const volumes = new Map<string, { institutionId: number; month: string; n: number }>();
    for (const r of await read(false)) {
      const row = { institutionId: Number(r.institutionId), month: String(r.month), n: Number(r.n) };
      volumes.set(`${row.institutionId}|${row.month}`, row);
    }
    for (const r of await read(true)) {
      const row = volumes.get(`${Number(r.institutionId)}|${String(r.month)}`);
      if (row) row.n -= Number(r.n);
    }
    // A month of drafts only is no month of screened certificates.
    return [...volumes.values()].filter((r) => r.n > 0);
  }

  /** The screened certificates of one institution issued in one month. */
  async idsOfMonth(institutionId: number, month: string): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where("c.status <> 'draft' AND c.institutionId = :institutionId", { institutionId })
      .andWhere('c.issueDate >= :from AND c.issueDate <= :to', { from: `${month}-01`, to: `${month}-31` })
      .orderBy('c.id')
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  async institutions(ids: number[]): Promise<Map<number, InstitutionFacts>> {
    const [orgs, history] = await Promise.all([
      queryInChunks(ids, (chunk) => this.dataSource.getRepository(Organisation).findBy({ id: In(chunk) })),
      queryInChunks(ids, (chunk) =>
        this.dataSource
          .getRepository(OrganisationStatusChange)
          .find({ where: { organisationId: In(chunk) }, order: { id: 'ASC' } }),
      ),
    ]);
    const facts = new Map<number, InstitutionFacts>();
    for (const o of orgs) {
      facts.set(o.id, { id: o.id, name: o.name, registeredAt: o.registeredAt, scope: o.scope, history: [] });
    }
    for (const h of history) facts.get(h.organisationId)?.history.push(h);
    return facts;
  }

  /** The database's clock (certificates.updated_at is written by it, not by the application's). */
  async databaseNow(): Promise<Date> {
    const mysql = this.dataSource.options.type === 'mysql' || this.dataSource.options.type === 'mariadb';
    const [row] = await this.dataSource.query<{ now: Date | string }[]>(
      mysql ? 'SELECT CURRENT_TIMESTAMP(6) AS now' : "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') AS now",
    );
    return toDate(row.now);
  }

  async watermark(): Promise<Date | null> {
    const row = await this.dataSource.getRepository(ScreeningWatermark).findOneBy({ name: WATERMARK });
    return row?.watermark ?? null;
  }

  async setWatermark(manager: EntityManager, watermark: Date): Promise<void> {
    await manager.getRepository(ScreeningWatermark).upsert({ name: WATERMARK, watermark }, ['name']);
  }

  /** Fingerprints among `fingerprints` already raised (whatever became of them since). */
  async knownFingerprints(fingerprints: string[]): Promise<Set<string>> {
    const rows = await queryInChunks(fingerprints, (chunk) =>
      this.dataSource
        .getRepository(Flag)
        .createQueryBuilder('f')
        .select('f.fingerprint', 'fingerprint')
        .where('f.fingerprint IN (:...chunk)', { chunk })
        .getRawMany<{ fingerprint: string }>(),
    );
    return new Set(rows.map((r) => r.fingerprint));
  }

  /**
   * Inserts the flags whose fingerprint does not exist yet (the unique key decides between racing instances) and
   * links their certificates; answers how many this call raised.
   */
  async raise(manager: EntityManager, flags: NewFlag[], raisedAt: Date, runId: number | null): Promise<number> {
    if (flags.length === 0) return 0;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Flag)
      .values(
        flags.map((flag) => ({
          rule: flag.rule,
          fingerprint: flag.fingerprint,
          status: 'open' as const,
          summary: flag.summary.slice(0, 500),
          evidence: flag.evidence,
          certificateCount: flag.certificateIds.length,
          raisedAt,
          raisedByRunId: runId,
          version: 1,
        })),
      )
      .orIgnore()
      .execute();
    // Each run has its own id and runs hold the job's lease, so a row of another run means it was raised before.
    const rows = await manager
      .getRepository(Flag)
      .createQueryBuilder('f')
      .select(['f.id AS id', 'f.fingerprint AS fingerprint', 'f.raisedByRunId AS runId'])
      .where('f.fingerprint IN (:...fingerprints)', { fingerprints: flags.map((f) => f.fingerprint) })
      .getRawMany<{ id: number; fingerprint: string; runId: number | null }>();
    const ours = new Map(
      rows
        .filter((r) => (r.runId === null ? runId === null : Number(r.runId) === runId))
        .map((r) => [r.fingerprint, Number(r.id)]),
    );
    const raised = flags.filter((f) => ours.has(f.fingerprint));
    const ids = [...new Set(raised.flatMap((f) => f.certificateIds))];
    const paths = new Map<number, string>();
    for (const part of chunks(ids)) {
      const found = await manager
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .innerJoin(Organisation, 'o', 'o.id = c.institutionId')
        .select(['c.id AS id', 'o.path AS path'])
        .where('c.id IN (:...chunk)', { chunk: part })
        .getRawMany<{ id: number; path: string }>();
      for (const r of found) paths.set(Number(r.id), r.path);
    }
    const links = raised.flatMap((f) =>
      f.certificateIds
        .filter((id) => paths.has(id))
        .map((certificateId) => ({
          flagId: ours.get(f.fingerprint)!,
          certificateId,
          orgPath: paths.get(certificateId)!,
        })),
    );
    for (const part of chunks(links)) await manager.getRepository(FlagCertificate).insert(part);
    return raised.length;
  }
}

function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  // SQLite keeps 'YYYY-MM-DD HH:MM:SS(.fff)' in UTC.
  return new Date(`${value.replace(' ', 'T')}Z`);
}

function isoDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

function normalise(row: ScreenedCertificate): ScreenedCertificate {
  return {
    ...row,
    id: Number(row.id),
    institutionId: Number(row.institutionId),
    idType: Number(row.idType),
    level: row.level === null ? null : Number(row.level),
    birthDate: isoDay(row.birthDate),
    issueDate: isoDay(row.issueDate),
  };
}
