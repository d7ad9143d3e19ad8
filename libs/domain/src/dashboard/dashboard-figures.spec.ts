import { awaitingCorrectionsCompletedBy, beijingMonths, correctionStagesDecidedBy } from './dashboard-figures';

describe('beijingMonths', () => {
  it('ends with the month of today and goes back across a year end, oldest first', () => {
    const months = beijingMonths('2026-02-10', 3);
    expect(months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(months[0]).toMatchObject({ firstDay: '2025-12-01', nextFirstDay: '2026-01-01' });
    expect(months[2]).toMatchObject({ firstDay: '2026-02-01', nextFirstDay: '2026-03-01' });
  });

  it('starts each month at 00:00 Beijing time (16:00 UTC the day before)', () => {
    const [m] = beijingMonths('2026-11-23', 1);
    expect(new Date(m.fromMs).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(new Date(m.toMs).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('counts back twelve months and refuses a non-positive count', () => {
    expect(beijingMonths('2026-11-23', 12)[0].month).toBe('2025-12');
    expect(() => beijingMonths('2026-11-23', 0)).toThrow(RangeError);
  });
});

describe('correctionStagesDecidedBy', () => {
  it.each([
    [['municipal_admin'], 'municipal', ['municipal_review'], true],
    [['municipal_head'], 'municipal', [], false],
    [['provincial_reviewer'], 'provincial', ['provincial_review'], true],
    [['provincial_admin'], 'provincial', [], false],
    [['national_reviewer'], 'national', ['national_review'], false],
    [['national_admin'], 'national', [], false],
    [['institution_operator'], 'institution', [], false],
    // A role held at the wrong level decides nothing.
    [['provincial_reviewer'], 'municipal', [], false],
  ] as const)('%j at %s decides %j (work orders below: %s)', (roles, level, stages, workOrders) => {
    expect(correctionStagesDecidedBy(roles, level)).toEqual({ stages, workOrdersOfChildren: workOrders });
  });
});

describe('awaitingCorrectionsCompletedBy (R-26)', () => {
  it.each([
    [['institution_operator'], 'institution', 'modification'],
    [['provincial_reviewer'], 'provincial', 'deletion'],
    [['provincial_admin'], 'provincial', null],
    [['municipal_admin'], 'municipal', null],
    [['national_reviewer'], 'national', null],
  ] as const)('%j at %s → %s', (roles, level, expected) => {
    expect(awaitingCorrectionsCompletedBy(roles, level)).toBe(expected);
  });
});
