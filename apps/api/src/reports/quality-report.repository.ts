import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QualityPeriod } from '@app/domain';
import { likePrefix } from '../common/http/list-query';

/** A figure's value per institution id. */
export type ByInstitution = Map<number, number>;

export interface InstitutionOfReport {
  id: number;
  name: string;
  parentName: string;
}

export interface LateSubmission {
  institutionId: number;
  /** When it was first submitted. */
  at: Date;
  /** The earliest upload deadline among its records that were already past it. */
  earliestDue: string | null;
}

/** The datetime text both databases compare a stored UTC timestamp with. */
function utc(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * R-39: the quality report's set-based reads — each figure one grouped statement over the decision trail and the
 * feature tables, within a subtree (organisation path prefix) and a period of Beijing days.
 */
@Injectable()
export class QualityReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every institution of the subtree, with its parent centre's name, by name. */
  async institutions(subtreePath: string): Promise<InstitutionOfReport[]> {
    const rows: { id: unknown; name: string; parentName: string | null }[] = await this.dataSource.query(
      `SELECT o.id AS id, o.name AS name, p.name AS parentName
         FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id
        WHERE o.level = 'institution' AND o.path LIKE ? ESCAPE '!'
        ORDER BY o.path`,
      [likePrefix(subtreePath)],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, parentName: r.parentName ?? '' }));
  }

  /**
   * First submissions (from draft) in the period: batches, records, late ones and late ones with a 附件3 statement.
   * Child batches of partial returns are resubmissions of records already counted.
   */
  async firstSubmissions(subtreePath: string, period: QualityPeriod) {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT b.institution_id AS id, COUNT(*) AS batches, SUM(d.record_count) AS records,
              SUM(CASE WHEN b.late_submission = 1 THEN 1 ELSE 0 END) AS late,
              SUM(CASE WHEN b.late_submission = 1 AND b.overdue_statement IS NOT NULL THEN 1 ELSE 0 END) AS explained
         FROM batch_decisions d JOIN batches b ON b.id = d.batch_id
        WHERE d.action = 'submit' AND d.stage = 'draft' AND d.created_at >= ? AND d.created_at < ?
          AND b.org_path LIKE ? ESCAPE '!'
        GROUP BY b.institution_id`,
      [utc(period.start), utc(period.end), likePrefix(subtreePath)],
    );
    const of = (key: string) => new Map(rows.map((r) => [Number(r.id), Number(r[key] ?? 0)]));
    return { batches: of('batches'), records: of('records'), late: of('late'), explained: of('explained') };
  }

  /** Late first submissions of the period, each with the earliest upload deadline its late records had passed. */
  async lateSubmissions(subtreePath: string, period: QualityPeriod): Promise<LateSubmission[]> {
    // Two index lookups per late batch (its own records, then its children's), not one OR the optimiser cannot index.
    const rows: {
      institutionId: unknown;
      at: Date | string;
      own: string | Date | null;
      children: string | Date | null;
    }[] = await this.dataSource.query(
      `SELECT b.institution_id AS institutionId, d.created_at AS at,
              (SELECT MIN(c.upload_due) FROM certificates c WHERE c.batch_id = b.id) AS own,
              (SELECT MIN(c.upload_due) FROM batches k JOIN certificates c ON c.batch_id = k.id
                WHERE k.parent_id = b.id) AS children
         FROM batch_decisions d JOIN batches b ON b.id = d.batch_id
        WHERE d.action = 'submit' AND d.stage = 'draft' AND d.created_at >= ? AND d.created_at < ?
          AND b.late_submission = 1 AND b.org_path LIKE ? ESCAPE '!'`,
      [utc(period.start), utc(period.end), likePrefix(subtreePath)],
    );
    return rows.map((r) => {
      const dues = [r.own, r.children].filter((d): d is string | Date => d !== null).map(dateText);
      return {
        institutionId: Number(r.institutionId),
        at: r.at instanceof Date ? r.at : new Date(`${String(r.at).replace(' ', 'T')}Z`),
        earliestDue: dues.length ? dues.sort()[0] : null,
      };
    });
  }

  /** Decisions of one action in the period, per institution (distinct batches when `distinctBatches`). */
  async decisions(
    subtreePath: string,
    period: QualityPeriod,
    action: string,
    options: { distinctBatches?: boolean; lateOnly?: boolean; stages?: readonly string[] } = {},
  ): Promise<ByInstitution> {
    const stages = options.stages ?? [];
    const rows: { id: unknown; n: unknown }[] = await this.dataSource.query(
      `SELECT b.institution_id AS id, ${options.distinctBatches ? 'COUNT(DISTINCT d.batch_id)' : 'COUNT(*)'} AS n
         FROM batch_decisions d JOIN batches b ON b.id = d.batch_id
        WHERE d.action = ? AND d.created_at >= ? AND d.created_at < ? AND b.org_path LIKE ? ESCAPE '!'
          ${options.lateOnly ? 'AND d.late = 1' : ''}
          ${stages.length ? `AND d.stage IN (${stages.map(() => '?').join(', ')})` : ''}
        GROUP BY b.institution_id`,
      [action, utc(period.start), utc(period.end), likePrefix(subtreePath), ...stages],
    );
    return countsById(rows);
  }

  /** Review decisions (approve or return) taken after their stage's due day, per institution (R-17). */
  async lateReviews(subtreePath: string, period: QualityPeriod): Promise<ByInstitution> {
    const rows: { id: unknown; n: unknown }[] = await this.dataSource.query(
      `SELECT b.institution_id AS id, COUNT(*) AS n
         FROM batch_decisions d JOIN batches b ON b.id = d.batch_id
        WHERE d.action IN ('approve', 'return') AND d.late = 1 AND d.created_at >= ? AND d.created_at < ?
          AND b.org_path LIKE ? ESCAPE '!'
        GROUP BY b.institution_id`,
      [utc(period.start), utc(period.end), likePrefix(subtreePath)],
    );
    return countsById(rows);
  }

  /** Return reasons of the period with their counts, per institution. */
  async returnReasons(
    subtreePath: string,
    period: QualityPeriod,
  ): Promise<Map<number, Array<{ reason: string; count: number }>>> {
    const rows: { id: unknown; reason: string | null; n: unknown }[] = await this.dataSource.query(
      `SELECT b.institution_id AS id, d.comment AS reason, COUNT(*) AS n
         FROM batch_decisions d JOIN batches b ON b.id = d.batch_id
        WHERE d.action = 'return' AND d.created_at >= ? AND d.created_at < ? AND b.org_path LIKE ? ESCAPE '!'
        GROUP BY b.institution_id, d.comment`,
      [utc(period.start), utc(period.end), likePrefix(subtreePath)],
    );
    const byInstitution = new Map<number, Array<{ reason: string; count: number }>>();
    for (const r of rows) {
      const list = byInstitution.get(Number(r.id)) ?? [];
      list.push({ reason: r.reason ?? '', count: Number(r.n) });
      byInstitution.set(Number(r.id), list);
    }
    return byInstitution;
  }

  /** Correction or deletion requests filed in the period, per institution (R-19 – R-23). */
  async requests(subtreePath: string, period: QualityPeriod, type: 'modify' | 'delete'): Promise<ByInstitution> {
    const rows: { id: unknown; n: unknown }[] = await this.dataSource.query(
      `SELECT c.institution_id AS id, COUNT(*) AS n FROM corrections c
        WHERE c.type = ? AND c.requested_at >= ? AND c.requested_at < ? AND c.org_path LIKE ? ESCAPE '!'
        GROUP BY c.institution_id`,
      [type, utc(period.start), utc(period.end), likePrefix(subtreePath)],
    );
    return countsById(rows);
  }

  /** Screening flags raised in the period naming a certificate of the institution (R-25). */
  async flags(subtreePath: string, period: QualityPeriod): Promise<ByInstitution> {
    const rows: { id: unknown; n: unknown }[] = await this.dataSource.query(
      `SELECT c.institution_id AS id, COUNT(DISTINCT f.id) AS n
         FROM flags f JOIN flag_certificates fc ON fc.flag_id = f.id JOIN certificates c ON c.id = fc.certificate_id
        WHERE f.raised_at >= ? AND f.raised_at < ? AND fc.org_path LIKE ? ESCAPE '!'
        GROUP BY c.institution_id`,
      [utc(period.start), utc(period.end), likePrefix(subtreePath)],
    );
    return countsById(rows);
  }

  /** Certificates suspended from lookup in the period (R-26). */
  async suspensions(subtreePath: string, period: QualityPeriod): Promise<ByInstitution> {
    const rows: { id: unknown; n: unknown }[] = await this.dataSource.query(
      `SELECT c.institution_id AS id, COUNT(*) AS n
         FROM rechecks r JOIN certificates c ON c.id = r.certificate_id
        WHERE r.suspended_at >= ? AND r.suspended_at < ? AND r.org_path LIKE ? ESCAPE '!'
        GROUP BY c.institution_id`,
      [utc(period.start), utc(period.end), likePrefix(subtreePath)],
    );
    return countsById(rows);
  }
}

/** A grouped count's rows (`id`, `n`) as a figure per institution. */
function countsById(rows: { id: unknown; n: unknown }[]): ByInstitution {
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
}

function dateText(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
