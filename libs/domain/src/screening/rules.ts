import { addDaysIso, epochDay, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { validateResidentId } from '../identifiers/resident-id';

/** the screening rules, each with a stable code (stored on flags) and its Chinese label. */
export const SCREENING_RULES = {
  invalid_identity: '证件号码无效或出生日期不合理',
  under_age: '发证时持证人未满16周岁',
  outside_scope: '超出机构备案的认定职业（工种）或等级范围',
  institution_inactive: '机构非正常状态期间发证',
  before_registration: '发证日期早于机构备案日期',
  frequent_holder: '同一证件号码短期内多次取证',
  duplicate_award: '同一人同职业同等级同类别重复发证',
  similar_number: '证书编号近似重复',
  volume_spike: '机构月发证量异常',
} as const;

export type ScreeningRule = keyof typeof SCREENING_RULES;
export const SCREENING_RULE_CODES = Object.keys(SCREENING_RULES) as ScreeningRule[];

/** the thresholds, read from config (`screening` in config/default.yaml). */
export interface ScreeningThresholds {
  /** `frequent_holder`: N certificates … */
  frequentCount: number;
  /** … within D days (both issue dates counted: a window of D calendar days). */
  frequentDays: number;
  /** `volume_spike`: a month above K × the trailing median. */
  volumeFactor: number;
  /** Months of the trailing median. */
  volumeTrailingMonths: number;
  /** `under_age`: the minimum age at issue. */
  minimumAge: number;
}

export const DEFAULT_SCREENING_THRESHOLDS: ScreeningThresholds = {
  frequentCount: 3,
  frequentDays: 30,
  volumeFactor: 5,
  volumeTrailingMonths: 6,
  minimumAge: 16,
};

/** Birth dates before this are taken as typing errors (nobody certified today was born in the 1800s). */
const EARLIEST_BIRTH: IsoDate = '1900-01-01';

/**
 * `invalid_identity`: a resident ID number (type 1) that fails GB 11643-1999 or disagrees with the recorded birth
 * date, or a birth date that is no real date, lies before 1900 or after the issue date. Other document types have
 * no birth date inside, so only the date is judged. Answers the Chinese reason, or null when nothing is wrong.
 */
export function invalidIdentity(record: {
  idType: number;
  idNumber: string;
  birthDate: IsoDate;
  issueDate: IsoDate;
}): string | null {
  if (!isIsoDate(record.birthDate)) return '出生日期不是有效日期';
  if (record.birthDate < EARLIEST_BIRTH) return `出生日期早于${EARLIEST_BIRTH}`;
  if (record.birthDate > record.issueDate) return '出生日期晚于发证日期';
  if (record.idType !== 1) return null;
  const id = validateResidentId(record.idNumber, { allowLegacy15: true });
  if (!id.ok) return id.reason;
  if (id.birthDate !== record.birthDate) {
    return `出生日期（${record.birthDate}）与身份证号码中的（${id.birthDate}）不一致`;
  }
  return null;
}

/**
 * `under_age`: the holder was younger than `minimumAge` on the issue date. The birthday counts as reached on its
 * date (16th birthday on the issue date → 16); someone born on 29 February reaches it on 1 March in common years.
 */
export function underAge(birthDate: IsoDate, issueDate: IsoDate, minimumAge: number): boolean {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const month = `${String(by + minimumAge).padStart(4, '0')}-${String(bm).padStart(2, '0')}`;
  const target = `${month}-${String(bd).padStart(2, '0')}`;
  // 29 February in a common year: the day after 28 February.
  const birthday = isIsoDate(target) ? target : addDaysIso(`${month}-28`, 1);
  return issueDate < birthday;
}

/** One registered scope entry (libs/contracts ScopeEntry). */
export interface ScopeWindow {
  occupationCode: string;
  levels: number[];
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/**
 * `outside_scope`: the occupation (and level, when the certificate has one) is in no scope entry valid on the
 * issue date. An institution with no registered scope at all is not judged (the scope was never recorded).
 */
export function outsideScope(
  scope: readonly ScopeWindow[] | null,
  certificate: { occupationCode: string; level: number | null; issueDate: IsoDate },
): boolean {
  if (!scope || scope.length === 0) return false;
  return !scope.some(
    (e) =>
      e.occupationCode === certificate.occupationCode &&
      (certificate.level === null || e.levels.includes(certificate.level)) &&
      e.validFrom <= certificate.issueDate &&
      (e.validTo === null || certificate.issueDate <= e.validTo),
  );
}

/** One row of an institution's dated status history. */
export interface StatusPeriodStart {
  status: string;
  effectiveFrom: IsoDate;
}

/** The status in force on `date`: the latest entry effective on or before it; null before the first. */
export function statusOn(history: readonly StatusPeriodStart[], date: IsoDate): string | null {
  let found: StatusPeriodStart | null = null;
  for (const h of history) {
    if (h.effectiveFrom <= date && (found === null || h.effectiveFrom >= found.effectiveFrom)) found = h;
  }
  return found?.status ?? null;
}

/** `institution_inactive`: on the issue date the institution's status was recorded and was not `active`. */
export function issuedWhileInactive(history: readonly StatusPeriodStart[], issueDate: IsoDate): string | null {
  const status = statusOn(history, issueDate);
  return status !== null && status !== 'active' ? status : null;
}

/** `before_registration`: issued before the institution's registration (备案) date. */
export function issuedBeforeRegistration(registeredAt: IsoDate | null, issueDate: IsoDate): boolean {
  return registeredAt !== null && issueDate < registeredAt;
}

/**
 * `frequent_holder`: of one holder's certificates, those lying in some window of `days` calendar days that holds
 * at least `count` of them (issue dates `days − 1` apart still share a window). Empty when none.
 */
export function frequentAwards<T extends { id: number; issueDate: IsoDate }>(
  certificates: readonly T[],
  count: number,
  days: number,
): T[] {
  const sorted = [...certificates].sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.id - b.id);
  const hit = new Set<number>();
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (epochDay(sorted[end].issueDate) - epochDay(sorted[start].issueDate) >= days) start++;
    if (end - start + 1 >= count) for (let i = start; i <= end; i++) hit.add(i);
  }
  return sorted.filter((_, i) => hit.has(i));
}

