import { DomainError } from '../errors';
import { IsoDate, epochDay, isIsoDate, toIsoDate } from './iso-date';
import { PeriodResult, PeriodUnit } from './period';
import { WorkingDayCalendar } from './working-day-calendar';

export type DeadlineProfile = 'national' | 'guangdong';
export const DEADLINE_PROFILES: readonly DeadlineProfile[] = ['national', 'guangdong'];

/** Day-based rules: R-14 steps, R-26 re-check, R-21 ordinary work order. */
export type DayDeadlineRule =
  | 'upload'
  | 'municipal_review'
  | 'provincial_review'
  | 'national_publish'
  | 'correction_after_municipal_return'
  | 'correction_after_provincial_return'
  | 'correction_after_national_return'
  | 'acceptance_cutoff'
  | 'recheck'
  | 'work_order_normal';

/** 紧急 24 hours, 急 48 hours, counted on the clock from a timestamp. */
export type HourDeadlineRule = 'work_order_urgent' | 'work_order_express';

export type DeadlineRule = DayDeadlineRule | HourDeadlineRule;

export const DAY_DEADLINE_RULES: readonly DayDeadlineRule[] = [
  'upload',
  'municipal_review',
  'provincial_review',
  'national_publish',
  'correction_after_municipal_return',
  'correction_after_provincial_return',
  'correction_after_national_return',
  'acceptance_cutoff',
  'recheck',
  'work_order_normal',
];
export const HOUR_DEADLINE_RULES: readonly HourDeadlineRule[] = ['work_order_urgent', 'work_order_express'];
export const DEADLINE_RULES: readonly DeadlineRule[] = [...DAY_DEADLINE_RULES, ...HOUR_DEADLINE_RULES];

export const DEADLINE_UNKNOWN_RULE = 'DEADLINE_UNKNOWN_RULE';
export const DEADLINE_UNKNOWN_PROFILE = 'DEADLINE_UNKNOWN_PROFILE';
export const DEADLINE_INVALID_TIMESTAMP = 'DEADLINE_INVALID_TIMESTAMP';

export function isDeadlineRule(x: unknown): x is DeadlineRule {
  return typeof x === 'string' && (DEADLINE_RULES as readonly string[]).includes(x);
}

export function isHourDeadlineRule(x: unknown): x is HourDeadlineRule {
  return typeof x === 'string' && (HOUR_DEADLINE_RULES as readonly string[]).includes(x);
}

export function isDeadlineProfile(x: unknown): x is DeadlineProfile {
  return typeof x === 'string' && (DEADLINE_PROFILES as readonly string[]).includes(x);
}

export interface DeadlinePolicy {
  unit: PeriodUnit;
  amount: number;
  /** Chinese citation of the source. */
  basis: string;
  /** Chinese name of the step. */
  label: string;
  /** Chinese name of the day the period runs from. */
  startsFrom: string;
}

const GUIDE = '《职业技能等级证书数据工作指南》（中就培发〔2022〕1号）';
const GD = '粤技服〔2022〕151号';
const WORK_ORDER_FORM = `${GD} 附件4《运维管理变更申请表》备注2`;

const LABELS: Record<DeadlineRule, { label: string; startsFrom: string }> = {
  upload: { label: '评价机构上报证书数据', startsFrom: '发证日期' },
  municipal_review: { label: '市技能中心审核', startsFrom: '接收证书数据之日' },
  provincial_review: { label: '省技能中心审核并上传部中心', startsFrom: '接收证书数据之日' },
  national_publish: { label: '部中心实现网上查询', startsFrom: '接收证书数据之日' },
  correction_after_municipal_return: { label: '市级退回后评价机构更正', startsFrom: '收到退回通知之日' },
  correction_after_provincial_return: { label: '省级退回后评价机构更正', startsFrom: '收到退回通知之日' },
  correction_after_national_return: { label: '部中心退回后评价机构更正', startsFrom: '收到退回通知之日' },
  acceptance_cutoff: { label: '逾期不予受理（受理截止）', startsFrom: '发证日期' },
  recheck: { label: '暂停查询后省级复核', startsFrom: '暂停查询之日' },
  work_order_normal: { label: '运维工单（普通）', startsFrom: '接单日期' },
  work_order_urgent: { label: '运维工单（紧急）', startsFrom: '接单时间' },
  work_order_express: { label: '运维工单（急）', startsFrom: '接单时间' },
};

function policy(rule: DeadlineRule, unit: PeriodUnit, amount: number, basis: string): DeadlinePolicy {
  return { unit, amount, basis, ...LABELS[rule] };
}

