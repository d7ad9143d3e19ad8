import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { JobRunView, MyReminderItem } from '@app/contracts';
import { JobRun } from '../../apps/api/src/jobs/entities/job-run.entity';
import { OutboxMail } from '../../apps/api/src/mail/entities/outbox-mail.entity';
import { ReminderEvent } from '../../apps/api/src/reminders/entities/reminder-event.entity';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, TEST_TODAY, TestApp } from './support/test-app';

// over HTTP on the demo data ("today" 2026-11-23, a Monday): the national admin runs the reminder job,
// then the dispatch job delivers each digest once to a real SMTP server; 我的提醒 answers each person's items.
describe('deadline reminders (e2e)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: { Authorization: string };
  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  const runJob = async (name: string) => {
    const res = await t.http.post(`/api/admin/jobs/${name}/run`).set(admin);
    expect(res.status).toBe(200);
    const run = res.body as JobRunView;
    expect(run).toMatchObject({ job: name, trigger: 'manual', outcome: 'succeeded' });
    return run.counts as Record<string, number>;
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://console.example.cn' } });
    admin = await as('nat_admin');
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  it("my-reminders: the person's items today, overdue first, with who must act", async () => {
    const res = await t.http.get('/api/admin/my-reminders').set(await as('gz_admin'));
    expect(res.status).toBe(200);
    const items = res.body as MyReminderItem[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(items[0]).sort()).toEqual(
      [
        'batchId',
        'dueDate',
        'escalation',
        'event',
        'institutionId',
        'institutionName',
        'kind',
        'overdueWorkingDays',
        'recordCount',
        'responsibleOrganisation',
        'responsibleOrganisationId',
        'responsibleRole',
        'responsibleRoleLabel',
        'stageLabel',
        'status',
        'workingDaysLeft',
      ].sort(),
    );
    const events = items.map((i) => i.event);
    expect(events).toEqual([...events].sort((a, b) => (a === b ? 0 : a === 'overdue' ? -1 : 1)));
    // Due soon at 广州's municipal review, overdue there, and the overdue upload of an institution escalated to it.
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'review',
        status: 'municipal_review',
        event: 'due_soon',
        workingDaysLeft: 1,
        responsibleRole: 'municipal_admin',
        escalation: false,
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        status: 'municipal_review',
        event: 'overdue',
        overdueWorkingDays: 2,
        escalation: false,
      }),
    );
    expect(items).toContainEqual(expect.objectContaining({ kind: 'upload', event: 'overdue', escalation: true }));
    expect(items[0].dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const head = (await t.http.get('/api/admin/my-reminders').set(await as('gz_head'))).body as MyReminderItem[];
    expect(head.length).toBeGreaterThan(0);
    expect(head.every((i) => i.event === 'overdue' && i.escalation)).toBe(true);
    const province = (await t.http.get('/api/admin/my-reminders').set(await as('gd_admin'))).body as MyReminderItem[];
    expect(province).toContainEqual(
      expect.objectContaining({ status: 'provincial_review', event: 'overdue', escalation: true }),
    );
  });

  it('my-reminders: any staff member, not the auditor nor anonymous callers', async () => {
    expect((await t.http.get('/api/admin/my-reminders').set(await as('inst_gz1'))).status).toBe(200);
    expect((await t.http.get('/api/admin/my-reminders').set(await as('auditor'))).status).toBe(403);
    expect((await t.http.get('/api/admin/my-reminders')).status).toBe(401);
  });

  it('the reminder job run twice, then dispatch twice: each digest arrives exactly once', async () => {
    const first = await runJob('deadline-reminders');
    expect(first.mails).toBeGreaterThanOrEqual(5);
    expect(first.events).toBeGreaterThanOrEqual(first.mails);
    expect(first.skippedNoEmail).toBe(0);
    const second = await runJob('deadline-reminders');
    expect(second).toMatchObject({ events: 0, mails: 0, alreadySent: first.events });

    const sent = await runJob('outbox-dispatch');
    expect(sent).toEqual({ sent: first.mails, retried: 0, dead: 0 });
    expect(await runJob('outbox-dispatch')).toEqual({ sent: 0, retried: 0, dead: 0 });

    const counts = sink.countsByRecipient();
    expect(sink.received).toHaveLength(first.mails);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Due soon for 广州's data administrator; overdue at 广州's municipal and 广东's provincial stage, escalated.
    for (const who of ['gz_admin', 'gz_head', 'gd_reviewer', 'gd_admin', 'inst_gz1']) {
      expect(counts.get(`${who}@demo.example.cn`)).toBe(1);
    }
    const raw = sink.received.find((r) => r.to[0] === 'gz_head@demo.example.cn')?.raw ?? '';
    expect(raw).toMatch(/multipart\/alternative/);
  });
});

