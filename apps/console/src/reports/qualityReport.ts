import { QUALITY_FIGURES, type QualityFigure } from '@app/contracts';

/** The report's query string: the period, and the region when one is chosen (national staff). */
export function qualityReportQuery(params: { from: string; to: string; regionCode?: string; xlsx?: boolean }): string {
  const query = new URLSearchParams({ from: params.from, to: params.to });
  if (params.regionCode) query.set('regionCode', params.regionCode);
  if (params.xlsx) query.set('format', 'xlsx');
  return query.toString();
}

/** The first of January of `today`'s year: the report opens on the year so far. */
export function yearStart(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

/** Figures worth a warning colour when not zero (lateness, refusals, returns, late reviews, flags, complaints). */
const WARNING_FIGURES: ReadonlySet<QualityFigure> = new Set([
  'lateSubmissions',
  'lateWithoutStatement',
  'refusalsPastCutoff',
  'reviewsLate',
  'flags',
  'suspensions',
  'complaints',
]);

export function isWarning(figure: QualityFigure, value: number | null): boolean {
  return value !== null && value > 0 && WARNING_FIGURES.has(figure);
}

export const SHOWN_FIGURES: readonly QualityFigure[] = QUALITY_FIGURES;
