import { DomainError } from '../errors';
import { CALENDAR_INVALID_DATA, HolidayYear, NamedDay, validateHolidayYear } from './holiday-year';
import {
  EpochDay,
  IsoDate,
  addMonthsToParts,
  daysInMonth,
  epochDay,
  epochDayFromParts,
  isoWeekday,
  partsFromEpochDay,
  toIsoDate,
  weekdayName,
} from './iso-date';
import { PeriodResult, PeriodUnit, SkippedEntry } from './period';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  /** Holiday or adjusted-working-day name from the notice; null for ordinary days. */
  name: string | null;
  isWorkingDay: boolean;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** The day's year has no published notice: weekends only. */
  provisional: boolean;
}

export interface RolledDay {
  date: IsoDate;
  due: IsoDate;
  rolled: boolean;
  skipped: SkippedEntry[];
  provisional: boolean;
  uncoveredYears: number[];
  text: string;
}

export const CALENDAR_INVALID_AMOUNT = 'CALENDAR_INVALID_AMOUNT';

const KIND_WORKDAY = 0;
const KIND_WEEKEND = 1;
const KIND_HOLIDAY = 2;
const KIND_ADJUSTED = 3;
const KIND_NAMES: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'adjusted_workday'];

/** Years indexed on each side of the published ones; beyond, weekends-only arithmetic is closed-form. */
const INDEX_MARGIN_YEARS = 2;
/** Holidays listed one by one in `skipped` before the rest are summarised. */
const MAX_LISTED_HOLIDAYS = 60;

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Weekdays (Mon–Fri) counted cumulatively from Monday 1969-12-29; differences give counts over any range. */
function weekdayCum(e: EpochDay): number {
  const x = e + 4; // days since 1969-12-29 (a Monday), plus one so the day itself is included
  const weeks = floorDiv(x, 7);
  return weeks * 5 + Math.min(x - weeks * 7, 5);
}

/** The k-th (k ≥ 1) Monday–Friday strictly after p. Each 7 consecutive days hold exactly 5 weekdays. */
function nthWeekdayAfter(p: EpochDay, k: number): EpochDay {
  let e = p + 7 * floorDiv(k - 1, 5);
  let left = ((k - 1) % 5) + 1;
  while (left > 0) {
    e++;
    if (isoWeekday(e) < 6) {
      left--;
    }
  }
  return e;
}

function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function checkAmount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > 1_000_000) {
    throw new DomainError(CALENDAR_INVALID_AMOUNT, `期间数量必须是 0 至 1000000 之间的整数：${String(n)}`, {
      value: n,
    });
  }
}

/** Options of the explained period methods. */
export interface PeriodOptions {
  /** What the start day is, for the explanation: '发证日期' → "自发证日期 2026-02-10 起算". */
  startLabel?: string;
}

function startPhrase(d: IsoDate, options: PeriodOptions): string {
  return options.startLabel ? `${options.startLabel} ${d} ` : ` ${d} `;
}

/**
 * R-15: the official working-day calendar. Weekends are rest days except the adjusted working days (调休上班);
 * the State Council notices add the holidays. Built from `HolidayYear`s (config/holidays/*.json or the
 * database table national_admin maintains). Years without a notice are computed on weekends only and every
 * result touching them is `provisional`.
 *
 * A per-day cumulative working-day count over the published years ± 2 makes addWorkingDays and
 * workingDaysBetween O(1); outside that range the weekends-only count is closed-form.
 */
export class WorkingDayCalendar {
  private readonly years = new Map<number, HolidayYear>();
  private readonly lo: EpochDay;
  private readonly hi: EpochDay;
  private readonly kinds: Uint8Array;
  /** cum[i] = W(lo + i), W = cumulative working-day count (see cumAt). */
  private readonly cum: Int32Array;
  /** workdayAt[k] = epoch day of the (k+1)-th working day in [lo, hi]. */
  private readonly workdayAt: Int32Array;
  private readonly base: number;
  private readonly names = new Map<EpochDay, string>();
  private readonly holidayDays: Int32Array;
  /** Parallel to holidayDays: shared frozen `skipped` entries (results are built from these, not copied). */
  private readonly holidayEntries: readonly SkippedEntry[];
  /** Parallel to holidayDays: index of the first day of the holiday's run (consecutive days, same name). */
  private readonly holidayRunStart: Int32Array;
  /** [first, last] epoch days of the covered (published) years, for a fast provisional check. */
  private readonly coveredSpans: Array<[EpochDay, EpochDay]> = [];
  private readonly adjustedDays: Int32Array;
  /** 'YYYY-MM-DD' of every indexed day: formatting dominates otherwise. */
  private readonly isoCache: string[];

