import { DomainError } from '../errors';
import { isIsoDate, type IsoDate } from '../calendar/iso-date';

// the quality report's period — Beijing calendar days, both inclusive — and its instants.

/** The longest period one report covers (a year and its leap day, with room for a quarter around it). */
export const QUALITY_PERIOD_MAX_DAYS = 800;

export interface QualityPeriod {
  from: IsoDate;
  to: IsoDate;
  /** 00:00 Beijing time on `from`, as a UTC instant. */
  start: Date;
  /** 00:00 Beijing time on the day after `to` (exclusive). */
  end: Date;
}

const DAY_MS = 86_400_000;

/** Checks `from` ≤ `to`, both real days, within the longest period; 400 REPORT_PERIOD_INVALID otherwise. */
export function qualityPeriod(from: unknown, to: unknown): QualityPeriod {
  if (typeof from !== 'string' || typeof to !== 'string' || !isIsoDate(from) || !isIsoDate(to)) {
    throw new DomainError('REPORT_PERIOD_INVALID', '请按 YYYY-MM-DD 填写统计期间的起止日期（北京时间，含首尾两日）');
  }
  if (from > to) throw new DomainError('REPORT_PERIOD_INVALID', '统计期间的开始日期不能晚于结束日期');
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS);
  if ((end.getTime() - start.getTime()) / DAY_MS > QUALITY_PERIOD_MAX_DAYS) {
    throw new DomainError('REPORT_PERIOD_INVALID', `统计期间最长 ${QUALITY_PERIOD_MAX_DAYS} 天，请缩短后再查询`);
  }
  return { from, to, start, end };
}

/** The most frequent reasons first (ties by text), at most `limit`, each with its count: “证件号码错误（3）”. */
export function topReasons(counts: ReadonlyArray<{ reason: string; count: number }>, limit = 5): string[] {
  return [...counts]
    .filter((c) => c.reason.trim() !== '')
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'zh-CN'))
    .slice(0, limit)
    .map((c) => `${c.reason.trim()}（${c.count}）`);
}
