import { isWarning, qualityReportQuery, yearStart } from './qualityReport';

describe('quality report page helpers', () => {
  it('builds the query with the region and the workbook format only when asked', () => {
    expect(qualityReportQuery({ from: '2026-01-01', to: '2026-03-31' })).toBe('from=2026-01-01&to=2026-03-31');
    expect(qualityReportQuery({ from: '2026-01-01', to: '2026-03-31', regionCode: '440000', xlsx: true })).toBe(
      'from=2026-01-01&to=2026-03-31&regionCode=440000&format=xlsx',
    );
  });

  it('opens on the year so far, and warns only on figures that signal a problem', () => {
    expect(yearStart('2026-12-03')).toBe('2026-01-01');
    expect(isWarning('lateSubmissions', 2)).toBe(true);
    expect(isWarning('lateSubmissions', 0)).toBe(false);
    expect(isWarning('batches', 9)).toBe(false);
    expect(isWarning('complaints', null)).toBe(false);
  });
});
