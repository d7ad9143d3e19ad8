// Scheduled jobs' JSON shapes (`/api/admin/jobs`, `/api/admin/job-runs`) and the Chinese names of their codes.

export type JobTrigger = 'schedule' | 'manual';
export type JobOutcome = 'succeeded' | 'failed' | 'skipped';

export const JOB_TRIGGERS: readonly JobTrigger[] = ['schedule', 'manual'];
export const JOB_OUTCOMES: readonly JobOutcome[] = ['succeeded', 'failed', 'skipped'];

export const JOB_TRIGGER_LABELS: Readonly<Record<JobTrigger, string>> = { schedule: '定时', manual: '手动' };
export const JOB_OUTCOME_LABELS: Readonly<Record<JobOutcome, string>> = {
  succeeded: '成功',
  failed: '失败',
  skipped: '跳过（其他实例正在运行）',
};

/** What a run did, by name (e.g. mailed, skippedNoEmail). */
export type JobCounts = Record<string, number>;

/** The application's jobs by their Chinese names (the console shows the code only as a hint). */
export const JOB_NAME_LABELS: Readonly<Record<string, string>> = {
  'deadline-reminders': '到期提醒',
  'outbox-dispatch': '邮件发送',
  'job-runs-prune': '运行记录清理',
  'rate-limit-prune': '限流计数清理',
  screening: '疑似问题筛查',
};

/** The counters jobs report (JobCounts keys), in Chinese. */
export const JOB_COUNT_LABELS: Readonly<Record<string, string>> = {
  // deadline-reminders
  items: '待办项',
  events: '新提醒',
  alreadySent: '已提醒过',
  mails: '摘要邮件',
  skippedNoEmail: '无邮箱跳过人数',
  withoutRecipient: '无人负责项',
  // outbox-dispatch
  sent: '已发送',
  retried: '待重试',
  dead: '已放弃',
  // job-runs-prune
  deleted: '已删除记录',
  retentionDays: '保留天数',
  // rate-limit-prune
  rateLimitCounters: '已清理限流计数',
  loginThrottles: '已清理登录失败计数（按账号）',
  loginAddressThrottles: '已清理登录失败计数（按网络地址）',
  // screening
  scanned: '筛查证书',
  findings: '发现线索',
  raised: '新增疑似问题',
  known: '此前已发现',
};

/** Counters that are a yes/no (0 or 1): shown as the word for each, e.g. screening's `full`. */
const JOB_COUNT_SWITCHES: Readonly<Record<string, readonly [string, string]>> = {
  full: ['增量筛查', '全量筛查'],
};

/** A job's name for people: its Chinese name, or the code itself for a job without one. */
export function jobLabel(name: string): string {
  return Object.hasOwn(JOB_NAME_LABELS, name) ? JOB_NAME_LABELS[name] : name;
}

/** A run's counts in words, e.g. `摘要邮件 3，无邮箱跳过人数 1`; an unknown counter keeps its code. */
export function jobCountsText(counts: JobCounts): string {
  return Object.entries(counts)
    .map(([key, n]) => {
      if (Object.hasOwn(JOB_COUNT_SWITCHES, key)) return JOB_COUNT_SWITCHES[key][n ? 1 : 0];
      return `${Object.hasOwn(JOB_COUNT_LABELS, key) ? JOB_COUNT_LABELS[key] : key} ${n}`;
    })
    .join('，');
}

/** `GET /api/admin/job-runs` row and `POST /api/admin/jobs/:name/run` answer. `outcome` null: still running. */
export interface JobRunView<Time = string> {
  id: number;
  job: string;
  instance: string;
  trigger: JobTrigger;
  startedAt: Time;
  finishedAt: Time | null;
  outcome: JobOutcome | null;
  counts: JobCounts | null;
  error: string | null;
}

/**
 * `GET /api/admin/jobs` element: `nextRunAt` from its cron expression (Asia/Shanghai), whichever instance runs it;
 * `lastRun` is the newest run that took the lease (skipped runs are in the run history only).
 */
export interface JobView<Time = string> {
  name: string;
  description: string;
  cron: string;
  nextRunAt: Time;
  lastRun: JobRunView<Time> | null;
}
