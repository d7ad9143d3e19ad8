import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobCounts, JobRunView, JobTrigger } from '@app/contracts';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { JobDefinition } from './job-definition';
import { JobRun } from './entities/job-run.entity';
import { JobsRepository } from './jobs.repository';

/** This process among the instances sharing the database: host, pid and a random part, fixed once per process. */
export const JOB_INSTANCE = Symbol('job instance id');
let processInstance: string | undefined;
export function processInstanceId(): string {
  processInstance ??= `${hostname().slice(0, 96)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  return processInstance;
}

const ERROR_LENGTH = 2000;

/**
 * The one way a job runs, scheduled or by hand: record the run, take the job's lease (or record the run as
 * skipped), renew the lease while the job works, release it and record the outcome, counts and error.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('JobRunner');
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly repository: JobsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_INSTANCE) readonly instance: string,
  ) {}

  /** Runs `job` now; resolves with its finished run record (`skipped` when the lease is held elsewhere). */
  run(
    job: JobDefinition,
    trigger: JobTrigger,
    options: Readonly<Record<string, unknown>> = {},
  ): Promise<JobRunView<Date>> {
    const running = this.runOnce(job, trigger, options);
    const tracked = running.catch(() => undefined);
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    return running;
  }

  /** Resolves when every run this instance started has ended (graceful shutdown: leases released, runs recorded). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private async runOnce(
    job: JobDefinition,
    trigger: JobTrigger,
    options: Readonly<Record<string, unknown>>,
  ): Promise<JobRunView<Date>> {
    const leaseMs = this.config.jobs.leaseSeconds * 1000;
    const startedAt = this.clock.now();
    const run = await this.uow.run((m) => this.repository.startRun(m, job.name, this.instance, trigger, startedAt));
    const token = randomUUID();
    const until = new Date(startedAt.getTime() + leaseMs);
    const lease = { job: job.name, holder: this.instance, token, now: startedAt, expiresAt: until };
    let taken: boolean;
    try {
      await this.uow.run((m) => this.repository.ensureLease(m, job.name));
      taken = await this.uow.run((m) => this.repository.takeLease(m, lease));
    } catch (error) {
      // The run is recorded as failed if the database still answers; the lease, if taken, expires on its own.
      const failed = { finishedAt: this.clock.now(), outcome: 'failed', counts: null, error: describe(error) } as const;
      await this.uow.run((m) => this.repository.finishRun(m, run.id, failed)).catch(() => undefined);
      throw error;
    }
    if (!taken) {
      const skipped = { finishedAt: startedAt, outcome: 'skipped', counts: null, error: null } as const;
      await this.uow.run((m) => this.repository.finishRun(m, run.id, skipped));
      return this.finished(run.id);
    }

    const lost = new AbortController();
    const renew = async () => {
      const now = this.clock.now();
      const kept = await this.uow.run((m) =>
        this.repository.renewLease(m, job.name, token, new Date(now.getTime() + leaseMs)),
      );
      if (!kept && !lost.signal.aborted) {
        this.logger.warn(`定时任务 ${job.name} 的租约已失效（运行 ${run.id}），其他实例可能已接手`);
        lost.abort(new Error('本次运行的租约已失效，其他实例可能已接手，运行中止'));
      }
    };
    // unref: a renewal timer never keeps a process alive; it stops with the run. A renewal still in flight when the
    // run ends is awaited before the release, so it cannot extend the lease after it was given back.
    let renewing: Promise<void> = Promise.resolve();
    let stopped = false;
    const timer = setInterval(() => {
      if (stopped) return;
      renewing = renew().catch((error: unknown) => this.logger.error({ err: error }, `定时任务 ${job.name} 续租失败`));
    }, leaseMs * this.config.jobs.renewFraction).unref();

    let counts: JobCounts | null = null;
    let error: string | null = null;
    try {
      counts = await job.run({ runId: run.id, trigger, instance: this.instance, signal: lost.signal, options });
    } catch (thrown) {
      error = describe(thrown);
      this.logger.error({ err: thrown }, `定时任务 ${job.name} 运行失败（运行 ${run.id}）`);
    } finally {
      stopped = true;
      clearInterval(timer);
      await renewing;
    }
    const finishedAt = this.clock.now();
    const outcome = error === null ? 'succeeded' : 'failed';
    await this.uow.run(async (m) => {
      await this.repository.releaseLease(m, job.name, token, finishedAt);
      await this.repository.finishRun(m, run.id, { finishedAt, outcome, counts, error });
    });
    return this.finished(run.id);
  }

  private async finished(id: number): Promise<JobRunView<Date>> {
    const row = await this.repository.findRun(id);
    if (!row) throw new Error(`job run ${id} vanished`);
    return runView(row);
  }
}

/** The run's error as the console shows it: the message, with the error's kind unless it is a plain Error. */
function describe(thrown: unknown): string {
  const text =
    thrown instanceof Error
      ? thrown.name === 'Error'
        ? thrown.message
        : `${thrown.name}: ${thrown.message}`
      : String(thrown);
  return text.slice(0, ERROR_LENGTH);
}

export function runView(run: JobRun): JobRunView<Date> {
  return {
    id: run.id,
    job: run.job,
    instance: run.instance,
    trigger: run.trigger,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    outcome: run.outcome,
    counts: run.counts === null ? null : (JSON.parse(run.counts) as JobCounts),
    error: run.error,
  };
}
