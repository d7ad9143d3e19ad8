import { countdownKind, hoursCountdown } from './correctionDue';

describe('work order hours countdown (R-21)', () => {
  const due = '2026-11-24T02:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole hours left, rounded down, amber in the last 6 hours', () => {
    expect(hoursCountdown(due, at('2026-11-23T02:00:00.000Z'))).toEqual({
      key: 'app.corrections.due.hours_left',
      args: { hours: 24 },
      color: 'info',
    });
    expect(hoursCountdown(due, at('2026-11-23T20:30:00.000Z'))).toMatchObject({ args: { hours: 5 }, color: 'warning' });
    expect(hoursCountdown(due, at('2026-11-24T01:30:00.000Z'))).toEqual({
      key: 'app.corrections.due.within_hour',
      args: {},
      color: 'warning',
    });
  });

  it('turns red once the instant passes, counting hours overdue rounded up', () => {
    expect(hoursCountdown(due, at(due))).toMatchObject({
      key: 'app.corrections.due.hours_overdue',
      args: { hours: 1 },
    });
    expect(hoursCountdown(due, at('2026-11-24T04:10:00.000Z'))).toEqual({
      key: 'app.corrections.due.hours_overdue',
      args: { hours: 3 },
      color: 'error',
    });
  });

  it('shows nothing for a malformed instant', () => {
    expect(hoursCountdown('soon', 0)).toBeNull();
  });
});

describe('countdown kind', () => {
  it('is hours for work orders with an instant, working days otherwise, none unless waiting at a stage', () => {
    expect(countdownKind({ status: 'pending', dueAt: '2026-11-24T02:00:00Z', workingDaysLeft: 1 })).toBe('hours');
    expect(countdownKind({ status: 'pending', dueAt: null, workingDaysLeft: 3 })).toBe('working_days');
    expect(countdownKind({ status: 'pending', dueAt: null, workingDaysLeft: null })).toBeNull();
    for (const status of ['returned', 'applied', 'withdrawn'] as const) {
      expect(countdownKind({ status, dueAt: '2026-11-24T02:00:00Z', workingDaysLeft: 2 })).toBeNull();
    }
  });
});
