import holidays2025 from '../../../../config/holidays/2025.json';
import holidays2026 from '../../../../config/holidays/2026.json';
import { validateHolidayYear } from '../calendar/holiday-year';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { createOccupationCatalogue } from '../certificates/occupations';
import { issuesQualificationData, qualificationUploadDaysBetween } from './qualification-upload-days';

const cal = new WorkingDayCalendar([holidays2025, holidays2026].map((y) => validateHolidayYear(structuredClone(y))));

const catalogue = createOccupationCatalogue(
  [
    { code: '3-02-03-01', name: '消防员', levels: [], inQualificationCatalogue2021: 'yes', sourceKeys: ['Q21', 'Q17'] },
    { code: '4-03-02-01', name: '中式烹调师', levels: [], inQualificationCatalogue2021: 'no', sourceKeys: ['Q17'] },
    { code: '6-99-99-99', name: '部分职业', levels: [], inQualificationCatalogue2021: 'partial', sourceKeys: [] },
  ],
  {
    qualificationCatalogues: [
      { id: 'Q17', title: '2017', notice: '', effective: '2017-09-12' },
      { id: 'Q21', title: '2021', notice: '', effective: '2021-11-23' },
    ],
  },
);

const entry = (occupationCode: string, validFrom = '2020-01-01', validTo: string | null = null) => ({
  occupationCode,
  occupationName: '',
  levels: [5],
  validFrom,
  validTo,
});

describe('R-18 upload days as reminder items', () => {
  it.each([
    // [from, to, upload days (moved) in range]
    ['2026-03-11', '2026-03-17', ['2026-03-16']], // the 15th is a Sunday → Monday 16th
    ['2026-02-11', '2026-02-27', ['2026-02-24']], // the 15th in Spring Festival → 24th
    ['2026-02-25', '2026-03-03', ['2026-02-28']], // February has no 30th: its last day, an adjusted working Saturday
    ['2026-05-27', '2026-06-02', ['2026-06-01']], // the 30th a Saturday → Monday 1 June
    ['2025-09-29', '2025-10-16', ['2025-09-30', '2025-10-15']],
    ['2026-01-01', '2026-01-14', []],
  ])('%s…%s → %j', (from, to, days) => {
    expect(qualificationUploadDaysBetween(cal, from, to).map((s) => s.due)).toEqual(days);
  });

  it('a day moved into the next month is found from that month (30 May → 1 June)', () => {
    const [slot] = qualificationUploadDaysBetween(cal, '2026-06-01', '2026-06-01');
    expect(slot).toMatchObject({ nominalDate: '2026-05-30', issueFrom: '2026-05-11', issueTo: '2026-05-24' });
  });

  it('an institution issues qualification data when a scope entry valid in the window is in the catalogue in force', () => {
    const window = { issueFrom: '2026-02-25', issueTo: '2026-03-10' };
    expect(issuesQualificationData([entry('3-02-03-01')], catalogue, window)).toBe(true);
    expect(issuesQualificationData([entry('6-99-99-99')], catalogue, window)).toBe(true); // partial
    // In the 2017 catalogue only, which the 2021 one replaced.
    expect(issuesQualificationData([entry('4-03-02-01')], catalogue, window)).toBe(false);
    expect(
      issuesQualificationData([entry('4-03-02-01')], catalogue, { issueFrom: '2020-01-11', issueTo: '2020-01-24' }),
    ).toBe(true);
    expect(issuesQualificationData([entry('3-02-03-01', '2020-01-01', '2026-02-24')], catalogue, window)).toBe(false);
    expect(issuesQualificationData([entry('3-02-03-01', '2026-03-11')], catalogue, window)).toBe(false);
    expect(issuesQualificationData([entry('9-99-99-99')], catalogue, window)).toBe(false); // unknown code
    expect(issuesQualificationData(null, catalogue, window)).toBe(false);
  });
});
