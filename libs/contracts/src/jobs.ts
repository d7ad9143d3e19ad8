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
