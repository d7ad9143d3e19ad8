import { addDaysIso } from '../calendar/iso-date';
import { cutoverReminders } from './cutover-reminders';

/** Every day a working day (the calendar's own rules are tested with the calendar). */
const everyDay = { workingDayAfter: (day: string, n: number) => addDaysIso(day, n) };
/** Saturdays and Sundays off. */
const weekdays = {
  workingDayAfter: (day: string, n: number) => {
    let d = day;
    for (let left = n; left > 0;) {
      d = addDaysIso(d, 1);
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) left -= 1;
    }
    return d;
  },
};

describe('R-32, R-35: reminders of the lookup cutovers 30, 7 and 1 days before', () => {
  const dates = { newModeStart: '2027-01-01', oldModeLastDay: '2027-03-31' };

  it.each([
    ['2026-12-01', []],
    ['2026-12-02', [['new_mode_opens', 30, 30]]],
    ['2026-12-24', [['new_mode_opens', 8, 30]]],
    ['2026-12-25', [['new_mode_opens', 7, 7]]],
    ['2026-12-31', [['new_mode_opens', 1, 1]]],
    ['2027-01-01', []],
    ['2027-03-02', [['old_mode_stops', 30, 30]]],
    ['2027-03-31', [['old_mode_stops', 1, 1]]],
    ['2027-04-01', []],
  ])('on %s', (today, expected) => {
    expect(
      cutoverReminders('skill_level', dates, today, everyDay).map((r) => [r.change, r.daysLeft, r.threshold]),
    ).toEqual(expected);
  });

  it('the old mode stops the day after its last day', () => {
    const [reminder] = cutoverReminders('qualification', dates, '2027-03-30', everyDay);
    expect(reminder).toMatchObject({ kind: 'qualification', change: 'old_mode_stops', date: '2027-04-01' });
  });

  it('both changes close together give one reminder each', () => {
    const close = { newModeStart: '2027-01-10', oldModeLastDay: '2027-01-14' };
    expect(cutoverReminders('skill_level', close, '2027-01-08', everyDay).map((r) => [r.change, r.threshold])).toEqual([
      ['new_mode_opens', 7],
      ['old_mode_stops', 7],
    ]);
  });

  it('a change on a Monday gets its 1-day reminder on the Friday before', () => {
    const monday = { newModeStart: '2027-01-11', oldModeLastDay: '2027-03-31' };
    expect(cutoverReminders('skill_level', monday, '2027-01-07', weekdays).map((r) => r.threshold)).toEqual([7]);
    expect(
      cutoverReminders('skill_level', monday, '2027-01-08', weekdays).map((r) => [r.daysLeft, r.threshold]),
    ).toEqual([[3, 1]]);
  });
});
