import holidays2025 from '../../../../config/holidays/2025.json';
import holidays2026 from '../../../../config/holidays/2026.json';
import { HolidayYear, validateHolidayYear } from './holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

// Spec files may read files; the library itself never does (R-15: the calendar is an argument).
function officialYears(): HolidayYear[] {
  return [holidays2025, holidays2026].map((y) => validateHolidayYear(structuredClone(y)));
}

const cal = new WorkingDayCalendar(officialYears());

describe('WorkingDayCalendar — days of the State Council notices (SPEC Appendix A)', () => {
  it.each([
    // 2025 (国办发明电〔2024〕12号)
    ['2025-01-01', 'holiday', '元旦'],
    ['2025-01-28', 'holiday', '春节'],
    ['2025-02-04', 'holiday', '春节'],
    ['2025-02-05', 'workday', null],
    ['2025-04-04', 'holiday', '清明节'],
    ['2025-05-05', 'holiday', '劳动节'],
    ['2025-05-31', 'holiday', '端午节'],
    ['2025-06-02', 'holiday', '端午节'],
    ['2025-10-01', 'holiday', '国庆节、中秋节'],
    ['2025-10-08', 'holiday', '国庆节、中秋节'],
    ['2025-10-09', 'workday', null],
    ['2025-10-12', 'weekend', null],
    // 2026 (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04)
    ['2026-01-03', 'holiday', '元旦'],
    ['2026-02-15', 'holiday', '春节'],
    ['2026-02-23', 'holiday', '春节'],
    ['2026-02-24', 'workday', null],
    ['2026-04-06', 'holiday', '清明节'],
    ['2026-06-19', 'holiday', '端午节'],
    ['2026-09-25', 'holiday', '中秋节'],
    ['2026-10-07', 'holiday', '国庆节'],
    ['2026-10-08', 'workday', null],
    ['2026-03-01', 'weekend', null],
  ])('%s is a %s (%s)', (date, kind, name) => {
    const info = cal.dayKind(date);
    expect(info.kind).toBe(kind);
    expect(info.name).toBe(name);
    expect(info.isWorkingDay).toBe(kind === 'workday');
    expect(info.provisional).toBe(false);
    expect(cal.isWorkingDay(date)).toBe(kind === 'workday');
  });

  it.each([
    ['2025-01-26', 7, '春节'],
    ['2025-02-08', 6, '春节'],
    ['2025-04-27', 7, '劳动节'],
    ['2025-09-28', 7, '国庆节、中秋节'],
    ['2025-10-11', 6, '国庆节、中秋节'],
    ['2026-01-04', 7, '元旦'],
    ['2026-02-14', 6, '春节'],
    ['2026-02-28', 6, '春节'],
    ['2026-05-09', 6, '劳动节'],
    ['2026-09-20', 7, '国庆节'],
    ['2026-10-10', 6, '国庆节'],
  ])('adjusted working day %s (weekday %i) is a working day for %s', (date, weekday, name) => {
    expect(cal.dayKind(date)).toEqual({
      date,
      kind: 'adjusted_workday',
      name,
      isWorkingDay: true,
      weekday,
      provisional: false,
    });
    // The day after an adjusted Saturday is an ordinary Sunday again.
    expect(cal.isWorkingDay(date)).toBe(true);
  });

  it('a year without a notice is weekends only and provisional', () => {
    expect(cal.isCovered(2027)).toBe(false);
    expect(cal.isCovered(2026)).toBe(true);
    expect(cal.coveredYears()).toEqual([2025, 2026]);
    // 2027-01-01 will be 元旦, but no notice is published yet: a plain Friday.
    expect(cal.dayKind('2027-01-01')).toMatchObject({ kind: 'workday', provisional: true });
    expect(cal.dayKind('2027-01-02')).toMatchObject({ kind: 'weekend', provisional: true });
    expect(cal.dayKind('2035-06-01')).toMatchObject({ kind: 'workday', weekday: 5, provisional: true });
  });

  it('gives a month grid for the console', () => {
    const feb = cal.monthDays(2026, 2);
    expect(feb).toHaveLength(28);
    expect(feb.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(feb.filter((d) => d.kind === 'adjusted_workday').map((d) => d.date)).toEqual(['2026-02-14', '2026-02-28']);
  });
});

describe('addWorkingDays — R-15: N working days count only working days after the start', () => {
  // Expected values cross-checked against chinese-days' findWorkday (an independent source).
  it.each([
    // Spring Festival 2025: 1/26 (Sun) works, 1/28–2/4 off, 2/8 (Sat) works
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 5, '2025-02-07'],
    ['2025-01-25', 1, '2025-01-26'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-02-06', 2, '2025-02-08'],
    ['2025-02-07', 1, '2025-02-08'],
    // Labour Day 2025: 4/27 (Sun) works, 5/1–5/5 off
    ['2025-04-25', 1, '2025-04-27'],
    ['2025-04-30', 1, '2025-05-06'],
    // 端午 2025 5/31–6/2
    ['2025-05-30', 1, '2025-06-03'],
    // National Day + Mid-Autumn 2025: 9/28 (Sun) works, 10/1–10/8 off, 10/11 (Sat) works
    ['2025-09-26', 3, '2025-09-30'],
    ['2025-09-26', 4, '2025-10-09'],
    ['2025-09-26', 6, '2025-10-11'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 30, '2025-11-18'],
    ['2025-10-10', 1, '2025-10-11'],
    // 元旦 2026: 1/1–1/3 off, 1/4 (Sun) works — and the 2025→2026 boundary
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    ['2025-12-15', 15, '2026-01-06'],
    ['2026-01-02', 1, '2026-01-04'],
    ['2026-01-05', 30, '2026-02-14'],
    // Spring Festival 2026: 2/14 (Sat) works, 2/15–2/23 off, 2/28 (Sat) works
    ['2026-02-12', 15, '2026-03-11'],
    ['2026-02-10', 15, '2026-03-09'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-27', 2, '2026-03-02'],
    // Labour Day / 端午 2026
    ['2026-04-30', 20, '2026-06-01'],
    ['2026-05-08', 1, '2026-05-09'],
    ['2026-06-18', 1, '2026-06-22'],
    // National Day 2026: 9/20 (Sun) works, 9/25–9/27 中秋, 10/1–10/7 off, 10/10 (Sat) works
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
  ])('%s + %i working days = %s', (start, n, due) => {
    const r = cal.addWorkingDays(start, n);
    expect(r.due).toBe(due);
    expect(r.lastCountedDay).toBe(due);
    expect(r.provisional).toBe(false);
    expect(r.unit).toBe('working_days');
    expect(cal.workingDayAfter(start, n)).toBe(due);
    expect(cal.workingDaysBetween(start, due)).toBe(n);
  });

  it('explains itself: start not counted, holidays listed, weekends counted, adjusted days counted', () => {
    const r = cal.addWorkingDays('2026-02-12', 15);
    expect(r.skipped.filter((s) => s.kind === 'holiday').map((s) => s.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(r.skipped.find((s) => s.kind === 'weekend')).toEqual({
      kind: 'weekend',
      date: '2026-03-01',
      lastDate: '2026-03-08',
      count: 3,
      reason: '周末休息日 3 天',
    });
    expect(r.adjustedWorkdays).toEqual([
      { date: '2026-02-14', name: '春节' },
      { date: '2026-02-28', name: '春节' },
    ]);
    expect(r.explanation).toBe(
      '自 2026-02-12 起算（起算日不计入），按 15 个工作日计算；期间跳过 春节 2026-02-15 至 2026-02-23（9 天）、' +
        '周末休息日 3 天；调休上班日 2026-02-14（周六）、2026-02-28（周六）计入工作日；截止 2026-03-11（周三）。',
    );
  });

  it('counts working days across 元旦 2026 (1/1–1/3 off, 1/4 Sunday working)', () => {
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-04')).toBe(1);
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-03')).toBe(0);
    expect(cal.workingDaysBetween('2025-12-29', '2026-01-09')).toBe(2 + 1 + 5);
    expect(cal.workingDaysBetween('2026-01-09', '2025-12-29')).toBe(-8);
    const r = cal.addWorkingDays('2025-12-31', 2);
    expect(r.explanation).toContain('元旦 2026-01-01 至 2026-01-03（3 天）');
    expect(r.explanation).toContain('调休上班日 2026-01-04（周日）计入工作日');
  });

  it('a period crossing 2026→2027 is provisional and says which year is missing', () => {
    const r = cal.addWorkingDays('2026-12-21', 10);
    expect(r.due).toBe('2027-01-04');
    expect(r.provisional).toBe(true);
    expect(r.uncoveredYears).toEqual([2027]);
    expect(r.explanation).toContain('2027 年节假日安排尚未发布');
    // A period ending on 2026-12-31 does not touch 2027.
    expect(cal.addWorkingDays('2026-12-17', 10)).toMatchObject({ due: '2026-12-31', provisional: false });
    // Days before 2025 are not covered either (the start day itself is not counted).
    expect(cal.addWorkingDays('2024-12-31', 1)).toMatchObject({ due: '2025-01-02', provisional: false });
    expect(cal.addWorkingDays('2024-12-30', 1)).toMatchObject({
      due: '2024-12-31',
      provisional: true,
      uncoveredYears: [2024],
    });
  });

  it('n = 0 is the start day; bad amounts are refused in Chinese', () => {
    expect(cal.addWorkingDays('2026-02-15', 0).due).toBe('2026-02-15');
    for (const bad of [-1, 1.5, Number.NaN, 2_000_000]) {
      expect(() => cal.addWorkingDays('2026-02-15', bad)).toThrow(
        expect.objectContaining({ code: 'CALENDAR_INVALID_AMOUNT' }),
      );
    }
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }),
    );
  });

  it('keeps long periods compact', () => {
    const r = cal.addWorkingDays('2025-01-01', 2000);
    expect(r.provisional).toBe(true);
    expect(r.skipped.filter((s) => s.kind === 'weekend')).toHaveLength(1);
    expect(r.skipped.length).toBeLessThanOrEqual(62);
    expect(JSON.stringify(r).length).toBeLessThan(8000);
  });

  it('nextWorkingDayOnOrAfter', () => {
    expect(cal.nextWorkingDayOnOrAfter('2026-02-15')).toBe('2026-02-24');
    expect(cal.nextWorkingDayOnOrAfter('2026-02-14')).toBe('2026-02-14');
    expect(cal.nextWorkingDayOnOrAfter('2025-10-01')).toBe('2025-10-09');
    expect(cal.nextWorkingDayOnOrAfter('2027-01-02')).toBe('2027-01-04');
  });
});

describe('addCalendarDays — R-15: N days end on start + N, rolled past rest days', () => {
  it('a period ending in the Spring Festival 2026 ends on the next working day', () => {
    const r = cal.addCalendarDays('2026-01-16', 30);
    expect(r.lastCountedDay).toBe('2026-02-15');
    expect(r.due).toBe('2026-02-24');
    expect(r.skipped[0]).toEqual({
      kind: 'roll_forward',
      date: '2026-02-15',
      reason: '期间最后一日 2026-02-15 为春节假期，顺延至下一个工作日 2026-02-24（民法典第二百零三条）',
    });
    expect(r.skipped.filter((s) => s.kind === 'holiday')).toHaveLength(9);
    expect(r.explanation).toBe(
      '自 2026-01-16 起算（起算日不计入），按 30 日计算，期间最后一日为 2026-02-15（周日）；该日为春节假期，' +
        '顺延（跳过 春节 2026-02-15 至 2026-02-23（9 天））至下一个工作日；截止 2026-02-24（周二）。',
    );
  });

  it.each([
    ['2026-01-15', 30, '2026-02-14', '2026-02-14'], // ends on an adjusted working Saturday: no roll
    ['2026-02-12', 30, '2026-03-14', '2026-03-16'], // Saturday → Monday
    ['2025-09-01', 30, '2025-10-01', '2025-10-09'], // National Day 2025
    ['2025-09-05', 30, '2025-10-05', '2025-10-09'],
    ['2026-03-07', 30, '2026-04-06', '2026-04-07'], // 清明 2026
    ['2025-12-02', 30, '2026-01-01', '2026-01-04'], // 元旦 2026: 1/4 is a working Sunday
    ['2026-01-10', 10, '2026-01-20', '2026-01-20'],
  ])('%s + %i days: last day %s, due %s', (start, n, last, due) => {
    const r = cal.addCalendarDays(start, n);
    expect(r.lastCountedDay).toBe(last);
    expect(r.due).toBe(due);
    expect(r.unit).toBe('days');
  });

  it('a roll-forward past weekends only counts them', () => {
    const r = cal.addCalendarDays('2026-02-12', 30);
    expect(r.skipped).toEqual([
      {
        kind: 'roll_forward',
        date: '2026-03-14',
        reason: '期间最后一日 2026-03-14 为周六休息日，顺延至下一个工作日 2026-03-16（民法典第二百零三条）',
      },
      { kind: 'weekend', date: '2026-03-14', lastDate: '2026-03-15', count: 2, reason: '周末休息日 2 天' },
    ]);
  });
});

describe('addMonths — R-15: same day N months later, or the month end; rolled past rest days', () => {
  it.each([
    ['2025-08-31', 6, '2026-02-28', '2026-02-28', false], // no 31st in Feb 2026; 2/28 is an adjusted working Saturday
    ['2025-08-29', 6, '2026-02-28', '2026-02-28', false],
    ['2025-04-01', 6, '2025-10-01', '2025-10-09', false], // National Day 2025
    ['2025-01-31', 1, '2025-02-28', '2025-02-28', false],
    ['2025-03-31', 1, '2025-04-30', '2025-04-30', false],
    ['2025-07-31', 2, '2025-09-30', '2025-09-30', false],
    ['2025-08-15', 6, '2026-02-15', '2026-02-24', false], // Spring Festival 2026
    ['2024-02-29', 12, '2025-02-28', '2025-02-28', false], // leap day → no 29th in 2025; only the last day matters
    ['2024-02-29', 6, '2024-08-29', '2024-08-29', true], // 2024 has no file: provisional
    ['2024-08-31', 6, '2025-02-28', '2025-02-28', false],
    ['2027-08-31', 6, '2028-02-29', '2028-02-29', true], // leap year 2028
    ['2027-08-31', 18, '2029-02-28', '2029-02-28', true],
    ['2025-12-31', 2, '2026-02-28', '2026-02-28', false],
  ])('%s + %i months: last day %s, due %s (provisional %s)', (start, n, last, due, provisional) => {
    const r = cal.addMonths(start, n);
    expect(r.lastCountedDay).toBe(last);
    expect(r.due).toBe(due);
    expect(r.provisional).toBe(provisional);
    expect(r.unit).toBe('months');
  });

  it('explains the month-end rule and an adjusted working day', () => {
    expect(cal.addMonths('2025-08-31', 6).explanation).toBe(
      '自 2025-08-31 起算（起算日不计入），按 6 个月计算，到期月 2026 年 2 月没有 31 日，以该月最后一日 ' +
        '2026-02-28（周六）为期间最后一日（调休上班日，无需顺延）；截止 2026-02-28（周六）。',
    );
  });
});

describe('calendar data', () => {
  it('refuses a year twice, an adjusted working day on a weekday and a day in the wrong year', () => {
    const [y2025] = officialYears();
    expect(() => new WorkingDayCalendar([y2025, y2025])).toThrow(/2025 年的节假日安排重复/);
    expect(() => new WorkingDayCalendar([{ ...y2025, workdays: [{ date: '2025-01-27', name: '春节' }] }])).toThrow(
      /不是周末/,
    );
    expect(() => new WorkingDayCalendar([{ ...y2025, holidays: [{ date: '2026-01-01', name: '元旦' }] }])).toThrow(
      /不属于 2025 年/,
    );
    expect(() => new WorkingDayCalendar([{ ...y2025, holidays: [{ date: '2025-02-30', name: '元旦' }] }])).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_DATA' }),
    );
  });

  it('an empty calendar is weekends only and everything is provisional', () => {
    const empty = new WorkingDayCalendar([]);
    expect(empty.addWorkingDays('2026-02-13', 2)).toMatchObject({ due: '2026-02-17', provisional: true });
    expect(empty.isWorkingDay('2026-02-16')).toBe(true);
    expect(empty.workingDaysBetween('2026-02-13', '2026-02-20')).toBe(5);
  });

  it('a national_admin edit (one more holiday) moves deadlines', () => {
    const years = officialYears();
    years[1] = { ...years[1], holidays: [...years[1].holidays, { date: '2026-03-02', name: '临时调整' }] };
    const edited = new WorkingDayCalendar(years);
    expect(edited.addWorkingDays('2026-02-27', 2).due).toBe('2026-03-03');
    expect(edited.dayKind('2026-03-02')).toMatchObject({ kind: 'holiday', name: '临时调整' });
  });
});