// Shared by both profiles: R-26 re-check and R-21 work orders.
const COMMON = {
  recheck: policy(
    'recheck',
    'working_days',
    15,
    `平台默认时限（SPEC R-26）；${GUIDE}第十七条规定由省级人力资源社会保障部门负责复核处理，未规定时限`,
  ),
  work_order_normal: policy('work_order_normal', 'working_days', 5, `${WORK_ORDER_FORM}：普通一般是5个工作日解决`),
  work_order_urgent: policy('work_order_urgent', 'hours', 24, `${WORK_ORDER_FORM}：紧急一般是24小时内解决`),
  work_order_express: policy('work_order_express', 'hours', 48, `${WORK_ORDER_FORM}：急一般是48小时内解决`),
} as const;

/** R-14 (national guideline defaults; Guangdong profile per 粤技服〔2022〕151号), R-21, R-26. */
export const DEADLINE_POLICIES: Readonly<Record<DeadlineProfile, Readonly<Record<DeadlineRule, DeadlinePolicy>>>> = {
  national: {
    upload: policy('upload', 'working_days', 30, `${GUIDE}第十条：自发证日期起30个工作日内上传`),
    // The guideline has no municipal stage; platform default borrowed from 粤技服〔2022〕151号 (docs/decisions.md).
    municipal_review: policy(
      'municipal_review',
      'working_days',
      15,
      `平台默认时限：${GUIDE}未设市级审核环节，参照${GD} 二（二）市技能中心自接收证书数据起15个工作日内完成审核`,
    ),
    provincial_review: policy(
      'provincial_review',
      'working_days',
      30,
      `${GUIDE}第十条：自接收证书数据起30个工作日内完成审核并上传部中心`,
    ),
    national_publish: policy(
      'national_publish',
      'working_days',
      15,
      `${GUIDE}第十条：部中心应当在15个工作日内实现合规证书数据网上查询`,
    ),
    correction_after_municipal_return: policy(
      'correction_after_municipal_return',
      'working_days',
      20,
      `${GUIDE}第十一条：退回的证书数据应在20个工作日内更正（市级退回参照省级退回，SPEC R-14）`,
    ),
    correction_after_provincial_return: policy(
      'correction_after_provincial_return',
      'working_days',
      20,
      `${GUIDE}第十一条：省级退回的证书数据应在20个工作日内更正`,
    ),
    correction_after_national_return: policy(
      'correction_after_national_return',
      'working_days',
      20,
      `${GUIDE}第十一条：部中心退回的证书数据应在20个工作日内更正`,
    ),
    acceptance_cutoff: policy(
      'acceptance_cutoff',
      'months',
      6,
      `${GUIDE}第十二条：自发证日期起逾期超过6个月的，原则上不予受理`,
    ),
    ...COMMON,
  },
  guangdong: {
    upload: policy('upload', 'days', 30, `${GD} 二（二）：自发证日期起30日内上报`),
    municipal_review: policy(
      'municipal_review',
      'working_days',
      15,
      `${GD} 二（二）：市技能中心自接收证书数据起15个工作日内完成审核`,
    ),
    provincial_review: policy(
      'provincial_review',
      'working_days',
      15,
      `${GD} 二（二）：省技能中心自接收证书数据起15个工作日内完成审核并上传部中心`,
    ),
    national_publish: policy(
      'national_publish',
      'working_days',
      15,
      `${GUIDE}第十条：部中心应当在15个工作日内实现合规证书数据网上查询`,
    ),
    correction_after_municipal_return: policy(
      'correction_after_municipal_return',
      'working_days',
      10,
      `${GD} 二（三）：省技能中心退回的10个工作日内完成更正（市级退回参照执行，SPEC R-14）`,
    ),
    correction_after_provincial_return: policy(
      'correction_after_provincial_return',
      'working_days',
      10,
      `${GD} 二（三）：收到省技能中心退回通知后10个工作日内完成更正`,
    ),
    correction_after_national_return: policy(
      'correction_after_national_return',
      'working_days',
      20,
      `${GD} 二（三）：收到部中心退回通知后20个工作日内完成更正`,
    ),
    acceptance_cutoff: policy(
      'acceptance_cutoff',
      'months',
      6,
      `${GD} 二（四）：自发证日期起逾期6个月未上报的，原则上不予受理`,
    ),
    ...COMMON,
  },
};

const PROFILE_NAMES: Record<DeadlineProfile, string> = { national: '全国指南', guangdong: '广东省' };

