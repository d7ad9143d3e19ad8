import { DEADLINE_POLICIES, type DeadlineProfile, type DeadlineRule, type PeriodUnit } from '@app/domain';

// The names the API's explanations use.
export const PROFILE_LABELS: Record<DeadlineProfile, string> = {
  national: '全国指南',
  guangdong: '广东省',
};

export const PROFILE_SOURCES: Record<DeadlineProfile, string> = {
  national: '中就培发〔2022〕1号',
  guangdong: '粤技服〔2022〕151号，广东省内适用',
};

const UNIT_TEXT: Record<PeriodUnit, string> = {
  working_days: '个工作日',
  days: '日',
  months: '个月',
  hours: '小时',
};

/** "15 个工作日", "6 个月", "24 小时". */
export function periodText(amount: number, unit: PeriodUnit): string {
  return `${amount} ${UNIT_TEXT[unit]}`;
}

/** "省技能中心审核并上传部中心（15 个工作日）": the step and its period under the profile. */
export function ruleOptionText(profile: DeadlineProfile, rule: DeadlineRule): string {
  const policy = DEADLINE_POLICIES[profile][rule];
  return `${policy.label}（${periodText(policy.amount, policy.unit)}）`;
}
