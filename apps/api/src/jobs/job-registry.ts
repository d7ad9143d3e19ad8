import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { JobDefinition } from './job-definition';

/**
 * The jobs of this application. Features register theirs when their module starts (onModuleInit), so this
 * module knows none of them; the scheduler picks every registered job up at bootstrap, and a later one at once.
 */
@Injectable()
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly listeners: ((job: JobDefinition) => void)[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws (a programming or configuration error, stopping start-up) on a duplicate name or a missing schedule. */
  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`定时任务 ${job.name} 重复登记`);
    if (this.cronOf(job) === undefined) {
      throw new Error(`定时任务 ${job.name} 缺少配置项 jobs.schedules.${job.scheduleKey}（cron 表达式）`);
    }
    this.jobs.set(job.name, job);
    for (const listener of this.listeners) listener(job);
  }

  get(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  all(): JobDefinition[] {
    return [...this.jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  cronOf(job: JobDefinition): string | undefined {
    return Object.hasOwn(this.config.jobs.schedules, job.scheduleKey)
      ? this.config.jobs.schedules[job.scheduleKey]
      : undefined;
  }

  /** Calls `listener` for every job registered from now on. */
  onRegister(listener: (job: JobDefinition) => void): void {
    this.listeners.push(listener);
  }
}
