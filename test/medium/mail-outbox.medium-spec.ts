import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { OutboxMail } from '../../apps/api/src/mail/entities/outbox-mail.entity';
import { MailModule } from '../../apps/api/src/mail/mail.module';
import { OutboxDispatchService } from '../../apps/api/src/mail/outbox-dispatch.service';
import { OutboxRepository } from '../../apps/api/src/mail/outbox.repository';
import { OutboxService } from '../../apps/api/src/mail/outbox.service';
import { SmtpSink } from '../e2e/support/smtp-sink';
import { createMediumContext, MediumContext } from './support/medium-context';

const NOW = '2026-11-23T01:30:00.000Z';
const BASE_SECONDS = 60;

const mailTo = (n: number) => ({
  recipient: `person${n}@demo.example.cn`,
  subject: `【证书数据监管平台】您有 ${n} 项待办即将到期`,
  text: `第 ${n} 封`,
  html: `<p>第 ${n} 封 &amp; <b>测试</b></p>`,
});

// the durable outbox — mails are rows written with what they report, sent by a dispatcher that claims each row
// before sending, retried with back-off, kept when they fail, sent exactly once by any number of dispatchers.
describe('mail outbox (medium, real SMTP server)', () => {
  let m: MediumContext;
  let sink: SmtpSink;
  let outbox: OutboxService;
  let dispatcher: OutboxDispatchService;

  const rows = () => m.dataSource.getRepository(OutboxMail).find({ order: { id: 'ASC' } });
  const enqueue = (count: number) =>
    m.get(UnitOfWork).run((manager) =>
      outbox.enqueue(
        manager,
        Array.from({ length: count }, (_, i) => mailTo(i + 1)),
      ),
    );

  async function open(env: Record<string, string> = {}) {
    m = await createMediumContext({
      imports: [JurisdictionModule, AuditModule, MailModule],
      now: NOW,
      env: {
        SMTP_URL: sink.url,
        MAIL_RETRY_BASE_SECONDS: String(BASE_SECONDS),
        MAIL_MAX_ATTEMPTS: '3',
        MAIL_BATCH_SIZE: '4',
        ...env,
      },
    });
    outbox = m.get(OutboxService);
    dispatcher = m.get(OutboxDispatchService);
  }

  beforeEach(async () => {
    sink = await new SmtpSink().start();
  });
  afterEach(async () => {
    await m?.close();
    await sink.stop();
  });

  it('two dispatchers running at once deliver each mail exactly once, marked sent with its message id', async () => {
    await open();
    await enqueue(10);
    const [a, b] = await Promise.all([dispatcher.dispatchPending(), dispatcher.dispatchPending()]);
    expect(a.sent + b.sent).toBe(10);
    expect(a.retried + b.retried + a.dead + b.dead).toBe(0);
    expect(sink.received).toHaveLength(10);
    expect([...sink.countsByRecipient().values()]).toEqual(Array(10).fill(1));
    const stored = await rows();
    expect(stored.every((r) => r.status === 'sent' && r.attempts === 1 && r.claimedBy === null)).toBe(true);
    expect(new Set(stored.map((r) => r.messageId))).toEqual(new Set(sink.received.map((r) => r.messageId)));
    expect(stored[0].sentAt?.toISOString()).toBe(NOW);
    // Nothing is left to send: running again sends nothing.
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(sink.received).toHaveLength(10);
    // The mail as received carries subject and both parts.
    const raw = sink.received.find((r) => r.to[0] === 'person1@demo.example.cn')?.raw ?? '';
    expect(raw).toMatch(/multipart\/alternative/);
    expect(raw).toMatch(/text\/html/);
  });

  it('concurrent claims at the same instant split the due mails: no row is claimed twice, none is missed', async () => {
    await open();
    await enqueue(12);
    const repository = m.get(OutboxRepository);
    const now = m.clock.now();
    const until = new Date(now.getTime() + 60_000);
    const claims = await Promise.all(
      ['a', 'b', 'c'].map((token) => repository.claimDue(`host:${token}`, now, until, 12)),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    const stored = await rows();
    for (const [i, claim] of claims.entries()) {
      for (const row of claim) expect(stored.find((r) => r.id === row.id)?.claimedBy).toBe(`host:${'abc'[i]}`);
    }
  });

  it('two application instances on one database dispatch at the same moment: each mail arrives once', async () => {
    await open();
    // A second instance: its own modules, connection pool and dispatcher, on the same database.
    const other = await createMediumContext({
      imports: [JurisdictionModule, AuditModule, MailModule],
      now: NOW,
      env: { DATABASE_URL: m.config.database.url, SMTP_URL: sink.url, MAIL_BATCH_SIZE: '3' },
    });
    try {
      await enqueue(20);
      const counts = await Promise.all([
        dispatcher.dispatchPending(),
        other.get(OutboxDispatchService).dispatchPending(),
        dispatcher.dispatchPending(),
        other.get(OutboxDispatchService).dispatchPending(),
      ]);
      expect(counts.reduce((n, c) => n + c.sent, 0)).toBe(20);
      expect(sink.received).toHaveLength(20);
      expect([...sink.countsByRecipient().values()]).toEqual(Array(20).fill(1));
      expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('a mail written in a transaction that rolls back never exists', async () => {
    await open();
    await expect(
      m.get(UnitOfWork).run(async (manager) => {
        await outbox.enqueue(manager, [mailTo(1)]);
        throw new Error('the events failed');
      }),
    ).rejects.toThrow('the events failed');
    expect(await rows()).toHaveLength(0);
  });

  it('with the server stopped mails stay pending with their next attempt; restarted, every mail arrives once', async () => {
    await open();
    await enqueue(6);
    await sink.stop();
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 6, dead: 0 });
    let stored = await rows();
    expect(stored.map((r) => [r.status, r.attempts])).toEqual(Array(6).fill(['pending', 1]));
    expect(stored[0].nextAttemptAt.toISOString()).toBe('2026-11-23T01:31:00.000Z');
    expect(stored[0].lastError).toMatch(/^无法连接邮件服务器（.*ECONNREFUSED/);
    // Not yet due: nothing is tried.
    m.clock.advance(59_000);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 0, dead: 0 });
    // Second failure: back-off doubles.
    m.clock.advance(1_000);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 6, dead: 0 });
    stored = await rows();
    expect(stored[0].attempts).toBe(2);
    expect(stored[0].nextAttemptAt.toISOString()).toBe('2026-11-23T01:33:00.000Z');

    await sink.start();
    m.clock.advance(120_000);
    const [a, b] = await Promise.all([dispatcher.dispatchPending(), dispatcher.dispatchPending()]);
    expect(a.sent + b.sent).toBe(6);
    expect(sink.received).toHaveLength(6);
    expect([...sink.countsByRecipient().values()]).toEqual(Array(6).fill(1));
    stored = await rows();
    expect(stored.map((r) => [r.status, r.attempts, r.lastError])).toEqual(Array(6).fill(['sent', 3, null]));
  });

  it('after the configured attempts a mail is dead, kept, and a retry by hand (audited) sends it', async () => {
    await open();
    await enqueue(1);
    await sink.stop();
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 1, dead: 0 });
    m.clock.advance(BASE_SECONDS * 1000);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 1, dead: 0 });
    m.clock.advance(2 * BASE_SECONDS * 1000);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 0, dead: 1 });
    const [dead] = await rows();
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    m.clock.advance(24 * 3600 * 1000);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 0, dead: 0 });

    const tree = await m.factories.tree();
    const admin = await m.factories.user(tree.national, ['national_admin']);
    const actor = m.factories.actor(admin, tree.national);
    await expect(outbox.retry(actor, dead.id + 1000)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const revived = await outbox.retry(actor, dead.id);
    expect(revived).toMatchObject({ status: 'pending', attempts: 0 });
    await expect(outbox.retry(actor, dead.id)).rejects.toMatchObject({ code: 'MAIL_NOT_DEAD' });
    const audit = await m.dataSource.query(
      "SELECT action, target_id AS targetId FROM audit_logs WHERE target_type = 'mail'",
    );
    expect(audit).toEqual([{ action: 'mail.retry', targetId: String(dead.id) }]);

    await sink.start();
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(sink.received).toHaveLength(1);
    await expect(outbox.retry(actor, dead.id)).rejects.toMatchObject({ code: 'MAIL_NOT_DEAD' });
  });

  it('a claim whose holder died expires, and another dispatcher then sends the mails once', async () => {
    await open({ MAIL_CLAIM_SECONDS: '300' });
    await enqueue(3);
    const now = m.clock.now();
    // A dispatcher claims and dies before sending.
    const claimed = await m.get(OutboxRepository).claimDue('dead-host:1:x', now, new Date(now.getTime() + 300_000), 10);
    expect(claimed).toHaveLength(3);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 0, dead: 0 });
    m.clock.advance(299_999);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 0, dead: 0 });
    m.clock.advance(2);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 3, retried: 0, dead: 0 });
    expect(sink.received).toHaveLength(3);
    // The dead holder's late report changes nothing.
    expect(
      await m
        .get(OutboxRepository)
        .markSent('dead-host:1:x', [{ id: claimed[0].id, messageId: '<late>' }], m.clock.now()),
    ).toBe(0);
    expect((await rows()).every((r) => r.status === 'sent' && r.messageId !== '<late>')).toBe(true);
  });

  it('sends more mails than one batch claims, in batches, in one run', async () => {
    await open();
    await enqueue(9);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 9, retried: 0, dead: 0 });
    expect(sink.received).toHaveLength(9);
  });

  it('without SMTP_URL mails stay pending and dispatch sends nothing', async () => {
    await open({ SMTP_URL: '' });
    await enqueue(2);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
    expect(sink.received).toHaveLength(0);
  });
});