export interface DeadlineResult {
  due: IsoDate;
  /** Hour-based rules only: the exact instant (UTC ISO 8601) by which the work order is due. */
  dueAt?: string;
  rule: DeadlineRule;
  profile: DeadlineProfile;
  provisional: boolean;
  explanation: string;
  period: PeriodResult;
  basis: string;
  label: string;
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Beijing calendar day of an instant (R-15: deadlines are whole Beijing days). */
export function beijingDateOf(ms: number): IsoDate {
  return toIsoDate(Math.floor((ms + BEIJING_OFFSET_MS) / 86_400_000));
}

function parseTimestamp(s: string): number {
  const ms = TIMESTAMP.test(s) ? Date.parse(s) : NaN;
  // The date part must itself be a real day (Date.parse rolls '02-30' over silently).
  if (Number.isNaN(ms) || !isIsoDate(s.slice(0, 10))) {
    throw new DomainError(
      DEADLINE_INVALID_TIMESTAMP,
      `时间格式无效：${s}（应为带时区的 ISO 8601 时间，如 2026-02-14T09:30:00+08:00）`,
      { value: s },
    );
  }
  return ms;
}

function formatBeijing(ms: number): string {
  const t = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/**
 * The due date of one step counted by R-15. Day rules take an IsoDate (issue date, receipt
 * date, return-notice date …); hour rules take a timestamp with offset and also return `dueAt`.
 */
export function computeDeadline(
  calendar: WorkingDayCalendar,
  rule: DeadlineRule,
  from: string,
  profile: DeadlineProfile = 'national',
): DeadlineResult {
  if (!isDeadlineRule(rule)) {
    throw new DomainError(DEADLINE_UNKNOWN_RULE, `未知的期限规则：${String(rule)}`, {
      value: rule,
      allowed: DEADLINE_RULES,
    });
  }
  if (!isDeadlineProfile(profile)) {
    throw new DomainError(DEADLINE_UNKNOWN_PROFILE, `未知的期限配置：${String(profile)}`, {
      value: profile,
      allowed: DEADLINE_PROFILES,
    });
  }
  const p = DEADLINE_POLICIES[profile][rule];
  const head = `${p.label}（${PROFILE_NAMES[profile]}，依据：${p.basis}）：`;
  if (p.unit === 'hours') {
    return hourDeadline(rule, from, profile, p, head);
  }
  const options = { startLabel: p.startsFrom };
  let period: PeriodResult;
  if (p.unit === 'working_days') {
    period = calendar.addWorkingDays(from, p.amount, options);
  } else if (p.unit === 'days') {
    period = calendar.addCalendarDays(from, p.amount, options);
  } else {
    period = calendar.addMonths(from, p.amount, options);
  }
  return {
    due: period.due,
    rule,
    profile,
    provisional: period.provisional,
    explanation: head + period.explanation,
    period,
    basis: p.basis,
    label: p.label,
  };
}

function hourDeadline(
  rule: DeadlineRule,
  from: string,
  profile: DeadlineProfile,
  p: DeadlinePolicy,
  head: string,
): DeadlineResult {
  const startMs = parseTimestamp(from);
  const dueMs = startMs + p.amount * 3600 * 1000;
  const start = beijingDateOf(startMs);
  const due = beijingDateOf(dueMs);
  // hours run on the clock, rest days included (the form: 紧急一般是24小时内解决).
  const explanation =
    `${head}自${p.startsFrom} ${formatBeijing(startMs)}（北京时间）起按 ${p.amount} 小时计算（连续计时，含休息日）；` +
    `截止 ${formatBeijing(dueMs)}（北京时间）。`;
  const period: PeriodResult = {
    start,
    due,
    unit: 'hours',
    amount: p.amount,
    provisional: false,
    uncoveredYears: [],
    lastCountedDay: due,
    skipped: [],
    adjustedWorkdays: [],
    explanation: explanation.slice(head.length),
  };
  return {
    due,
    dueAt: new Date(dueMs).toISOString(),
    rule,
    profile,
    provisional: false,
    explanation,
    period,
    basis: p.basis,
    label: p.label,
  };
}

export interface DeadlineStatus {
  overdue: boolean;
  /** Working days after today up to and including the due day (0 when due today or overdue). */
  workingDaysLeft: number;
  /** Working days after the due day up to and including today (0 unless overdue). */
  workingDaysOverdue: number;
  calendarDaysOverdue: number;
  /** "剩余 3 个工作日" / "今日到期" / "已逾期 2 个工作日". */
  text: string;
}

/** how a due day stands on `today` (a Beijing calendar day, from the injected clock). */
export function deadlineStatus(calendar: WorkingDayCalendar, due: IsoDate, today: IsoDate): DeadlineStatus {
  const d = epochDay(due);
  const t = epochDay(today);
  const between = calendar.workingDaysBetween(today, due);
  if (t <= d) {
    return {
      overdue: false,
      workingDaysLeft: between,
      workingDaysOverdue: 0,
      calendarDaysOverdue: 0,
      text: t === d ? '今日到期' : `剩余 ${between} 个工作日（${due} 到期）`,
    };
  }
  const late = calendar.workingDaysBetween(due, today);
  return {
    overdue: true,
    workingDaysLeft: 0,
    workingDaysOverdue: late,
    calendarDaysOverdue: t - d,
    text: late > 0 ? `已逾期 ${late} 个工作日（${due} 到期）` : `已逾期 ${t - d} 天（${due} 到期）`,
  };
}
