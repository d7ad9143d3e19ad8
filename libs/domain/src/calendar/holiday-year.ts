import { DomainError } from '../errors';
import { IsoDate, isoWeekday, tryEpochDay } from './iso-date';

/** One named day of a State Council holiday notice. */
export interface NamedDay {
  date: IsoDate;
  name: string;
}

/**
 * One year of the official calendar (R-15, SPEC Appendix A): the holidays of the State Council's notice
 * (国务院办公厅关于YYYY年部分节假日安排的通知), every day listed individually, and the adjusted working days
 * (调休上班) that fall on a weekend.
 */
export interface HolidayYear {
  year: number;
  notice: string;
  noticeNumber?: string;
  publishedOn?: IsoDate;
  holidays: NamedDay[];
  workdays: NamedDay[];
}

export const CALENDAR_INVALID_DATA = 'CALENDAR_INVALID_DATA';

function fail(message: string, details?: unknown): never {
  throw new DomainError(CALENDAR_INVALID_DATA, message, details);
}

function namedDays(value: unknown, year: number, field: 'holidays' | 'workdays'): NamedDay[] {
  const label = field === 'holidays' ? '节假日' : '调休上班日';
  if (!Array.isArray(value)) {
    fail(`${year} 年日历的 ${field}（${label}）必须是数组`);
  }
  return value.map((item: unknown, i) => {
    const entry = item as Partial<NamedDay> | null;
    const date = entry?.date;
    const name = entry?.name;
    const epoch = tryEpochDay(date);
    if (Number.isNaN(epoch)) {
      fail(`${year} 年日历第 ${i + 1} 个${label}的日期无效：${String(date)}`, { field, index: i });
    }
    if (!(date as string).startsWith(`${year}-`)) {
      fail(`${label} ${date as string} 不属于 ${year} 年`, { field, index: i });
    }
    if (typeof name !== 'string' || name.trim() === '') {
      fail(`${label} ${date as string} 缺少名称`, { field, index: i });
    }
    // 调休上班 only ever turns a weekend day into a working day.
    if (field === 'workdays' && isoWeekday(epoch) < 6) {
      fail(`调休上班日 ${date as string} 不是周末，无需调休`, { field, index: i });
    }
    return { date: date as string, name: name.trim() };
  });
}

/** Validates untrusted data (a JSON file, a database row, a console edit) into a HolidayYear. */
export function validateHolidayYear(value: unknown): HolidayYear {
  const v = value as Partial<HolidayYear> | null;
  if (v === null || typeof v !== 'object') {
    fail('节假日数据必须是对象');
  }
  const year = v.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1949 || year > 9998) {
    fail(`节假日数据的年份无效：${String(year)}`);
  }
  if (typeof v.notice !== 'string' || v.notice.trim() === '') {
    fail(`${year} 年日历缺少通知名称（notice）`);
  }
  if (v.publishedOn !== undefined && Number.isNaN(tryEpochDay(v.publishedOn))) {
    fail(`${year} 年日历的发布日期无效：${String(v.publishedOn)}`);
  }
  if (v.noticeNumber !== undefined && typeof v.noticeNumber !== 'string') {
    fail(`${year} 年日历的文号无效`);
  }
  const holidays = namedDays(v.holidays, year, 'holidays');
  const workdays = namedDays(v.workdays, year, 'workdays');
  const seen = new Set<string>();
  for (const d of [...holidays, ...workdays]) {
    if (seen.has(d.date)) {
      fail(`${year} 年日历中 ${d.date} 出现多次（同一天不能既是节假日又是调休上班日）`, { date: d.date });
    }
    seen.add(d.date);
  }
  const byDate = (a: NamedDay, b: NamedDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const result: HolidayYear = {
    year,
    notice: v.notice.trim(),
    holidays: holidays.sort(byDate),
    workdays: workdays.sort(byDate),
  };
  if (v.noticeNumber !== undefined) {
    result.noticeNumber = v.noticeNumber;
  }
  if (v.publishedOn !== undefined) {
    result.publishedOn = v.publishedOn;
  }
  return result;
}
