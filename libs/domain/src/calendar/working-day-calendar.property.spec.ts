import fc from 'fast-check';
import holidays2025 from '../../../../config/holidays/2025.json';
import holidays2026 from '../../../../config/holidays/2026.json';
import { HolidayYear, validateHolidayYear } from './holiday-year';
import { epochDay, toIsoDate } from './iso-date';
import { WorkingDayCalendar } from './working-day-calendar';

function officialYears(): HolidayYear[] {
  return [holidays2025, holidays2026].map((y) => validateHolidayYear(structuredClone(y)));
}

const years = officialYears();
const cal = new WorkingDayCalendar(years);

// An independent reference: plain sets and the JavaScript Date, one day at a time.
const holidays = new Set(years.flatMap((y) => y.holidays.map((h) => h.date)));
const adjusted = new Set(years.flatMap((y) => y.workdays.map((w) => w.date)));
function refIsWorking(iso: string): boolean {
  if (holidays.has(iso)) {
    return false;
  }
  if (adjusted.has(iso)) {
    return true;
  }
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}
function refNext(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
function refAddWorkingDays(iso: string, n: number, isWorking = refIsWorking): string {
  let d = iso;
  let left = n;
  while (left > 0) {
    d = refNext(d);
    if (isWorking(d)) {
      left--;
    }
  }
  return d;
}

// 2019–2032: before, inside and after the indexed range (published years ± 2).
const anyDate = fc.integer({ min: epochDay('2019-01-01'), max: epochDay('2032-12-31') }).map(toIsoDate);
const amount = fc.integer({ min: 0, max: 400 });

describe('WorkingDayCalendar properties (fast-check)', () => {
  it('agrees with a day-by-day reference loop', () => {
    fc.assert(
      fc.property(anyDate, amount, (d, n) => {
        expect(cal.addWorkingDays(d, n).due).toBe(refAddWorkingDays(d, n));
      }),
      { numRuns: 1000 },
    );
  });

  it('never lands on a rest day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const due = cal.addWorkingDays(d, n).due;
        expect(refIsWorking(due)).toBe(true);
        expect(cal.isWorkingDay(due)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(anyDate, amount, amount, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(d, lo).due < cal.addWorkingDays(d, hi).due).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays(d, a + b) = addWorkingDays(addWorkingDays(d, a), b)', () => {
    fc.assert(
      fc.property(anyDate, amount, amount, (d, a, b) => {
        const once = cal.addWorkingDays(d, a + b).due;
        const twice = cal.addWorkingDays(cal.addWorkingDays(d, a).due, b).due;
        expect(twice).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n, and is antisymmetric', () => {
    fc.assert(
      fc.property(anyDate, amount, anyDate, (d, n, other) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n).due)).toBe(n);
        expect(cal.workingDaysBetween(other, d) + cal.workingDaysBetween(d, other)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('skipped rest days + working days account for every day of the period', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 120 }), (d, n) => {
        const r = cal.addWorkingDays(d, n);
        let rest = 0;
        for (const s of r.skipped) {
          rest += s.kind === 'holiday' ? 1 : s.kind === 'roll_forward' ? 0 : s.count;
        }
        expect(epochDay(r.due) - epochDay(d)).toBe(n + rest);
      }),
      { numRuns: 1000 },
    );
  });

  it('days and months periods end on the first working day on or after their last day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 30 }), (d, days, months) => {
        for (const r of [cal.addCalendarDays(d, days), cal.addMonths(d, months)]) {
          expect(refIsWorking(r.due)).toBe(true);
          let x = r.lastCountedDay;
          while (x < r.due) {
            expect(refIsWorking(x)).toBe(false);
            x = refNext(x);
          }
        }
        expect(cal.addCalendarDays(d, days).lastCountedDay).toBe(toIsoDate(epochDay(d) + days));
      }),
      { numRuns: 1000 },
    );
  });

  it('weekends-only arithmetic holds far outside the indexed range', () => {
    const weekdayOnly = (iso: string) => {
      const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
      return dow !== 0 && dow !== 6;
    };
    const farDate = fc.integer({ min: epochDay('1950-01-01'), max: epochDay('2150-12-31') }).map(toIsoDate);
    fc.assert(
      fc.property(farDate, fc.integer({ min: 0, max: 3000 }), (d, n) => {
        fc.pre(d < '2022-01-01' || d > '2030-01-01');
        const due = cal.addWorkingDays(d, n).due;
        // Far from 2025–2026 the official calendar is weekends only, unless the period reaches into it.
        if (due < '2025-01-01' || d > '2026-12-31') {
          expect(due).toBe(refAddWorkingDays(d, n, weekdayOnly));
        } else {
          expect(due).toBe(refAddWorkingDays(d, n));
        }
      }),
      { numRuns: 200 },
    );
  });
});
