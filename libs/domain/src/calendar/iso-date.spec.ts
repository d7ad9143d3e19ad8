import fc from 'fast-check';
import {
  addDaysIso,
  addMonthsToParts,
  compareIso,
  epochDay,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  toIsoDate,
} from './iso-date';

describe('IsoDate', () => {
  it.each([
    ['1970-01-01', 0],
    ['2000-03-01', 11017],
    ['2026-02-14', 20498],
    ['1969-12-31', -1],
  ])('epochDay(%s) = %i', (d, e) => {
    expect(epochDay(d)).toBe(e);
    expect(toIsoDate(e)).toBe(d);
  });

  it.each([
    '2026-02-30',
    '2026-2-1',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-01-32',
    '2026-02-01T00:00',
    ' 2026-02-01',
    '２０２６-02-01',
    '',
    '0000-01-01',
  ])('refuses %j with a Chinese message and a stable code', (bad) => {
    expect(isIsoDate(bad)).toBe(false);
    expect(() => parseIsoDate(bad)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }));
    expect(() => epochDay(bad)).toThrow(/日期格式无效/);
  });

  it('accepts leap days only in leap years', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDaysIso('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
    expect(compareIso('2025-12-31', '2026-01-01')).toBeLessThan(0);
    expect(compareIso('2026-01-01', '2026-01-01')).toBe(0);
  });

  it('knows the weekday (2026-02-14 is a Saturday, 2026-01-04 a Sunday)', () => {
    expect(isoWeekday(epochDay('2026-02-14'))).toBe(6);
    expect(isoWeekday(epochDay('2026-01-04'))).toBe(7);
    expect(isoWeekday(epochDay('2025-10-01'))).toBe(3);
  });

  it('month arithmetic keeps the day or falls to the month end', () => {
    expect(addMonthsToParts({ year: 2025, month: 8, day: 31 }, 6)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonthsToParts({ year: 2027, month: 8, day: 31 }, 6)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonthsToParts({ year: 2026, month: 1, day: 15 }, -1)).toEqual({ year: 2025, month: 12, day: 15 });
  });

  it('round-trips every day against the JavaScript Date in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_900_000 }), (e) => {
        const iso = new Date(e * 86_400_000).toISOString().slice(0, 10);
        expect(toIsoDate(e)).toBe(iso);
        expect(epochDay(iso)).toBe(e);
      }),
    );
  });
});
