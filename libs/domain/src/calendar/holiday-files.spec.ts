import { getDayDetail, isHoliday, isInLieu, isWorkday } from 'chinese-days';
import holidays2024 from '../../../../config/holidays/2024.json';
import holidays2025 from '../../../../config/holidays/2025.json';
import holidays2026 from '../../../../config/holidays/2026.json';
import { validateHolidayYear } from './holiday-year';
import { toIsoDate, epochDay } from './iso-date';
import { WorkingDayCalendar } from './working-day-calendar';

// R-15 / ARCHITECTURE: config/holidays/<year>.json is the source of truth; the chinese-days package is an
// independent transcription of the same State Council notices, used only to cross-check our files.
// Imported as data (no file IO in libs/domain, even in specs).
const FILES: Record<number, unknown> = { 2024: holidays2024, 2025: holidays2025, 2026: holidays2026 };
const load = (y: number) => structuredClone(FILES[y]);

describe('config/holidays/*.json', () => {
  it.each([
    [2024, '国务院办公厅关于2024年部分节假日安排的通知', '国办发明电〔2023〕7号', 28, 8],
    [2025, '国务院办公厅关于2025年部分节假日安排的通知', '国办发明电〔2024〕12号', 28, 5],
    [2026, '国务院办公厅关于2026年部分节假日安排的通知', '国办发明电〔2025〕7号', 33, 6],
  ])('%i names its notice and validates', (year, notice, noticeNumber, holidays, workdays) => {
    const raw = load(year);
    const y = validateHolidayYear(raw);
    expect(y).toEqual(raw); // already sorted and clean: the file is what the loader keeps
    expect(y).toMatchObject({ year, notice, noticeNumber });
    expect(y.holidays).toHaveLength(holidays);
    expect(y.workdays).toHaveLength(workdays);
  });

  it.each([2024, 2025, 2026])('%i agrees day by day with chinese-days', (year) => {
    const cal = new WorkingDayCalendar([validateHolidayYear(load(year))]);
    const first = epochDay(`${year}-01-01`);
    const last = epochDay(`${year}-12-31`);
    const mismatches: string[] = [];
    for (let e = first; e <= last; e++) {
      const d = toIsoDate(e);
      const ours = cal.dayKind(d);
      const theirs = getDayDetail(d);
      // chinese-days names look like "Spring Festival,春节,4"; ours are the notice's words ("春节", "清明节").
      const theirName = theirs.name.split(',')[1] ?? '';
      const theirKind = isWorkday(d)
        ? ours.weekday >= 6
          ? 'adjusted_workday'
          : 'workday'
        : theirName !== '' && !/^(Saturday|Sunday)$/.test(theirs.name)
          ? 'holiday'
          : 'weekend';
      if (ours.isWorkingDay !== isWorkday(d) || ours.isWorkingDay === isHoliday(d) || ours.kind !== theirKind) {
        mismatches.push(`${d}: ours ${ours.kind}, chinese-days ${theirKind} (${theirs.name})`);
      } else if (ours.name !== null && !ours.name.includes(theirName)) {
        mismatches.push(`${d}: ours ${ours.name}, chinese-days ${theirName}`);
      }
      // A day chinese-days calls 调休 (in lieu) is one of the notice's days off.
      if (isInLieu(d) && ours.kind !== 'holiday') {
        mismatches.push(`${d}: chinese-days in-lieu day is ${ours.kind} here`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
