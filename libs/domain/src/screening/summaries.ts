import type { ScreeningRule } from './rules';

/** What a flag's one-line summary names of a certificate. */
export interface SummarisedCertificate {
  certificateNumber: string;
  holderName: string;
  idNumberMasked: string;
  occupationName: string;
  level: number | null;
}

/** A flag's evidence figures by key (`count`, `days`, `threshold`, `numberKey`, …), as the screening job wrote them. */
export type EvidenceFigures = Readonly<Record<string, string | number>>;

export function levelText(level: number | null): string {
  return level === null ? '' : `（${level}级）`;
}

export function frequentHolderSummary(
  first: SummarisedCertificate,
  figures: { count: number; days: number; threshold: number },
): string {
  return `${first.holderName}（${first.idNumberMasked}）在 ${figures.days} 天内取得 ${figures.count} 本证书（阈值 ${figures.threshold}）`;
}

export function duplicateAwardSummary(first: SummarisedCertificate, count: number): string {
  return `${first.holderName}（${first.idNumberMasked}）${first.occupationName}${levelText(first.level)}重复取证 ${count} 本`;
}

export function similarNumberSummary(numbers: string[], numberKey: string): string {
  return `证书编号 ${numbers.join('、')} 规范化后相同（${numberKey}）`;
}

/**
 * a flag's summary as a caller who sees only some of its certificates may read it. The stored summary was
 * written from all of them (another province's certificate number, or its record's spelling of the holder's name);
 * rebuilt from the visible certificates alone, with how many lie outside the caller's jurisdiction — a count, never
 * what they are. `visible`: the caller's certificates of the flag (or the first of them); `hidden`: how many of the
 * flag's are not the caller's. Null when the stored summary names no other certificate (single-certificate and
 * institution rules), or when nothing is hidden.
 */
export function summaryWithin(
  rule: ScreeningRule,
  figures: EvidenceFigures,
  visible: SummarisedCertificate[],
  hidden: number,
): string | null {
  if (hidden <= 0 || visible.length === 0) return null;
  const certificateCount = visible.length + hidden;
  const outside = `（其中 ${hidden} 本不在您的管辖范围内）`;
  switch (rule) {
    case 'frequent_holder':
      return (
        frequentHolderSummary(visible[0], {
          count: Number(figures.count ?? certificateCount),
          days: Number(figures.days ?? 0),
          threshold: Number(figures.threshold ?? 0),
        }) + outside
      );
    case 'duplicate_award':
      return duplicateAwardSummary(visible[0], Number(figures.count ?? certificateCount)) + outside;
    case 'similar_number':
      return (
        `证书编号 ${visible.map((c) => c.certificateNumber).join('、')} 与另外 ${hidden} 本证书的编号规范化后相同` +
        `（${String(figures.numberKey ?? '')}，那些证书不在您的管辖范围内）`
      );
    default:
      return null;
  }
}
