import holidays2025 from '../../../../config/holidays/2025.json';
import holidays2026 from '../../../../config/holidays/2026.json';
import { validateHolidayYear } from './holiday-year';
import {
  computeStoredDeadline,
  computeUploadDeadline,
  QUALIFICATION_UPLOAD_RULE,
  uploadRuleFor,
} from './stored-deadline';
import { WorkingDayCalendar } from './working-day-calendar';

const cal = new WorkingDayCalendar([holidays2025, holidays2026].map((y) => validateHolidayYear(structuredClone(y))));

describe('upload deadlines by certificate kind (R-14, R-18)', () => {
  it.each([
    // Qualification data: the 2013 twice-monthly upload days, whatever the province's profile.
    ['qualification', '2026-11-05', 'guangdong', '2026-11-16', QUALIFICATION_UPLOAD_RULE], // 11-15 is a Sunday
    ['qualification', '2026-11-16', 'national', '2026-11-30', QUALIFICATION_UPLOAD_RULE],
    ['qualification', '2026-09-28', 'national', '2026-10-15', QUALIFICATION_UPLOAD_RULE],
    // Skill-level data: the periods of the 指南 / the province's profile.
    ['skill_level', '2026-11-05', 'guangdong', '2026-12-07', 'upload'], // 30 days → 12-05 (Sat) → Monday
    ['skill_level', '2026-11-05', 'national', '2026-12-17', 'upload'], // 30 working days
  ] as const)('%s issued %s (%s) → %s', (kind, issued, profile, due, rule) => {
    expect(uploadRuleFor(kind)).toBe(rule);
    expect(computeUploadDeadline(cal, kind, issued, profile)).toMatchObject({
      due,
      rule,
      from: issued,
      provisional: false,
    });
  });

  it('a stored rule recomputes to the same date, and marks dates in an unpublished year provisional (R-15)', () => {
    expect(computeStoredDeadline(cal, 'provincial_review', '2026-12-10', 'national')).toMatchObject({
      provisional: true,
      rule: 'provincial_review',
    });
    expect(computeStoredDeadline(cal, QUALIFICATION_UPLOAD_RULE, '2026-12-26')).toMatchObject({
      due: '2027-01-15',
      provisional: true,
    });
    expect(computeStoredDeadline(cal, 'municipal_review', '2026-11-23', 'guangdong')).toMatchObject({
      due: '2026-12-14',
      provisional: false,
    });
  });
});
