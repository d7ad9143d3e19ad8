import holidays2025 from '../../../../config/holidays/2025.json';
import holidays2026 from '../../../../config/holidays/2026.json';
import { HolidayYear, validateHolidayYear } from './holiday-year';
import { epochDay, toIsoDate } from './iso-date';
import { qualificationUploadDatesOfMonth, qualificationUploadDue } from './qualification-upload';
import { WorkingDayCalendar } from './working-day-calendar';

function officialYears(): HolidayYear[] {
  return [holidays2025, holidays2026].map((y) => validateHolidayYear(structuredClone(y)));
}

const cal = new WorkingDayCalendar(officialYears());

describe('qualificationUploadDue — R-18 (人社鉴发〔2013〕2号 第十二条)', () => {
  it.each([
    // issued 25th of last month – 10th → the 15th
    ['2026-01-05', '2026-01-15', '2026-01-15', false],
    ['2025-12-25', '2026-01-15', '2026-01-15', false],
    ['2025-05-10', '2025-05-15', '2025-05-15', false],
    ['2026-01-31', '2026-02-15', '2026-02-24', false], // 2/15 is 春节 → 2/24
    ['2026-03-10', '2026-03-15', '2026-03-16', false], // Sunday → Monday
    ['2025-09-25', '2025-10-15', '2025-10-15', false],
    ['2026-12-26', '2027-01-15', '2027-01-15', true], // 2027 not yet published
    // issued 11th–24th → the 30th
    ['2025-09-12', '2025-09-30', '2025-09-30', false],
    ['2025-11-11', '2025-11-30', '2025-12-01', false], // Sunday → Monday
    ['2026-05-24', '2026-05-30', '2026-06-01', false],
    ['2026-09-24', '2026-09-30', '2026-09-30', false],
    // February has no 30th: its last day (docs/decisions.md)
    ['2026-02-11', '2026-02-28', '2026-02-28', false], // an adjusted working Saturday
    ['2025-02-20', '2025-02-28', '2025-02-28', false],
    ['2028-02-11', '2028-02-29', '2028-02-29', true],
  ])('issued %s → nominal %s, upload %s (provisional %s)', (issued, nominal, due, provisional) => {
    const slot = qualificationUploadDue(cal, issued);
    expect(slot).toMatchObject({ nominalDate: nominal, due, provisional });
    expect(slot.issueFrom <= issued && issued <= slot.issueTo).toBe(true);
    expect(slot.explanation).toContain(`上传日 ${due}`);
    expect(slot.basis).toContain('人社鉴发〔2013〕2号');
  });

  it('explains February and a roll-forward', () => {
    expect(qualificationUploadDue(cal, '2026-02-11').explanation).toBe(
      '职业资格证书数据每半个月上传一次（人社鉴发〔2013〕2号 第十二条）：发证日期 2026-02-11 在当月 11 日至 24 日之间，' +
        '应于每月 30 日上传（覆盖发证日期 2026-02-11 至 2026-02-24）；2 月没有 30 日，以该月最后一日 2 月 28 日为上传日；' +
        '2026-02-28（周六）为调休上班日，无需顺延；上传日 2026-02-28。',
    );
    const rolled = qualificationUploadDue(cal, '2026-01-31');
    expect(rolled.explanation).toContain('2026-02-15 为春节假期，顺延');
    expect(rolled.skipped[0]).toMatchObject({ kind: 'roll_forward', date: '2026-02-15' });
  });

  it('every issue date of 2025–2026 falls in its window and uploads on a working day on or after it', () => {
    for (let e = epochDay('2025-01-01'); e <= epochDay('2026-12-31'); e++) {
      const d = toIsoDate(e);
      const slot = qualificationUploadDue(cal, d);
      expect(slot.issueFrom <= d && d <= slot.issueTo).toBe(true);
      expect(slot.nominalDate > d).toBe(true);
      expect(cal.isWorkingDay(slot.due)).toBe(true);
      expect(cal.nextWorkingDayOnOrAfter(slot.nominalDate)).toBe(slot.due);
    }
  });
});

describe('qualificationUploadDatesOfMonth', () => {
  it('gives both upload days of February 2026 with the issue windows they cover', () => {
    const [first, second] = qualificationUploadDatesOfMonth(cal, 2026, 2);
    expect(first).toMatchObject({
      issueFrom: '2026-01-25',
      issueTo: '2026-02-10',
      nominalDate: '2026-02-15',
      due: '2026-02-24',
    });
    expect(second).toMatchObject({
      issueFrom: '2026-02-11',
      issueTo: '2026-02-24',
      nominalDate: '2026-02-28',
      due: '2026-02-28',
    });
  });

  it('windows of consecutive months tile the days without gaps', () => {
    const slots = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((m) => qualificationUploadDatesOfMonth(cal, 2026, m));
    for (let i = 1; i < slots.length; i++) {
      expect(epochDay(slots[i].issueFrom)).toBe(epochDay(slots[i - 1].issueTo) + 1);
    }
  });

  it('refuses a bad month', () => {
    expect(() => qualificationUploadDatesOfMonth(cal, 2026, 13)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }),
    );
  });
});
