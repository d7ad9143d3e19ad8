import { DomainError } from '../errors';

/** A calendar day as 'YYYY-MM-DD'. No time, no timezone (R-15: deadlines are whole Beijing calendar days). */
export type IsoDate = string;

/** Days since 1970-01-01 (may be negative). All day arithmetic is done on these integers. */
export type EpochDay = number;

export const CALENDAR_INVALID_DATE = 'CALENDAR_INVALID_DATE';

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Proleptic Gregorian (year, month, day) → epoch day (H. Hinnant's days_from_civil). */
export function epochDayFromParts(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Epoch day → (year, month, day) (H. Hinnant's civil_from_days). */
export function partsFromEpochDay(epoch: EpochDay): DateParts {
  const z = epoch + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Strict parse without allocation; returns NaN when `s` is not a real 'YYYY-MM-DD' day. */
export function tryEpochDay(s: unknown): EpochDay {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) {
    return NaN;
  }
  const y0 = digit(s, 0);
  const y1 = digit(s, 1);
  const y2 = digit(s, 2);
  const y3 = digit(s, 3);
  const m0 = digit(s, 5);
  const m1 = digit(s, 6);
  const d0 = digit(s, 8);
  const d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) {
    return NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NaN;
  }
  return epochDayFromParts(year, month, day);
}

/** Epoch day of an IsoDate; throws CALENDAR_INVALID_DATE on anything but a real 'YYYY-MM-DD' day. */
export function epochDay(s: IsoDate): EpochDay {
  const e = tryEpochDay(s);
  if (Number.isNaN(e)) {
    throw new DomainError(CALENDAR_INVALID_DATE, `日期格式无效：${String(s)}（应为 YYYY-MM-DD 格式的真实日期）`, {
      value: s,
    });
  }
  return e;
}

export function isIsoDate(s: unknown): s is IsoDate {
  return !Number.isNaN(tryEpochDay(s));
}

/** Strict: '2026-02-30', '2026-2-1', '2026-02-01T00:00' are refused. */
export function parseIsoDate(s: string): DateParts {
  return partsFromEpochDay(epochDay(s));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Epoch day (or date parts) → 'YYYY-MM-DD'. */
export function toIsoDate(value: EpochDay | DateParts): IsoDate {
  const p = typeof value === 'number' ? partsFromEpochDay(value) : value;
  if (p.year < MIN_YEAR || p.year > MAX_YEAR) {
    throw new DomainError(CALENDAR_INVALID_DATE, `日期超出支持范围：${p.year} 年`);
  }
  const y = p.year < 1000 ? String(p.year).padStart(4, '0') : String(p.year);
  return `${y}-${pad2(p.month)}-${pad2(p.day)}`;
}

export function addDaysIso(d: IsoDate, n: number): IsoDate {
  return toIsoDate(epochDay(d) + n);
}

/** Negative, zero or positive like Array.prototype.sort expects. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return epochDay(a) - epochDay(b);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(epoch: EpochDay): number {
  return ((((epoch + 3) % 7) + 7) % 7) + 1;
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export function weekdayName(epoch: EpochDay): string {
  return WEEKDAY_NAMES[isoWeekday(epoch)];
}

/** Calendar-month arithmetic with the month-end rule (R-15, 民法典第二百零二条): no corresponding day → last day. */
export function addMonthsToParts(p: DateParts, n: number): DateParts {
  const index = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(p.day, daysInMonth(year, month)) };
}