  constructor(holidayYears: readonly HolidayYear[]) {
    for (const raw of holidayYears) {
      const y = validateHolidayYear(raw);
      if (this.years.has(y.year)) {
        throw new DomainError(CALENDAR_INVALID_DATA, `${y.year} 年的节假日安排重复`, { year: y.year });
      }
      this.years.set(y.year, y);
    }
    const published = [...this.years.keys()].sort((a, b) => a - b);
    if (published.length === 0) {
      this.lo = 0;
      this.hi = 0;
    } else {
      this.lo = epochDayFromParts(published[0] - INDEX_MARGIN_YEARS, 1, 1);
      this.hi = epochDayFromParts(published[published.length - 1] + INDEX_MARGIN_YEARS, 12, 31);
    }
    const size = this.hi - this.lo + 1;
    this.kinds = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      this.kinds[i] = isoWeekday(this.lo + i) >= 6 ? KIND_WEEKEND : KIND_WORKDAY;
    }
    const holidays: number[] = [];
    const adjusted: number[] = [];
    for (const y of this.years.values()) {
      for (const h of y.holidays) {
        const e = epochDay(h.date);
        this.kinds[e - this.lo] = KIND_HOLIDAY;
        this.names.set(e, h.name);
        holidays.push(e);
      }
      for (const w of y.workdays) {
        const e = epochDay(w.date);
        this.kinds[e - this.lo] = KIND_ADJUSTED;
        this.names.set(e, w.name);
        adjusted.push(e);
      }
    }
    this.holidayDays = Int32Array.from(holidays.sort((a, b) => a - b));
    this.holidayEntries = Array.from(this.holidayDays, (e) =>
      Object.freeze({ kind: 'holiday' as const, date: toIsoDate(e), reason: this.names.get(e) ?? '法定节假日' }),
    );
    this.holidayRunStart = new Int32Array(this.holidayDays.length);
    for (let i = 1; i < this.holidayDays.length; i++) {
      const sameRun =
        this.holidayDays[i] === this.holidayDays[i - 1] + 1 &&
        this.names.get(this.holidayDays[i]) === this.names.get(this.holidayDays[i - 1]);
      this.holidayRunStart[i] = sameRun ? this.holidayRunStart[i - 1] : i;
    }
    for (const y of published) {
      const span: [EpochDay, EpochDay] = [epochDayFromParts(y, 1, 1), epochDayFromParts(y, 12, 31)];
      const prev = this.coveredSpans[this.coveredSpans.length - 1];
      if (prev !== undefined && prev[1] + 1 === span[0]) {
        prev[1] = span[1];
      } else {
        this.coveredSpans.push(span);
      }
    }
    this.adjustedDays = Int32Array.from(adjusted.sort((a, b) => a - b));

