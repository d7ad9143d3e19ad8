import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { JobDefinition } from './job-definition';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';

/** Cron schedules are read in Beijing time (the product's deadlines are Beijing days, R-15). */
export const JOB_TIME_ZONE = 'Asia/Shanghai';
const PREFIX = 'job:';

/**
 * Registers every job with @nestjs/schedule's SchedulerRegistry (a `cron` CronJob in Asia/Shanghai) when
 * `jobs.enabled`; each tick goes through JobRunner, so of several instances one runs it and the others record a
 * skipped run. Off under NODE_ENV=test unless a test enables it.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobScheduler');
  private readonly scheduled: string[] = [];

  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobs.enabled) return;
    for (const job of this.registry.all()) this.schedule(job);
    this.registry.onRegister((job) => this.schedule(job));
  }

  /** No new runs; the runs under way finish, release their leases and are recorded before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const name of this.scheduled.splice(0)) this.scheduler.deleteCronJob(name);
    await this.runner.idle();
  }

  private schedule(job: JobDefinition): void {
    const cron = this.registry.cronOf(job) as string;
    const cronJob = CronJob.from({
      cronTime: cron,
      timeZone: JOB_TIME_ZONE,
      // A run still going when the next tick comes is not started twice by this instance.
      waitForCompletion: true,
      onTick: async () => {
        try {
          await this.runner.run(job, 'schedule');
        } catch (error) {
          this.logger.error({ err: error }, `定时任务 ${job.name} 未能运行`);
        }
      },
    });
    this.scheduler.addCronJob(PREFIX + job.name, cronJob);
    this.scheduled.push(PREFIX + job.name);
    cronJob.start();
    this.logger.log(`定时任务 ${job.name}：${cron}（${JOB_TIME_ZONE}）`);
  }
}
