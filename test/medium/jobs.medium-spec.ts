import type { JobCounts } from '@app/contracts';
import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import type { JobContext, JobDefinition } from '../../apps/api/src/jobs/job-definition';
import { JobRegistry } from '../../apps/api/src/jobs/job-registry';
import { JobRunner } from '../../apps/api/src/jobs/job-runner';
import { JobsModule } from '../../apps/api/src/jobs/jobs.module';
import { JobsRepository } from '../../apps/api/src/jobs/jobs.repository';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { createMediumContext, MediumContext } from './support/medium-context';

const LEASE_MS = 1000;

/** A test-only job whose runs wait until the test opens the gate; counts how often it ran. */
function gatedJob(name = 'test-job', result: JobCounts = { done: 1 }) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const contexts: JobContext[] = [];
  const job: JobDefinition = {
    name,
    description: '测试任务',
    scheduleKey: 'test-job',
    async run(context) {
      contexts.push(context);
      await gate;
      return result;
    },
  };
  return { job, open, contexts };
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// The one job mechanism: a database lease per job decides which instance runs it; every run is recorded.
describe('scheduled jobs: leases and run records (medium)', () => {
  let m: MediumContext;
  let repository: JobsRepository;
  /** Two instances of the application on one database. */
  let a: JobRunner;
  let b: JobRunner;

  beforeEach(async () => {
    m = await createMediumContext({
      imports: [JurisdictionModule, AuditModule, JobsModule],
      // A one-second lease, renewed every 50 ms of real time; expiry is judged by the fixed clock.
      env: { JOB_LEASE_SECONDS: '1', JOB_LEASE_RENEW_FRACTION: '0.05', JOB_SCHEDULE_TEST_JOB: '0 3 * * *' },
    });
    repository = m.get(JobsRepository);
    a = m.get(JobRunner);
    b = new JobRunner(repository, m.get(UnitOfWork), m.clock, m.config, 'host-b:2:beef');
  });
  afterEach(() => m.close());

  const outcomes = async (job: string) =>
    (
      await m.dataSource.query<{ outcome: string | null }[]>('SELECT outcome FROM job_runs WHERE job = ? ORDER BY id', [
        job,
      ])
    ).map((r) => r.outcome);

  it('gives the lease to exactly one of several instances racing for it; the others are recorded as skipped', async () => {
    const { job, open, contexts } = gatedJob();
    const others = ['c', 'd', 'e'].map(
      (x) => new JobRunner(repository, m.get(UnitOfWork), m.clock, m.config, `host-${x}:3:cafe`),
    );
    const racing = Promise.all([a, b, ...others].map((runner) => runner.run(job, 'schedule')));
    await waitFor(
      async () => (await outcomes('test-job')).filter((o) => o === 'skipped').length === 4,
      'the losing runs',
    );
    open();
    const runs = await racing;
    expect(runs.map((r) => r.outcome).sort()).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'succeeded']);
    expect(contexts).toHaveLength(1);
    const winner = runs.find((r) => r.outcome === 'succeeded');
    expect(contexts[0].instance).toBe(winner?.instance);
    expect((await repository.findLease('test-job'))?.holder).toBe(winner?.instance);
    const skipped = runs.find((r) => r.outcome === 'skipped');
    expect(skipped).toMatchObject({ job: 'test-job', trigger: 'schedule', counts: null, error: null });
    expect(skipped?.finishedAt).toEqual(m.clock.now());
  });

  it('skips and records a second run while the first holds the lease, and runs again once it is released', async () => {
    const { job, open } = gatedJob();
    const first = a.run(job, 'schedule');
    await waitFor(async () => (await repository.findLease('test-job'))?.holder === a.instance, 'the lease');
    const second = await b.run(job, 'manual');
    expect(second).toMatchObject({ outcome: 'skipped', trigger: 'manual', instance: 'host-b:2:beef' });
    const sameInstance = await a.run(job, 'manual');
    expect(sameInstance.outcome).toBe('skipped');
    open();
    expect((await first).outcome).toBe('succeeded');
    expect((await b.run(job, 'manual')).outcome).toBe('succeeded');
    expect(await outcomes('test-job')).toEqual(['succeeded', 'skipped', 'skipped', 'succeeded']);
  });

  it('keeps the lease past its first expiry by renewing it while the run lasts', async () => {
    const { job, open } = gatedJob();
    const started = m.clock.now().getTime();
    const running = a.run(job, 'schedule');
    await waitFor(async () => (await repository.findLease('test-job'))?.holder === a.instance, 'the lease');
    m.clock.advance(900);
    await waitFor(
      async () => (await repository.findLease('test-job'))?.expiresAt.getTime() === started + 900 + LEASE_MS,
      'a renewal',
    );
    // Past the first expiry (started + 1000), inside the renewed one (started + 1900).
    m.clock.advance(900);
    expect((await b.run(job, 'schedule')).outcome).toBe('skipped');
    open();
    expect((await running).outcome).toBe('succeeded');
    // Released: free at once, not only at expiry.
    expect((await b.run(gatedJobDone(), 'schedule')).outcome).toBe('succeeded');
  });

  it('lets another instance take over when the holder died and its lease expired', async () => {
    // An instance that took the lease and died: nothing renews it any more.
    const now = m.clock.now();
    await m.get(UnitOfWork).run(async (manager) => {
      await repository.ensureLease(manager, 'test-job');
      await repository.takeLease(manager, {
        job: 'test-job',
        holder: 'dead-host:1:0000',
        token: 'dead-token',
        now,
        expiresAt: new Date(now.getTime() + LEASE_MS),
      });
    });
    expect((await b.run(gatedJobDone(), 'schedule')).outcome).toBe('skipped');
    m.clock.advance(LEASE_MS - 1);
    expect((await a.run(gatedJobDone(), 'schedule')).outcome).toBe('skipped');
    m.clock.advance(1);
    const takeover = await b.run(gatedJobDone({ mailed: 2 }), 'schedule');
    expect(takeover).toMatchObject({ outcome: 'succeeded', instance: 'host-b:2:beef', counts: { mailed: 2 } });
  });

  it('tells a run that stalled past its lease, and was taken over, that it lost the lease', async () => {
    const { job, open, contexts } = gatedJob();
    const stalled = a.run(job, 'schedule');
    await waitFor(() => contexts.length === 1, 'the run to start');
    // The holder stalled: its lease ran out before a renewal; another instance takes over and finishes.
    await m.dataSource.query('UPDATE job_leases SET expires_at = ? WHERE job = ?', [
      '2000-01-01 00:00:00.000',
      'test-job',
    ]);
    expect((await b.run(gatedJobDone(), 'schedule')).outcome).toBe('succeeded');
    await waitFor(() => contexts[0].signal.aborted, 'the stalled run to learn it lost the lease');
    open();
    await stalled;
    // Its release does not free a lease that is no longer its own.
    expect((await repository.findLease('test-job'))?.holder).toBe('host-b:2:beef');
  });

  it('lets shutdown wait for the runs under way, which release their leases and are recorded', async () => {
    const { job, open, contexts } = gatedJob();
    const running = a.run(job, 'schedule');
    await waitFor(() => contexts.length === 1, 'the run to start');
    let idle = false;
    const waiting = a.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).toBe(false);
    open();
    await waiting;
    expect((await running).outcome).toBe('succeeded');
    expect((await repository.findLease('test-job'))?.expiresAt).toEqual(m.clock.now());
  });

  it('records a failure with its error and frees the lease', async () => {
    const failing: JobDefinition = {
      name: 'test-job',
      description: '测试任务',
      scheduleKey: 'test-job',
      run: () => Promise.reject(new RangeError('邮件服务器不可用')),
    };
    const run = await a.run(failing, 'manual');
    expect(run).toMatchObject({ outcome: 'failed', counts: null, error: 'RangeError: 邮件服务器不可用' });
    expect(run.finishedAt).toEqual(m.clock.now());
    expect((await b.run(gatedJobDone(), 'schedule')).outcome).toBe('succeeded');
  });

  it('stores the counts a run reports', async () => {
    const run = await a.run(gatedJobDone({ mailed: 3, skippedNoEmail: 1 }), 'schedule');
    expect(run.counts).toEqual({ mailed: 3, skippedNoEmail: 1 });
    const [row] = await m.dataSource.query<{ counts: string }[]>('SELECT counts FROM job_runs WHERE id = ?', [run.id]);
    expect(JSON.parse(row.counts)).toEqual({ mailed: 3, skippedNoEmail: 1 });
  });

  it('lists registered jobs with their cron, next run in Beijing time and last run; refuses bad registrations', async () => {
    const registry = m.get(JobRegistry);
    registry.register(gatedJobDone());
    expect(() => registry.register(gatedJobDone())).toThrow(/test-job 重复登记/);
    expect(() => registry.register({ ...gatedJobDone(), name: 'other', scheduleKey: 'missing' })).toThrow(
      /jobs\.schedules\.missing/,
    );
    const service = m.get(JobsService);
    const listed = async () => (await service.list()).filter((j) => j.name === 'test-job');
    // Fixed clock: 2026-11-23 09:30 Beijing; '0 3 * * *' next fires 2026-11-24 03:00 Beijing.
    expect(await listed()).toEqual([
      {
        name: 'test-job',
        description: '测试任务',
        cron: '0 3 * * *',
        nextRunAt: new Date('2026-11-23T19:00:00Z'),
        lastRun: null,
      },
    ]);
    await a.run(gatedJobDone({ n: 1 }), 'schedule');
    const last = await a.run(gatedJobDone({ n: 2 }), 'schedule');
    const [testJob] = await listed();
    expect(testJob.lastRun).toMatchObject({ id: last.id, outcome: 'succeeded', counts: { n: 2 } });
  });

  it('prunes run records older than jobs.runRetentionDays, keeping each job its latest run that took the lease', async () => {
    const now = m.clock.now().getTime();
    const day = 86_400_000;
    const record = async (job: string, daysAgo: number, outcome: 'succeeded' | 'skipped' | 'failed' | null) => {
      const startedAt = new Date(now - daysAgo * day);
      const run = await m
        .get(UnitOfWork)
        .run((manager) => repository.startRun(manager, job, 'host-old:9:dead', 'schedule', startedAt));
      if (outcome) {
        await m
          .get(UnitOfWork)
          .run((manager) =>
            repository.finishRun(manager, run.id, { finishedAt: startedAt, outcome, counts: null, error: null }),
          );
      }
      return run.id;
    };
    const ids = {
      a100: await record('job-a', 100, 'succeeded'),
      a95: await record('job-a', 95, 'skipped'),
      a91: await record('job-a', 91, 'failed'),
      aDead: await record('job-a', 90.01, null), // a process that died mid-run, just past the retention
      a89: await record('job-a', 89.99, 'succeeded'),
      a1: await record('job-a', 1, 'skipped'),
      b200: await record('job-b', 200, 'succeeded'), // job-b's last real run: kept, whatever its age
      b150: await record('job-b', 150, 'skipped'),
      c120: await record('job-c', 120, 'skipped'),
    };
    const prune = m.get(JobRegistry).get('job-runs-prune');
    expect(prune).toBeDefined();
    expect(m.config.jobs.runRetentionDays).toBe(90);
    const run = await a.run(prune!, 'manual');
    expect(run).toMatchObject({ outcome: 'succeeded', counts: { deleted: 6, retentionDays: 90 } });
    const left = await m.dataSource.query<{ id: number }[]>('SELECT id FROM job_runs ORDER BY id');
    expect(left.map((r) => Number(r.id))).toEqual([ids.a89, ids.a1, ids.b200, run.id]);
    // Run again: nothing more to delete, the last runs stay.
    expect((await a.run(prune!, 'manual')).counts).toEqual({ deleted: 0, retentionDays: 90 });
  });
});

function gatedJobDone(result: JobCounts = { done: 1 }): JobDefinition {
  return { name: 'test-job', description: '测试任务', scheduleKey: 'test-job', run: () => Promise.resolve(result) };
}
