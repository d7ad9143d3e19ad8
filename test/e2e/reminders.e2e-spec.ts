import type { JobRunView, MyReminderItem } from '@app/contracts';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, TestApp } from './support/test-app';

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
