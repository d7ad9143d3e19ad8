import { Injectable } from '@nestjs/common';
import { CronTime } from 'cron';
import { DomainError } from '@app/domain';
import { JOB_OUTCOMES, type JobRunView, type JobView } from '@app/contracts';
import type { Actor } from '../common/actor/actor';
import { subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { defineList, QueryOf } from '../common/http/list-query';
import { UnitOfWork } from '../database/unit-of-work';
import { AuditService } from '../audit/audit.service';
import { JobRegistry } from './job-registry';
import { JOB_ERRORS } from './jobs.errors';
import { JobRunner, runView } from './job-runner';
import { JOB_TIME_ZONE } from './job-scheduler';
import { JobsRepository } from './jobs.repository';

export const JOB_RUN_LIST = defineList({
  resource: 'job-runs',
  sort: { id: 'r.id', job: 'r.job', startedAt: 'r.startedAt', finishedAt: 'r.finishedAt', outcome: 'r.outcome' },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 'r.id',
  filters: {
    job: { type: 'text', column: 'r.job', maxLength: 64 },
    outcome: { type: 'enumList', values: JOB_OUTCOMES, column: 'r.outcome' },
  },
});

/** The jobs console's use cases: what is scheduled, run one now, the run history (national_admin). */
@Injectable()
export class JobsService {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly repository: JobsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<JobView<Date>[]> {
    const jobs = this.registry.all();
    const lastRuns = await this.repository.lastRuns(jobs.map((j) => j.name));
    const now = this.clock.now();
    return jobs.map((job) => {
      const cron = this.registry.cronOf(job) as string;
      const last = lastRuns.get(job.name);
      return {
        name: job.name,
        description: job.description,
        cron,
        nextRunAt: new CronTime(cron, JOB_TIME_ZONE).getNextDateFrom(now, JOB_TIME_ZONE).toJSDate(),
        lastRun: last ? runView(last) : null,
      };
    });
  }

  /**
   * Runs the job now and answers with its finished run. A run that found the lease held elsewhere is recorded as
   * skipped and answered 409 JOB_RUNNING. Audited like other administrative actions, failed runs included.
   */
  async runNow(actor: Actor, name: string, options: Readonly<Record<string, unknown>> = {}): Promise<JobRunView<Date>> {
    const job = this.registry.get(name);
    if (!job) throw new DomainError('NOT_FOUND', '没有这个定时任务');
    const run = await this.runner.run(job, 'manual', options);
    if (run.outcome === 'skipped') throw new DomainError('JOB_RUNNING', JOB_ERRORS.JOB_RUNNING.message);
    await this.uow.run((manager) =>
      this.audit.record(manager, subjectOf(actor), {
        action: 'jobs.run',
        targetType: 'job',
        targetId: job.name,
        after: Object.keys(options).length ? { ...run, options } : run,
        outcome: run.outcome === 'succeeded' ? 'success' : 'failure',
        detail: run.error,
      }),
    );
    return run;
  }

  async listRuns(query: QueryOf<typeof JOB_RUN_LIST>): Promise<{ rows: JobRunView<Date>[]; total: number }> {
    const page = await this.repository.listRunsPage(query);
    return { rows: page.rows.map(runView), total: page.total };
  }
}
