import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import type { JobContext } from './job-definition';
import { JobsRepository } from './jobs.repository';

/** Rows one statement deletes: short transactions, so the runs being recorded meanwhile never wait long. */
const CHUNK = 1000;

/**
 * The `job-runs-prune` job: deletes run records older than `jobs.runRetentionDays` (every instance records a
 * skipped run at each tick of every job, so the table grows by thousands of rows a day), keeping each job's latest
 * run that took the lease, which the console shows as its last run. Leased and recorded like every job.
 */
@Injectable()
export class JobRunsPruningService {
  constructor(
    private readonly repository: JobsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async prune(context?: Pick<JobContext, 'signal'>): Promise<{ deleted: number; retentionDays: number }> {
    const retentionDays = this.config.jobs.runRetentionDays;
    const before = new Date(this.clock.now().getTime() - retentionDays * 86_400_000);
    const keep = await this.repository.latestRunIds();
    let deleted = 0;
    for (;;) {
      context?.signal.throwIfAborted();
      const n = await this.uow.run((manager) => this.repository.deleteRunsBefore(manager, before, keep, CHUNK));
      deleted += n;
      if (n < CHUNK) break;
    }
    return { deleted, retentionDays };
  }
}
