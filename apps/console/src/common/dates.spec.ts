import { beijingToday, formatBeijingDateTime, formatCalendarDay, isFuture } from './dates';

describe('console dates (stored in UTC, shown in Beijing time)', () => {
  it('shows a UTC instant in Beijing time, across midnight', () => {
    expect(formatBeijingDateTime('2026-11-23T16:30:05.000Z')).toBe('2026-11-24 00:30:05');
    expect(formatBeijingDateTime('2026-01-01T00:00:00Z')).toBe('2026-01-01 08:00:00');
  });

  it('shows nothing for a missing instant and the raw text for a malformed one', () => {
    expect(formatBeijingDateTime(null)).toBe('');
    expect(formatBeijingDateTime('not a date')).toBe('not a date');
  });

  it('writes a calendar day in Chinese without any time zone shift', () => {
    expect(formatCalendarDay('2021-03-05')).toBe('2021-03-05');
    expect(formatCalendarDay(null)).toBe('');
  });

  it("takes today's Beijing date, which is ahead of UTC in the evening", () => {
    expect(beijingToday(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
    expect(beijingToday(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  it('tells whether a lock is still in force', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(isFuture('2026-11-23T10:30:00Z', now)).toBe(true);
    expect(isFuture('2026-11-23T09:30:00Z', now)).toBe(false);
    expect(isFuture(null, now)).toBe(false);
  });
});
