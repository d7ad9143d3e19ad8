import { SchedulerRegistry } from '@nestjs/schedule';
import type { JobCounts, JobRunView, JobView } from '@app/contracts';
import { loadConfig } from '../../apps/api/src/config/app-config';
import type { JobDefinition } from '../../apps/api/src/jobs/job-definition';
import { JobRegistry } from '../../apps/api/src/jobs/job-registry';
import { createTestApp, TestApp } from './support/test-app';

type Headers = { Authorization: string };

// The jobs endpoints' HTTP contract. The application has no product job in this part yet, so the test registers
// its own job through the public registry (what features do in onModuleInit) and drives it from outside.
describe('scheduled jobs endpoints (e2e)', () => {
  let t: TestApp;
  let admin: Headers;
  let open: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  let result: () => Promise<JobCounts> = () => Promise.resolve({ checked: 4 });
  /** Runs that got past the lease into the job's work. */
  let entered = 0;

  const job: JobDefinition = {
    name: 'e2e-test-job',
    description: '端到端测试任务',
    scheduleKey: 'e2e-test-job',
    async run() {
      entered += 1;
      await gate;
      return result();
    },
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { JOB_SCHEDULE_E2E_TEST_JOB: '15 2 * * 1-5' } });
    t.app.get(JobRegistry).register(job);
    admin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
  });
  afterAll(() => t.close());

  it('is for the national administrator only: 403 for other roles', async () => {
    for (const username of ['gd_admin', 'auditor', 'gd_reviewer']) {
      const other = { Authorization: `Bearer ${await t.login(username)}` };
      for (const res of [
        await t.http.get('/api/admin/jobs').set(other),
        await t.http.post('/api/admin/jobs/e2e-test-job/run').set(other),
        await t.http.get('/api/admin/job-runs').set(other),
      ]) {
        expect(res.status).toBe(403);
      }
    }
    expect((await t.http.get('/api/admin/jobs')).status).toBe(401);
    expect(await t.dataSource.query('SELECT id FROM job_runs')).toEqual([]);
  });

  it('runs a job now, answering with the finished run record, and audits it', async () => {
    const res = await t.http.post('/api/admin/jobs/e2e-test-job/run').set(admin);
    expect(res.status).toBe(200);
    const run = res.body as JobRunView;
    expect(run).toMatchObject({
      job: 'e2e-test-job',
      trigger: 'manual',
      outcome: 'succeeded',
      counts: { checked: 4 },
      error: null,
    });
    expect(typeof run.instance).toBe('string');
    expect(Date.parse(run.finishedAt as string)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    const [audit] = await t.dataSource.query<{ username: string; target_id: string; outcome: string }[]>(
      "SELECT username, target_id, outcome FROM audit_logs WHERE action = 'jobs.run' ORDER BY id DESC",
    );
    expect(audit).toEqual({ username: 'nat_admin', target_id: 'e2e-test-job', outcome: 'success' });
  });

  it('answers a failed run with its error, audited as a failure', async () => {
    result = () => Promise.reject(new Error('测试失败'));
    try {
      const res = await t.http.post('/api/admin/jobs/e2e-test-job/run').set(admin);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ outcome: 'failed', counts: null, error: '测试失败' });
    } finally {
      result = () => Promise.resolve({ checked: 4 });
    }
    const [audit] = await t.dataSource.query<{ outcome: string }[]>(
      "SELECT outcome FROM audit_logs WHERE action = 'jobs.run' ORDER BY id DESC",
    );
    expect(audit.outcome).toBe('failure');
  });

  it('answers 409 JOB_RUNNING while the lease is held, and records that run as skipped', async () => {
    gate = new Promise((resolve) => (open = resolve));
    const first = t.http
      .post('/api/admin/jobs/e2e-test-job/run')
      .set(admin)
      .then((r) => r);
    try {
      // Only once the first run holds the lease and works (it waits at the gate) is the second one sent.
      const before = entered;
      for (let i = 0; i < 1000 && entered === before; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(entered).toBe(before + 1);
      const second = await t.http.post('/api/admin/jobs/e2e-test-job/run').set(admin);
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('JOB_RUNNING');
      expect(second.body.message).toMatch(/正在运行/);
      expect(entered).toBe(before + 1);
    } finally {
      open();
      gate = Promise.resolve();
    }
    expect((await first).body.outcome).toBe('succeeded');
    const skipped = await t.http.get('/api/admin/job-runs').query({ filter: '{"outcome":"skipped"}' }).set(admin);
    expect(skipped.body).toMatchObject([{ job: 'e2e-test-job', trigger: 'manual', outcome: 'skipped' }]);
  });

  it('answers 404 for an unknown job', async () => {
    const res = await t.http.post('/api/admin/jobs/no-such-job/run').set(admin);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('lists jobs with cron, next run and last run', async () => {
    const res = await t.http.get('/api/admin/jobs').set(admin);
    expect(res.status).toBe(200);
    const jobs = res.body as JobView[];
    // The application's own jobs (mail and reminders) and the one this suite registered, by name.
    expect(jobs.map((j) => j.name)).toEqual([
      'deadline-reminders',
      'e2e-test-job',
      'job-runs-prune',
      'outbox-dispatch',
      'rate-limit-prune',
      'screening',
    ]);
    expect(jobs.find((j) => j.name === 'job-runs-prune')).toMatchObject({ cron: '15 3 * * *' });
    expect(jobs.find((j) => j.name === 'deadline-reminders')).toMatchObject({ cron: '30 8 * * *' });
    const listed = jobs.find((j) => j.name === 'e2e-test-job') as JobView;
    expect(listed).toMatchObject({ description: '端到端测试任务', cron: '15 2 * * 1-5' });
    // The newest run that took the lease: the skipped run started later but is not shown here.
    const [newestReal] = await t.dataSource.query<{ id: number }[]>(
      "SELECT MAX(id) AS id FROM job_runs WHERE outcome <> 'skipped'",
    );
    expect(listed.lastRun).toMatchObject({ id: Number(newestReal.id), job: 'e2e-test-job', outcome: 'succeeded' });
    // 02:15 Beijing is 18:15 UTC the day before, on a weekday.
    expect(listed.nextRunAt).toMatch(/T18:15:00\.000Z$/);
    expect(Date.parse(listed.nextRunAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists runs as a react-admin list: filters, sort, Content-Range; refuses unknown filters', async () => {
    const all = await t.http.get('/api/admin/job-runs').set(admin);
    expect(all.status).toBe(200);
    const runs = all.body as JobRunView[];
    expect(runs.length).toBe(4);
    expect(all.headers['content-range']).toBe('job-runs 0-3/4');
    expect(runs.map((r) => r.id)).toEqual([...runs.map((r) => r.id)].sort((x, y) => y - x));

    const page = await t.http
      .get('/api/admin/job-runs')
      .query({ sort: '["id","ASC"]', range: '[1,2]', filter: '{"job":"e2e-test-job"}' })
      .set(admin);
    expect(page.headers['content-range']).toBe('job-runs 1-2/4');
    expect((page.body as JobRunView[]).map((r) => r.id)).toEqual([runs[2].id, runs[1].id]);

    const failed = await t.http
      .get('/api/admin/job-runs')
      .query({ filter: '{"outcome":["failed","skipped"]}' })
      .set(admin);
    expect((failed.body as JobRunView[]).map((r) => r.outcome).sort()).toEqual(['failed', 'skipped']);
    expect(failed.headers['content-range']).toBe('job-runs 0-1/2');

    const none = await t.http.get('/api/admin/job-runs').query({ filter: '{"job":"other"}' }).set(admin);
    expect(none.body).toEqual([]);
    expect(none.headers['content-range']).toBe('job-runs 0-0/0');

    const bad = await t.http.get('/api/admin/job-runs').query({ filter: '{"outcome":"running"}' }).set(admin);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_QUERY');
  });

  it('hands a JSON body to the job as its options: screening with { full: true } scans everything', async () => {
    const res = await t.http.post('/api/admin/jobs/screening/run').set(admin).send({ full: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ job: 'screening', trigger: 'manual', outcome: 'succeeded' });
    expect(res.body.counts).toMatchObject({ full: 1 });
    expect(res.body.counts.scanned).toBeGreaterThan(0);
  });
});

describe('scheduled jobs configuration and scheduling (e2e)', () => {
  it('stops start-up on a cron expression that does not parse, naming the key and its variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', JOB_SCHEDULE_DEADLINE_REMINDERS: '61 8 * * *' })).toThrow(
      /配置项 jobs\.schedules\.deadline-reminders（环境变量 JOB_SCHEDULE_DEADLINE_REMINDERS） 无效：不是有效的 cron 表达式/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', JOB_SCHEDULE_OUTBOX_DISPATCH: 'every minute' })).toThrow(
      /jobs\.schedules\.outbox-dispatch/,
    );
    const config = loadConfig({ NODE_ENV: 'development', JOB_SCHEDULE_DEADLINE_REMINDERS: '0 9 * * 1-5' });
    expect(config.jobs.schedules).toMatchObject({
      'deadline-reminders': '0 9 * * 1-5',
      'outbox-dispatch': '* * * * *',
    });
    expect(config.jobs.enabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).jobs.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'true' }).jobs.enabled).toBe(true);
    expect(config.jobs.runRetentionDays).toBe(90);
    expect(loadConfig({ NODE_ENV: 'test', JOB_RUN_RETENTION_DAYS: '30' }).jobs.runRetentionDays).toBe(30);
    expect(() => loadConfig({ NODE_ENV: 'test', JOB_RUN_RETENTION_DAYS: '0' })).toThrow(
      /配置项 jobs\.runRetentionDays（环境变量 JOB_RUN_RETENTION_DAYS） 无效/,
    );
  });

  it('fires no job under test unless enabled; enabled, registers each job as a cron job that runs on schedule', async () => {
    const ticks: string[] = [];
    const everySecond = (name: string): JobDefinition => ({
      name,
      description: '每秒测试任务',
      scheduleKey: 'e2e-every-second',
      run: (context) => {
        ticks.push(`${name}:${context.trigger}`);
        return Promise.resolve({});
      },
    });
    const env = { JOB_SCHEDULE_E2E_EVERY_SECOND: '* * * * * *' };
    const off = await createTestApp({ env });
    try {
      off.app.get(JobRegistry).register(everySecond('off'));
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(off.app.get(SchedulerRegistry).getCronJobs().size).toBe(0);
      expect(ticks).toEqual([]);
    } finally {
      await off.close();
    }

    const on = await createTestApp({ env: { ...env, JOBS_ENABLED: 'true' } });
    try {
      on.app.get(JobRegistry).register(everySecond('on'));
      const registry = on.app.get(SchedulerRegistry);
      expect([...registry.getCronJobs().keys()].sort()).toEqual([
        'job:deadline-reminders',
        'job:job-runs-prune',
        'job:on',
        'job:outbox-dispatch',
        'job:rate-limit-prune',
        'job:screening',
      ]);
      // One @nestjs/schedule root for the whole application: the error-report sweep is registered once.
      expect(registry.getIntervals()).toHaveLength(1);
      for (let i = 0; i < 1000 && ticks.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(ticks[0]).toBe('on:schedule');
      const [run] = await on.dataSource.query<{ run_trigger: string; outcome: string | null }[]>(
        "SELECT run_trigger, outcome FROM job_runs WHERE job = 'on' ORDER BY id",
      );
      expect(run.run_trigger).toBe('schedule');
    } finally {
      await on.close();
    }
    expect(on.app.get(SchedulerRegistry).getCronJobs().size).toBe(0);
  });
});