/** The key two certificates of the same person, occupation, level and kind share (`duplicate_award`). */
export function awardKey(c: { idNumberHash: string; occupationCode: string; level: number | null; kind: string }) {
  return `${c.idNumberHash}|${c.occupationCode}|${c.level ?? ''}|${c.kind}`;
}

/**
 * `similar_number`: the form two certificate numbers share when they differ only in full-width characters, case
 * or spaces (Unicode NFKC folds full-width forms; every kind of white space is dropped).
 */
export function certificateNumberKey(number: string): string {
  return number.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

/** Groups of at least two items sharing a key. */
export function groupsOfTwoOrMore<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()].filter((g) => g.length >= 2);
}

/** Median of a non-empty list (mean of the middle two for an even length). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `YYYY-MM` of the month `n` months after `month`. */
export function addMonthsYm(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface VolumeSpike {
  month: string;
  count: number;
  trailingMedian: number;
  factor: number;
}

/**
 * `volume_spike`: the months whose certificate count is above `factor` × the median of the `months` months
 * before it. Months without certificates count 0, but only from the institution's first month on: a month needs
 * a full trailing window after that first month, and a trailing median of 0 proves nothing.
 */
export function volumeSpikes(monthly: ReadonlyMap<string, number>, factor: number, months: number): VolumeSpike[] {
  const keys = [...monthly.keys()].sort();
  if (keys.length === 0) return [];
  const first = keys[0];
  const spikes: VolumeSpike[] = [];
  for (const month of keys) {
    if (addMonthsYm(first, months) > month) continue;
    const trailing = Array.from({ length: months }, (_, i) => monthly.get(addMonthsYm(month, -(i + 1))) ?? 0);
    const trailingMedian = median(trailing);
    const count = monthly.get(month) ?? 0;
    if (trailingMedian > 0 && count > factor * trailingMedian) spikes.push({ month, count, trailingMedian, factor });
  }
  return spikes;
}
