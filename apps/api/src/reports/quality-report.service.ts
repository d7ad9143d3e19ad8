import { Injectable } from '@nestjs/common';
import { beijingDateOf, qualityPeriod, topReasons, type QualityPeriod } from '@app/domain';
import { QUALITY_FIGURES, type QualityFigure, type QualityReport, type QualityReportRow } from '@app/contracts';
import type { Actor } from '../common/actor/actor';
import { notFound } from '../common/errors/app-errors';
import { CalendarService } from '../calendar/calendar.service';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { Organisation } from '../organisations/entities/organisation.entity';
import { QualityReportSources } from './quality-report-sources';
import { ByInstitution, QualityReportRepository } from './quality-report.repository';

/** The figures of one institution before they become a row. */
type Figures = Record<QualityFigure, ByInstitution | null>;

/**
 * R-39 质量通报: for a period of Beijing days and a jurisdiction, one row per institution of it — those with nothing
 * in the period too, with zeros — each figure counted from the decision trail and the feature tables in one grouped
 * statement. A figure whose source is not installed is null (暂无数据), never 0.
 */
@Injectable()
export class QualityReportService {
  constructor(
    private readonly report: QualityReportRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly jurisdiction: JurisdictionService,
    private readonly calendar: CalendarService,
    private readonly sources: QualityReportSources,
  ) {}

  async quality(actor: Actor, query: { from?: unknown; to?: unknown; regionCode?: unknown }): Promise<QualityReport> {
    const period = qualityPeriod(query.from, query.to);
    const region = await this.region(actor, query.regionCode);
    const path = region.path;
    const [institutions, submissions, late, refusals, exemptions, returns, reasons, reviewsLate] = await Promise.all([
      this.report.institutions(path),
      this.report.firstSubmissions(path, period),
      this.workingDaysOverdue(path, period),
      this.report.decisions(path, period, 'refuse', { distinctBatches: true }),
      this.report.decisions(path, period, 'exemption'),
      Promise.all([
        this.report.decisions(path, period, 'return', { stages: ['municipal_review', 'municipal_head_approval'] }),
        this.report.decisions(path, period, 'return', { stages: ['provincial_review'] }),
        this.report.decisions(path, period, 'return', { stages: ['national_review'] }),
      ]),
      this.report.returnReasons(path, period),
      this.report.lateReviews(path, period),
    ]);
    const [corrections, deletions, flags, suspensions] = await Promise.all([
      this.report.requests(path, period, 'modify'),
      this.report.requests(path, period, 'delete'),
      this.report.flags(path, period),
      this.report.suspensions(path, period),
    ]);
    const lateWithout = new Map<number, number>();
    for (const [id, n] of submissions.late) lateWithout.set(id, n - (submissions.explained.get(id) ?? 0));
    const figures: Figures = {
      batches: submissions.batches,
      records: submissions.records,
      lateSubmissions: submissions.late,
      lateWithStatement: submissions.explained,
      lateWithoutStatement: lateWithout,
      workingDaysOverdue: late,
      refusalsPastCutoff: refusals,
      exemptions,
      returnsMunicipal: returns[0],
      returnsProvincial: returns[1],
      returnsNational: returns[2],
      reviewsLate,
      corrections,
      deletions,
      flags,
      suspensions,
      complaints: await this.sources.figure('complaints', path, period),
    };
    const rows = institutions.map((institution): QualityReportRow => {
      const row = {
        institutionId: institution.id,
        institutionName: institution.name,
        parentName: institution.parentName,
        returnReasons: topReasons(reasons.get(institution.id) ?? []),
      } as QualityReportRow;
      for (const figure of QUALITY_FIGURES) {
        const values = figures[figure];
        row[figure] = values ? (values.get(institution.id) ?? 0) : null;
      }
      return row;
    });
    const totals = {} as Record<QualityFigure, number | null>;
    for (const figure of QUALITY_FIGURES) {
      totals[figure] = figures[figure] ? rows.reduce((sum, r) => sum + (r[figure] ?? 0), 0) : null;
    }
    return {
      from: period.from,
      to: period.to,
      regionCode: region.regionCode,
      regionName: region.name,
      rows,
      totals,
      unavailable: QUALITY_FIGURES.filter((f) => figures[f] === null),
    };
  }

  /**
   * The centre whose subtree the report covers: by region code (national staff any, others only their own subtree —
   * another region is 404), the caller's own organisation when none is given.
   */
  private async region(actor: Actor, regionCode: unknown): Promise<Organisation> {
    if (regionCode === undefined || regionCode === '') return this.organisations.findByIdOrFail(actor.organisationId);
    if (typeof regionCode !== 'string' || !/^\d{6}$/.test(regionCode)) throw notFound('地区');
    const region = await this.organisations.findCentreByRegionCode(regionCode);
    this.jurisdiction.assertWithin(actor, region?.path, '地区');
    return region!;
  }

  /** Working days each late first submission came after the earliest deadline it had passed, summed per institution. */
  private async workingDaysOverdue(path: string, period: QualityPeriod): Promise<ByInstitution> {
    const late = await this.report.lateSubmissions(path, period);
    const calendar = await this.calendar.calendar();
    const sums = new Map<number, number>();
    for (const l of late) {
      const day = beijingDateOf(l.at.getTime());
      const days = l.earliestDue && l.earliestDue < day ? calendar.workingDaysBetween(l.earliestDue, day) : 0;
      sums.set(l.institutionId, (sums.get(l.institutionId) ?? 0) + days);
    }
    return sums;
  }
}