    this.base = weekdayCum(this.lo - 1);
    this.cum = new Int32Array(size);
    const workdayAt: number[] = [];
    let w = this.base;
    for (let i = 0; i < size; i++) {
      const k = this.kinds[i];
      if (k === KIND_WORKDAY || k === KIND_ADJUSTED) {
        w++;
        workdayAt.push(this.lo + i);
      }
      this.cum[i] = w;
    }
    this.workdayAt = Int32Array.from(workdayAt);
    this.isoCache = new Array<string>(size);
    for (let i = 0; i < size; i++) {
      this.isoCache[i] = toIsoDate(this.lo + i);
    }
  }

  private iso(e: EpochDay): IsoDate {
    return e >= this.lo && e <= this.hi ? this.isoCache[e - this.lo] : toIsoDate(e);
  }

  private withWeekday(e: EpochDay): string {
    return `${this.iso(e)}（${weekdayName(e)}）`;
  }

  /** The published years, ascending. */
  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  isCovered(year: number): boolean {
    return this.years.has(year);
  }

  holidayYear(year: number): HolidayYear | undefined {
    return this.years.get(year);
  }

  // ---- epoch-day core (no string work; used by the IsoDate API and by hot loops) ----

  /** W(e): working days in (−∞, e] relative to a fixed origin; W(b) − W(a) counts working days in (a, b]. */
  cumAt(e: EpochDay): number {
    if (e < this.lo) {
      return weekdayCum(e);
    }
    if (e <= this.hi) {
      return this.cum[e - this.lo];
    }
    return this.cum[this.hi - this.lo] + weekdayCum(e) - weekdayCum(this.hi);
  }

  isWorkingEpoch(e: EpochDay): boolean {
    if (e >= this.lo && e <= this.hi) {
      const k = this.kinds[e - this.lo];
      return k === KIND_WORKDAY || k === KIND_ADJUSTED;
    }
    return isoWeekday(e) < 6;
  }

  /** Smallest e > from with W(e) ≥ target (target > W(from)); always a working day. */
  private firstReaching(from: EpochDay, target: number): EpochDay {
    if (target <= this.base) {
      return nthWeekdayAfter(from, target - weekdayCum(from));
    }
    const top = this.cum[this.hi - this.lo];
    if (target <= top) {
      return this.workdayAt[target - this.base - 1];
    }
    const p = from > this.hi ? from : this.hi;
    return nthWeekdayAfter(p, target - this.cumAt(p));
  }

  /** R-15: the n-th working day after e (the start day is not counted); n = 0 gives e. */
  addWorkingDaysEpoch(e: EpochDay, n: number): EpochDay {
    return n === 0 ? e : this.firstReaching(e, this.cumAt(e) + n);
  }

  nextWorkingDayOnOrAfterEpoch(e: EpochDay): EpochDay {
    return this.firstReaching(e - 1, this.cumAt(e - 1) + 1);
  }

  // ---- IsoDate API ----

  isWorkingDay(d: IsoDate): boolean {
    return this.isWorkingEpoch(epochDay(d));
  }

  dayKind(d: IsoDate): DayInfo {
    return this.dayInfoEpoch(epochDay(d));
  }

  /** Every day of a month (month 1–12), for the console's month grid. */
  monthDays(year: number, month: number): DayInfo[] {
    const first = epochDayFromParts(year, month, 1);
    const out: DayInfo[] = [];
    for (let i = 0; i < daysInMonth(year, month); i++) {
      out.push(this.dayInfoEpoch(first + i));
    }
    return out;
  }

  private kindAt(e: EpochDay): number {
    if (e >= this.lo && e <= this.hi) {
      return this.kinds[e - this.lo];
    }
    return isoWeekday(e) >= 6 ? KIND_WEEKEND : KIND_WORKDAY;
  }

  private dayInfoEpoch(e: EpochDay): DayInfo {
    const k = this.kindAt(e);
    return {
      date: this.iso(e),
      kind: KIND_NAMES[k],
      name: this.names.get(e) ?? null,
      isWorkingDay: k === KIND_WORKDAY || k === KIND_ADJUSTED,
      weekday: isoWeekday(e),
      provisional: !this.years.has(partsFromEpochDay(e).year),
    };
  }

  nextWorkingDayOnOrAfter(d: IsoDate): IsoDate {
    return this.iso(this.nextWorkingDayOnOrAfterEpoch(epochDay(d)));
  }

  /** Signed: working days in (a, b] when a ≤ b, minus those in (b, a] otherwise ("剩余/已逾期 N 个工作日"). */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.cumAt(epochDay(b)) - this.cumAt(epochDay(a));
  }

  /** The due date only, for hot loops; addWorkingDays gives the explained result. */
  workingDayAfter(d: IsoDate, n: number): IsoDate {
    checkAmount(n);
    return this.iso(this.addWorkingDaysEpoch(epochDay(d), n));
  }

  /** R-15: N working days count only working days after the start; n = 0 gives the start itself. */
  addWorkingDays(d: IsoDate, n: number, options: PeriodOptions = {}): PeriodResult {
    checkAmount(n);
    const s = epochDay(d);
    const due = this.addWorkingDaysEpoch(s, n);
    const rest = this.restDaysIn(s + 1, due);
    const adjusted = this.adjustedIn(s + 1, due);
    let text = `自${startPhrase(d, options)}起算（起算日不计入），按 ${n} 个工作日计算`;
    if (rest.entries.length > 0) {
      text += `；期间跳过 ${rest.text}`;
    }
    if (adjusted.days.length > 0) {
      text += `；调休上班日 ${adjusted.text}计入工作日`;
    }
    text += `；截止 ${this.withWeekday(due)}。`;
    return this.result(s, due, due, 'working_days', n, rest.entries, adjusted.days, text);
  }

  /** R-15: N days end on start + N (民法典第二百零一条), rolled past rest days (第二百零三条). */
  addCalendarDays(d: IsoDate, n: number, options: PeriodOptions = {}): PeriodResult {
    checkAmount(n);
    const s = epochDay(d);
    const last = s + n;
    const intro = `自${startPhrase(d, options)}起算（起算日不计入），按 ${n} 日计算，期间最后一日为 ${this.withWeekday(last)}`;
    return this.rollForward(s, last, 'days', n, intro);
  }

  /**
   * R-15: N months end on the corresponding day of the month N months later, or that month's last day when there
   * is none (民法典第二百零二条), rolled past rest days (第二百零三条).
   */
  addMonths(d: IsoDate, n: number, options: PeriodOptions = {}): PeriodResult {
    checkAmount(n);
    const s = epochDay(d);
    const start = partsFromEpochDay(s);
    const end = addMonthsToParts(start, n);
    const last = epochDayFromParts(end.year, end.month, end.day);
    let intro = `自${startPhrase(d, options)}起算（起算日不计入），按 ${n} 个月计算，`;
    if (end.day === start.day) {
      intro += `期间最后一日为到期月的对应日 ${this.withWeekday(last)}`;
    } else {
      intro += `到期月 ${end.year} 年 ${end.month} 月没有 ${start.day} 日，以该月最后一日 ${this.withWeekday(last)}为期间最后一日`;
    }
    return this.rollForward(s, last, 'months', n, intro);
  }

  private rollForward(s: EpochDay, last: EpochDay, unit: PeriodUnit, n: number, intro: string): PeriodResult {
    const due = this.nextWorkingDayOnOrAfterEpoch(last);
    let text = intro;
    let skipped: SkippedEntry[] = [];
    if (due !== last) {
      const lastIso = this.iso(last);
      const reason = `期间最后一日 ${lastIso} 为${this.restReason(last)}，顺延至下一个工作日 ${this.iso(due)}（民法典第二百零三条）`;
      const rest = this.restDaysIn(last, due - 1);
      skipped = [{ kind: 'roll_forward', date: lastIso, reason }, ...rest.entries];
      text += `；该日为${this.restReason(last)}，顺延（跳过 ${rest.text}）至下一个工作日`;
    } else if (this.kindAt(last) === KIND_ADJUSTED) {
      text += `（调休上班日，无需顺延）`;
    }
    text += `；截止 ${this.withWeekday(due)}。`;
    return this.result(s, due, last, unit, n, skipped, [], text);
  }

  /**
   * A fixed day (R-18 upload day, a scheduled date) that is a rest day moves to the next working day (R-15).
   * `text` says why in Chinese ('' when the day is already a working day).
   */
  rollToWorkingDay(d: IsoDate): RolledDay {
    const e = epochDay(d);
    const due = this.nextWorkingDayOnOrAfterEpoch(e);
    const uncoveredYears = this.uncoveredYearsIn(e, due);
    if (due === e) {
      const adjusted = this.kindAt(e) === KIND_ADJUSTED;
      return {
        date: d,
        due: d,
        rolled: false,
        skipped: [],
        provisional: uncoveredYears.length > 0,
        uncoveredYears,
        text: adjusted ? `${this.withWeekday(e)}为调休上班日，无需顺延` : '',
      };
    }
    const dueIso = this.iso(due);
    const reason = `${d} 为${this.restReason(e)}，顺延至下一个工作日 ${dueIso}`;
    const rest = this.restDaysIn(e, due - 1);
    return {
      date: d,
      due: dueIso,
      rolled: true,
      skipped: [{ kind: 'roll_forward', date: d, reason }, ...rest.entries],
      provisional: uncoveredYears.length > 0,
      uncoveredYears,
      text: `${d} 为${this.restReason(e)}，顺延（跳过 ${rest.text}）至下一个工作日 ${this.withWeekday(due)}`,
    };
  }

  private restReason(e: EpochDay): string {
    const k = this.kindAt(e);
    if (k === KIND_HOLIDAY) {
      return `${this.names.get(e) ?? '法定节假日'}假期`;
    }
    return `${weekdayName(e)}休息日`;
  }

  private result(
    s: EpochDay,
    due: EpochDay,
    last: EpochDay,
    unit: PeriodUnit,
    amount: number,
    skipped: SkippedEntry[],
    adjustedWorkdays: NamedDay[],
    text: string,
  ): PeriodResult {
    // Working days depend on every counted day; days and months only on the last day and its roll-forward.
    const uncoveredYears = this.uncoveredYearsIn(unit === 'working_days' ? s + 1 : last, due);
    const provisional = uncoveredYears.length > 0;
    let explanation = text;
    if (provisional) {
      explanation += `注意：${uncoveredYears.join('、')} 年节假日安排尚未发布，该年度仅按周末休息计算，结果为暂定。`;
    }
    return {
      start: this.iso(s),
      due: this.iso(due),
      unit,
      amount,
      provisional,
      uncoveredYears,
      lastCountedDay: this.iso(last),
      skipped,
      adjustedWorkdays,
      explanation,
    };
  }

  /** Years of [from, to] that have no published notice. */
  uncoveredYearsIn(from: EpochDay, to: EpochDay): number[] {
    for (const [a, b] of this.coveredSpans) {
      if (from >= a && to <= b) {
        return [];
      }
    }
    const first = partsFromEpochDay(Math.min(from, to)).year;
    const lastYear = partsFromEpochDay(Math.max(from, to)).year;
    const out: number[] = [];
    for (let y = first; y <= lastYear; y++) {
      if (!this.years.has(y)) {
        out.push(y);
      }
    }
    return out;
  }

  private adjustedIn(from: EpochDay, to: EpochDay): { days: NamedDay[]; text: string } {
    const days: NamedDay[] = [];
    let text = '';
    for (let i = lowerBound(this.adjustedDays, from); i < this.adjustedDays.length; i++) {
      const e = this.adjustedDays[i];
      if (e > to) {
        break;
      }
      days.push({ date: this.iso(e), name: this.names.get(e) ?? '' });
      text += (text === '' ? '' : '、') + this.withWeekday(e);
    }
    return { days, text };
  }

  /**
   * Rest days in [from, to]: holidays one by one, plain weekend days as one counted entry; `text` groups
   * consecutive same-name holidays: "春节 2026-02-15 至 2026-02-23（9 天）、周末休息日 4 天".
   */
  private restDaysIn(from: EpochDay, to: EpochDay): { entries: SkippedEntry[]; text: string } {
    const entries: SkippedEntry[] = [];
    const parts: string[] = [];
    if (to < from) {
      return { entries, text: '' };
    }
    const restTotal = to - from + 1 - (this.cumAt(to) - this.cumAt(from - 1));
    const lo = lowerBound(this.holidayDays, from);
    let hi = lo;
    while (hi < this.holidayDays.length && this.holidayDays[hi] <= to) {
      hi++;
    }
    const holidays = hi - lo;
    const listedEnd = Math.min(hi, lo + MAX_LISTED_HOLIDAYS);
    for (let i = lo; i < listedEnd; i++) {
      entries.push(this.holidayEntries[i]);
    }
    // Explanation text: one phrase per run of consecutive same-name holidays.
    for (let i = lo; i < listedEnd;) {
      let j = i + 1;
      while (j < listedEnd && this.holidayRunStart[j] === this.holidayRunStart[i]) {
        j++;
      }
      const entry = this.holidayEntries[i];
      const n = j - i;
      parts.push(
        n === 1
          ? `${entry.reason} ${entry.date}`
          : `${entry.reason} ${entry.date} 至 ${this.holidayEntries[j - 1].date}（${n} 天）`,
      );
      i = j;
    }
    if (hi > listedEnd) {
      const more = hi - listedEnd;
      const reason = `另有节假日 ${more} 天`;
      entries.push({
        kind: 'holidays_more',
        date: this.iso(this.holidayDays[listedEnd]),
        lastDate: this.iso(this.holidayDays[hi - 1]),
        count: more,
        reason,
      });
      parts.push(reason);
    }
    const weekends = restTotal - holidays;
    if (weekends > 0) {
      let first = from;
      while (this.kindAt(first) !== KIND_WEEKEND) {
        first++;
      }
      let last = to;
      while (this.kindAt(last) !== KIND_WEEKEND) {
        last--;
      }
      const reason = `周末休息日 ${weekends} 天`;
      entries.push({ kind: 'weekend', date: this.iso(first), lastDate: this.iso(last), count: weekends, reason });
      parts.push(reason);
    }
    return { entries, text: parts.join('、') };
  }
}
