import holidays2025 from '../../../../config/holidays/2025.json';
import holidays2026 from '../../../../config/holidays/2026.json';
import {
  DAY_DEADLINE_RULES,
  DEADLINE_POLICIES,
  DEADLINE_RULES,
  DeadlineProfile,
  DeadlineRule,
  computeDeadline,
  deadlineStatus,
  isDeadlineRule,
} from './deadline-policy';
import { HolidayYear, validateHolidayYear } from './holiday-year';
import { WorkingDayCalendar } from './working-day-calendar';

function officialYears(): HolidayYear[] {
  return [holidays2025, holidays2026].map((y) => validateHolidayYear(structuredClone(y)));
}

const cal = new WorkingDayCalendar(officialYears());

describe('DEADLINE_POLICIES — SPEC R-14 table, R-21, R-26', () => {
  it.each<[DeadlineRule, string, string]>([
    ['upload', '30 working_days', '30 days'],
    ['municipal_review', '15 working_days', '15 working_days'],
    ['provincial_review', '30 working_days', '15 working_days'],
    ['national_publish', '15 working_days', '15 working_days'],
    ['correction_after_municipal_return', '20 working_days', '10 working_days'],
    ['correction_after_provincial_return', '20 working_days', '10 working_days'],
    ['correction_after_national_return', '20 working_days', '20 working_days'],
    ['acceptance_cutoff', '6 months', '6 months'],
    ['recheck', '15 working_days', '15 working_days'],
    ['work_order_normal', '5 working_days', '5 working_days'],
    ['work_order_urgent', '24 hours', '24 hours'],
    ['work_order_express', '48 hours', '48 hours'],
  ])('%s: national %s, guangdong %s', (rule, national, guangdong) => {
    const n = DEADLINE_POLICIES.national[rule];
    const g = DEADLINE_POLICIES.guangdong[rule];
    expect(`${n.amount} ${n.unit}`).toBe(national);
    expect(`${g.amount} ${g.unit}`).toBe(guangdong);
    for (const p of [n, g]) {
      expect(p.basis).toMatch(/[\u4e00-\u9fff]/);
      expect(p.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('cites the guideline for national and 粤技服〔2022〕151号 for Guangdong', () => {
    expect(DEADLINE_POLICIES.national.upload.basis).toContain('第十条');
    expect(DEADLINE_POLICIES.national.correction_after_provincial_return.basis).toContain('第十一条');
    expect(DEADLINE_POLICIES.national.acceptance_cutoff.basis).toContain('第十二条');
    expect(DEADLINE_POLICIES.guangdong.upload.basis).toContain('粤技服〔2022〕151号 二（二）');
    expect(DEADLINE_POLICIES.guangdong.correction_after_provincial_return.basis).toContain('二（三）');
    expect(DEADLINE_POLICIES.national.municipal_review.basis).toContain('平台默认');
  });

  it('lists every rule once and guards unknown names', () => {
    expect(new Set(DEADLINE_RULES).size).toBe(12);
    expect(DAY_DEADLINE_RULES).toHaveLength(10);
    expect(isDeadlineRule('upload')).toBe(true);
    expect(isDeadlineRule('work_order_urgent')).toBe(true);
    expect(isDeadlineRule('toString')).toBe(false);
    expect(isDeadlineRule(undefined)).toBe(false);
  });
});

describe('computeDeadline', () => {
  it.each<[DeadlineRule, DeadlineProfile, string, string]>([
    ['upload', 'national', '2026-01-05', '2026-02-14'], // 30 working days, ends on an adjusted Saturday
    ['upload', 'guangdong', '2026-01-16', '2026-02-24'], // 30 days end 2/15 (春节) → next working day
    ['upload', 'guangdong', '2026-01-15', '2026-02-14'], // 30 days end on an adjusted working Saturday
    ['upload', 'guangdong', '2026-02-12', '2026-03-16'], // Saturday → Monday
    ['municipal_review', 'guangdong', '2026-02-10', '2026-03-09'],
    ['municipal_review', 'national', '2026-02-10', '2026-03-09'], // platform default (docs/decisions.md)
    ['provincial_review', 'national', '2026-02-10', '2026-03-30'],
    ['provincial_review', 'guangdong', '2026-02-10', '2026-03-09'],
    ['national_publish', 'national', '2025-09-26', '2025-10-23'],
    ['correction_after_provincial_return', 'national', '2026-02-10', '2026-03-16'],
    ['correction_after_provincial_return', 'guangdong', '2026-02-10', '2026-03-02'],
    ['correction_after_municipal_return', 'guangdong', '2026-02-10', '2026-03-02'],
    ['correction_after_national_return', 'guangdong', '2026-02-10', '2026-03-16'],
    ['acceptance_cutoff', 'national', '2025-04-01', '2025-10-09'], // 6 months end 10/1 (国庆) → 10/9
    ['acceptance_cutoff', 'guangdong', '2025-08-31', '2026-02-28'],
    ['recheck', 'national', '2026-02-10', '2026-03-09'],
    ['work_order_normal', 'guangdong', '2026-02-10', '2026-02-24'],
  ])('%s (%s) from %s is due %s', (rule, profile, from, due) => {
    const r = computeDeadline(cal, rule, from, profile);
    expect(r).toMatchObject({ due, rule, profile, provisional: false });
    expect(r.period.due).toBe(due);
    expect(r.basis).toBe(DEADLINE_POLICIES[profile][rule].basis);
    expect(r.explanation.startsWith(`${r.label}（`)).toBe(true);
    expect(r.explanation).toContain(`截止 ${due}`);
  });

  it('explains itself with the step, the source, the start and what was skipped', () => {
    const r = computeDeadline(cal, 'upload', '2026-01-16', 'guangdong');
    expect(r.explanation).toBe(
      '评价机构上报证书数据（广东省，依据：粤技服〔2022〕151号 二（二）：自发证日期起30日内上报）：' +
        '自发证日期 2026-01-16 起算（起算日不计入），按 30 日计算，期间最后一日为 2026-02-15（周日）；' +
        '该日为春节假期，顺延（跳过 春节 2026-02-15 至 2026-02-23（9 天））至下一个工作日；截止 2026-02-24（周二）。',
    );
    expect(r.period.lastCountedDay).toBe('2026-02-15');
  });

  it('defaults to the national profile', () => {
    expect(computeDeadline(cal, 'upload', '2026-01-05').profile).toBe('national');
  });

  it('marks a deadline reaching into an unpublished year provisional', () => {
    const r = computeDeadline(cal, 'provincial_review', '2026-12-01', 'national');
    expect(r.provisional).toBe(true);
    expect(r.explanation).toContain('2027 年节假日安排尚未发布');
  });

  it('counts work orders in clock hours from a timestamp (R-21)', () => {
    const urgent = computeDeadline(cal, 'work_order_urgent', '2026-02-14T22:30:00+08:00', 'guangdong');
    expect(urgent).toMatchObject({ due: '2026-02-15', dueAt: '2026-02-15T14:30:00.000Z', provisional: false });
    expect(urgent.period).toMatchObject({ start: '2026-02-14', due: '2026-02-15', unit: 'hours', amount: 24 });
    expect(urgent.explanation).toContain('截止 2026-02-15 22:30（北京时间）');
    // 2027-01-01 00:30 Beijing time + 48 h; the Beijing day, not the UTC day, is the due date.
    const express = computeDeadline(cal, 'work_order_express', '2026-12-31T16:30:00Z', 'national');
    expect(express).toMatchObject({ due: '2027-01-03', dueAt: '2027-01-02T16:30:00.000Z' });
    expect(express.period.start).toBe('2027-01-01');
  });

  it.each([
    ['nonsense', 'national', '2026-01-05', 'DEADLINE_UNKNOWN_RULE', /未知的期限规则/],
    ['upload', 'hainan', '2026-01-05', 'DEADLINE_UNKNOWN_PROFILE', /未知的期限配置/],
    ['upload', 'national', '2026-02-30', 'CALENDAR_INVALID_DATE', /日期格式无效/],
    ['upload', 'national', '2026-2-3', 'CALENDAR_INVALID_DATE', /日期格式无效/],
    ['work_order_urgent', 'national', '2026-02-14', 'DEADLINE_INVALID_TIMESTAMP', /时间格式无效/],
    ['work_order_urgent', 'national', '2026-02-14T09:00:00', 'DEADLINE_INVALID_TIMESTAMP', /带时区/],
    ['work_order_urgent', 'national', '2026-02-30T09:00:00+08:00', 'DEADLINE_INVALID_TIMESTAMP', /时间格式无效/],
  ])('refuses rule %s, profile %s, from %s with %s', (rule, profile, from, code, message) => {
    const call = () => computeDeadline(cal, rule as DeadlineRule, from, profile as DeadlineProfile);
    expect(call).toThrow(expect.objectContaining({ code }));
    expect(call).toThrow(message);
  });
});

describe('deadlineStatus — R-17, R-35', () => {
  it.each([
    ['2026-02-24', '2026-02-12', false, 3, 0, '剩余 3 个工作日（2026-02-24 到期）'], // 2/13, 2/14 (adjusted), 2/24
    ['2026-02-24', '2026-02-14', false, 1, 0, '剩余 1 个工作日（2026-02-24 到期）'],
    ['2026-02-24', '2026-02-24', false, 0, 0, '今日到期'],
    ['2026-02-24', '2026-02-26', true, 0, 2, '已逾期 2 个工作日（2026-02-24 到期）'],
    ['2026-02-13', '2026-02-15', true, 0, 1, '已逾期 1 个工作日（2026-02-13 到期）'], // the adjusted Saturday 2/14
    ['2025-09-30', '2025-10-08', true, 0, 0, '已逾期 8 天（2025-09-30 到期）'], // only National Day holidays since
  ])('due %s on %s: overdue %s, left %i, late %i', (due, today, overdue, left, late, text) => {
    expect(deadlineStatus(cal, due, today)).toMatchObject({
      overdue,
      workingDaysLeft: left,
      workingDaysOverdue: late,
      text,
    });
  });
});
