import type { INestApplicationContext } from '@nestjs/common';
import type { JobRunView } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../database/unit-of-work';
import { JobRegistry } from '../jobs/job-registry';
import { JobRunner } from '../jobs/job-runner';

const SYSTEM = { userId: null, username: 'system', organisationId: null, roles: ['system'], ip: '' };

/**
 * screens a freshly loaded demo once, so 疑似问题 shows the demo's flags from the first start. It runs as every
 * job runs (JobRunner: leased, recorded in the run history, `{ "full": true }`) and is audited as a manual run is,
 * by the system. Answers the run, or null when the application has no screening job.
 */
export async function runDemoScreening(app: INestApplicationContext): Promise<JobRunView<Date> | null> {
  const job = app.get(JobRegistry).get('screening');
  if (!job) return null;
  const options = { full: true };
  const run = await app.get(JobRunner).run(job, 'manual', options);
  await app.get(UnitOfWork).run((manager) =>
    app.get(AuditService).record(manager, SYSTEM, {
      action: 'jobs.run',
      targetType: 'job',
      targetId: job.name,
      after: { ...run, options },
      outcome: run.outcome === 'succeeded' ? 'success' : 'failure',
      detail: run.error ?? '装入演示数据后的首次筛查',
    }),
  );
  return run;
}
