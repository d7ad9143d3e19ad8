import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
const IN_CHUNK = 500;
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
  async page(afterId: number, size: number, since: Date | null): Promise<ScreenedCertificate[]> {
    const qb = this.screened().andWhere('c.id > :afterId', { afterId });
    if (since) qb.andWhere('c.updatedAt >= :since', { since });
    const rows = await qb.orderBy('c.id', 'ASC').limit(size).getRawMany<ScreenedCertificate>();
    return rows.map(normalise);
  }

  /** Every screened certificate of the given holders (blind-index hashes). */
  async byHolders(hashes: string[]): Promise<ScreenedCertificate[]> {
    return this.chunked(hashes, (chunk) =>
      this.screened().andWhere('c.idNumberHash IN (:...chunk)', { chunk }).getRawMany<ScreenedCertificate>(),
    ).then((rows) => rows.map(normalise));
  }

  async byIds(ids: number[]): Promise<ScreenedCertificate[]> {
    return this.chunked(ids, (chunk) =>
      this.screened().andWhere('c.id IN (:...chunk)', { chunk }).getRawMany<ScreenedCertificate>(),
    ).then((rows) => rows.map(normalise));
  }

  /** Of `hashes` (all when null), the holders with at least `min` screened certificates. */
  async holdersWithAtLeast(hashes: string[] | null, min: number): Promise<string[]> {
    const query = (chunk: string[] | null) => {
      const qb = this.dataSource
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .select('c.idNumberHash', 'hash')
        .where("c.status <> 'draft'");
      if (chunk) qb.andWhere('c.idNumberHash IN (:...chunk)', { chunk });
      return qb
        .groupBy('c.idNumberHash')
        .having('COUNT(*) >= :min', { min })
        .getRawMany<{ hash: string }>()
        .then((rows) => rows.map((r) => r.hash));
    };
    return hashes === null ? query(null) : this.chunked(hashes, query);
  }

  /** Stores the folded numbers of a page of certificates (replacing earlier folds of the same rows). */
  async saveNumberKeys(manager: EntityManager, keys: { certificateId: number; numberKey: string }[]): Promise<void> {
    if (keys.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ScreeningNumberKey)
      .values(keys)
      .orUpdate(['number_key'], ['certificate_id'])
      .execute();
  }

  /** Of `keys` (all when null), the folded numbers shared by two or more certificates, with their certificates. */
  async sharedNumberKeys(keys: string[] | null): Promise<{ numberKey: string; certificateId: number }[]> {
    const query = async (chunk: string[] | null) => {
      const shared = this.dataSource
        .getRepository(ScreeningNumberKey)
        .createQueryBuilder('k')
        .select('k.numberKey', 'numberKey')
        .groupBy('k.numberKey')
        .having('COUNT(*) >= 2');
      if (chunk) shared.where('k.numberKey IN (:...chunk)', { chunk });
      const found = (await shared.getRawMany<{ numberKey: string }>()).map((r) => r.numberKey);
      if (found.length === 0) return [];
      return this.chunked(found, (inner) =>
        this.dataSource
          .getRepository(ScreeningNumberKey)
          .createQueryBuilder('k')
          .select(['k.numberKey AS numberKey', 'k.certificateId AS certificateId'])
          .where('k.numberKey IN (:...inner)', { inner })
          .getRawMany<{ numberKey: string; certificateId: number }>(),
      );
    };
    const rows = keys === null ? await query(null) : await this.chunked(keys, query);
    return rows.map((r) => ({ numberKey: r.numberKey, certificateId: Number(r.certificateId) }));
  }

  /** Screened certificates per institution and issue month (`YYYY-MM`), of `institutionIds` (all when null). */
  async monthlyVolumes(
    institutionIds: number[] | null,
  ): Promise<{ institutionId: number; month: string; n: number }[]> {
    const query = (chunk: number[] | null) => {
      const qb = this.dataSource
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .select('c.institutionId', 'institutionId')
        .addSelect('SUBSTR(c.issueDate, 1, 7)', 'month')
        .addSelect('COUNT(*)', 'n')
        .where("c.status <> 'draft'");
      if (chunk) qb.andWhere('c.institutionId IN (:...chunk)', { chunk });
      return qb.groupBy('c.institutionId').addGroupBy('SUBSTR(c.issueDate, 1, 7)').getRawMany<{
        institutionId: number;
        month: string;
        n: number;
      }>();
    };
    const rows = institutionIds === null ? await query(null) : await this.chunked(institutionIds, query);
    return rows.map((r) => ({ institutionId: Number(r.institutionId), month: String(r.month), n: Number(r.n) }));
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
      this.chunked(ids, (chunk) => this.dataSource.getRepository(Organisation).findBy({ id: In(chunk) })),
      this.chunked(ids, (chunk) =>
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

  async maxUpdatedAt(): Promise<Date | null> {
    const row = await this.dataSource
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .select('MAX(c.updatedAt)', 'max')
      .getRawOne<{ max: Date | string | null }>();
    return row?.max ? toDate(row.max) : null;
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
    const rows = await this.chunked(fingerprints, (chunk) =>
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
   * Inserts the flag unless its fingerprint exists (the unique key decides between racing instances) and links its
   * certificates; true when this call raised it.
   */
  async raise(manager: EntityManager, flag: NewFlag, raisedAt: Date, runId: number | null): Promise<boolean> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Flag)
      .values({
        rule: flag.rule,
        fingerprint: flag.fingerprint,
        status: 'open',
        summary: flag.summary.slice(0, 500),
        evidence: flag.evidence,
        certificateCount: flag.certificateIds.length,
        raisedAt,
        raisedByRunId: runId,
        version: 1,
      })
      .orIgnore()
      .execute();
    // Each run has its own id and runs hold the job's lease, so a row of another run means it was raised before.
    const row = await manager.getRepository(Flag).findOneByOrFail({ fingerprint: flag.fingerprint });
    if (row.raisedByRunId !== runId) return false;
    const paths = await manager
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .innerJoin(Organisation, 'o', 'o.id = c.institutionId')
      .select(['c.id AS id', 'o.path AS path'])
      .where('c.id IN (:...ids)', { ids: flag.certificateIds })
      .getRawMany<{ id: number; path: string }>();
    for (let i = 0; i < paths.length; i += IN_CHUNK) {
      await manager
        .getRepository(FlagCertificate)
        .insert(
          paths.slice(i, i + IN_CHUNK).map((p) => ({ flagId: row.id, certificateId: Number(p.id), orgPath: p.path })),
        );
    }
    return true;
  }

  private async chunked<K, R>(keys: K[], query: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < keys.length; i += IN_CHUNK) out.push(...(await query(keys.slice(i, i + IN_CHUNK))));
    return out;
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
