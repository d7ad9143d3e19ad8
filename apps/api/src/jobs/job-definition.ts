import type { JobCounts, JobTrigger } from '@app/contracts';

/** What a job's `run` is given. */
export interface JobContext {
  runId: number;
  trigger: JobTrigger;
  /** This instance (host:pid:random). */
  instance: string;
  /**
   * Aborted when this run lost its lease (a renewal found another holder, e.g. after this process stalled past
   * the lease time): a long job should stop at its next step, since another instance may be running it now.
   */
  signal: AbortSignal;
  /** The JSON body of a manual run (`POST /api/admin/jobs/:name/run`), e.g. `{ "full": true }`; `{}` when scheduled. */
  options: Readonly<Record<string, unknown>>;
}

/** A job a feature registers with JobRegistry in its module's onModuleInit. */
export interface JobDefinition {
  /** Unique, lower-case with hyphens, e.g. `deadline-reminders`. */
  name: string;
  /** Chinese, shown in the console. */
  description: string;
  /** The key of its cron expression under `jobs.schedules` in config (usually the name). */
  scheduleKey: string;
  /** Does the work; answers what it did (stored as the run's counts). A throw records the run as failed. */
  run(context: JobContext): Promise<JobCounts>;
}
