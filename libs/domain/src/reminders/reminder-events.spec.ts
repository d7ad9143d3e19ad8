import holidays2026 from '../../../../config/holidays/2026.json';
import { validateHolidayYear } from '../calendar/holiday-year';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { escalationTarget, reminderEvent } from './reminder-events';

const cal = new WorkingDayCalendar([validateHolidayYear(structuredClone(holidays2026))]);

describe('R-36 reminder events on working days', () => {
  it.each([
    // An ordinary week: due Thursday 2026-12-10.
    ['2026-12-04', '2026-12-10', null], // Friday: Mon, Tue, Wed, Thu left = 4
    ['2026-12-05', '2026-12-10', null], // Saturday: no reminders on a rest day
    ['2026-12-07', '2026-12-10', 'due_soon'], // Monday: 3 left
    ['2026-12-10', '2026-12-10', 'due_soon'], // the due day itself
    ['2026-12-11', '2026-12-10', 'overdue'], // the first working day after it
    ['2026-12-14', '2026-12-10', 'overdue'], // and later working days (the event key keeps it to one mail)
    // Due Friday 2026-12-11: the weekend after it produces nothing; Monday is the first working day after.
    ['2026-12-12', '2026-12-11', null],
    ['2026-12-13', '2026-12-11', null],
    ['2026-12-14', '2026-12-11', 'overdue'],
    // Spring Festival 2026: 02-15 … 02-23 off, Saturday 02-14 and Saturday 02-28 are adjusted working days.
    ['2026-02-12', '2026-02-24', 'due_soon'], // Thu: Fri 13, Sat 14 (worked), Tue 24 = 3 left
    ['2026-02-11', '2026-02-24', null], // Wed: 4 left
    ['2026-02-14', '2026-02-24', 'due_soon'], // the adjusted working Saturday sends reminders
    ['2026-02-18', '2026-02-24', null], // a holiday sends none
    ['2026-02-13', '2026-02-13', 'due_soon'],
    ['2026-02-14', '2026-02-13', 'overdue'], // the worked Saturday is the first working day after Friday's due day
    ['2026-02-16', '2026-02-13', null], // in the holiday
    ['2026-02-28', '2026-02-27', 'overdue'], // adjusted working Saturday after a Friday due day
  ])('on %s an item due %s → %s', (today, due, expected) => {
    expect(reminderEvent(cal, due, today)).toBe(expected);
  });

  it('takes the due-soon window from its argument', () => {
    expect(reminderEvent(cal, '2026-12-10', '2026-12-04', 4)).toBe('due_soon');
    expect(reminderEvent(cal, '2026-12-10', '2026-12-07', 1)).toBeNull();
  });
});

describe('R-35 escalation of overdue items', () => {
  it.each([
    [{ level: 'municipal' }, { organisation: 'self', role: 'municipal_head' }],
    [{ level: 'provincial' }, { organisation: 'self', role: 'provincial_admin' }],
    [{ level: 'national' }, { organisation: 'self', role: 'national_admin' }],
    [
      { level: 'institution', parentLevel: 'municipal' },
      { organisation: 'parent', role: 'municipal_admin' },
    ],
    [
      { level: 'institution', parentLevel: 'provincial' },
      { organisation: 'parent', role: 'provincial_admin' },
    ],
  ] as const)('%j → %j', (responsibility, expected) => {
    expect(escalationTarget(responsibility)).toEqual(expected);
  });
});