/**
 * A second application instance in its own Node process: the built server (`npm run build`, which npm test runs
 * first) on the same database, running deadline-reminders every second on its scheduler. Resolves when it listens.
 */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startSecondInstance(databaseUrl: string, smtpUrl: string): Promise<ChildProcess> {
  const main = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(main)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  const child = spawn(process.execPath, [main], {
    cwd: join(__dirname, '..', '..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(await freePort()),
      DATABASE_URL: databaseUrl,
      APP_TODAY: TEST_TODAY,
      LOAD_DEMO_DATA: 'false',
      SMTP_URL: smtpUrl,
      JOBS_ENABLED: 'true',
      JOB_SCHEDULE_DEADLINE_REMINDERS: '* * * * * *',
      // Dispatch is the test's: this instance only writes.
      JOB_SCHEDULE_OUTBOX_DISPATCH: '0 0 1 1 *',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('证书数据监管平台已启动')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`second instance exited (${code}): ${output}`)));
  });
}

// Issue: two application instances on one database run the reminder job at the same moment → each event is mailed
// once. This process runs it by hand at each second boundary while the other process's scheduler fires it on the
// same second; the lease lets one of them run, the unique key keeps any later run from mailing again.
describe('deadline reminders on two application processes (e2e)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let second: ChildProcess | undefined;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ env: { SMTP_URL: sink.url } });
    second = await startSecondInstance(t.database.url, sink.url);
  }, 60_000);
  afterAll(async () => {
    if (second && second.exitCode === null) {
      const exited = new Promise((resolve) => second?.once('exit', resolve));
      second.kill('SIGTERM');
      await exited;
    }
    await t?.close();
    await sink.stop();
  });

  it('both instances run the job at the same seconds: each event is inserted, mailed and delivered once', async () => {
    const admin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const runs = () =>
      t.dataSource.getRepository(JobRun).find({ where: { job: 'deadline-reminders' }, order: { id: 'ASC' } });
    const statuses: number[] = [];
    // Until both instances have finished runs (the other one's first tick may come after a few of ours).
    for (let i = 0; i < 40; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
      statuses.push((await t.http.post('/api/admin/jobs/deadline-reminders/run').set(admin)).status);
      const finished = (await runs()).filter((r) => r.outcome !== null);
      if (new Set(finished.map((r) => r.instance)).size >= 2 && i >= 3) break;
    }
    // The manual runs either ran (200) or found the other instance holding the lease (409 JOB_RUNNING).
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const finished = (await runs()).filter((r) => r.outcome !== null);
    expect(new Set(finished.map((r) => r.instance)).size).toBe(2);
    expect(finished.every((r) => r.outcome === 'succeeded' || r.outcome === 'skipped')).toBe(true);

    const counts = finished.filter((r) => r.counts !== null).map((r) => JSON.parse(r.counts as string));
    const events = await t.dataSource.getRepository(ReminderEvent).count();
    const mails = await t.dataSource.getRepository(OutboxMail).find();
    expect(events).toBeGreaterThanOrEqual(7);
    // Exactly the events and mails of one run, whichever instance made it; every later run found them sent.
    expect(counts.reduce((n, c) => n + c.events, 0)).toBe(events);
    expect(counts.filter((c) => c.events > 0)).toHaveLength(1);
    expect(counts.reduce((n, c) => n + c.mails, 0)).toBe(mails.length);
    expect(new Set(mails.map((m) => m.recipient)).size).toBe(mails.length);

    const dispatched = await t.http.post('/api/admin/jobs/outbox-dispatch/run').set(admin);
    expect(dispatched.body.counts).toEqual({ sent: mails.length, retried: 0, dead: 0 });
    expect(sink.received).toHaveLength(mails.length);
    expect([...sink.countsByRecipient().values()].every((n) => n === 1)).toBe(true);
    expect(sink.countsByRecipient().get('gz_head@demo.example.cn')).toBe(1);
  }, 60_000);
});
