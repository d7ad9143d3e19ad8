import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import { OutboxMail } from '../../apps/api/src/mail/entities/outbox-mail.entity';
import { OutboxService } from '../../apps/api/src/mail/outbox.service';
import { createTestApp, TestApp } from './support/test-app';

// the national administrator reads the mail outbox and retries dead mails; nobody else reaches it.
describe('mail outbox HTTP contract', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let ids: { pending: number; dead: number; hostile: number };

  beforeAll(async () => {
    t = await createTestApp();
    admin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const outbox = t.app.get(OutboxService);
    await t.app.get(UnitOfWork).run((manager) =>
      outbox.enqueue(manager, [
        {
          recipient: 'gz_admin@demo.example.cn',
          subject: '【证书数据监管平台】您有 1 项待办即将到期',
          text: 'a',
          html: '<p>a</p>',
        },
        {
          recipient: 'gd_admin@demo.example.cn',
          subject: '【证书数据监管平台】您有 2 项待办已逾期',
          text: 'b',
          html: '<p>b</p>',
        },
        {
          recipient: 'gz_head@demo.example.cn',
          subject: '【证书数据监管平台】您有 1 项待办已逾期',
          text: '机构 <A&B> "一"',
          html: '<p>机构 &lt;A&amp;B&gt; &quot;一&quot;</p>',
        },
      ]),
    );
    const rows = await t.dataSource.getRepository(OutboxMail).find({ order: { id: 'ASC' } });
    await t.dataSource
      .getRepository(OutboxMail)
      .update({ id: rows[1].id }, { status: 'dead', attempts: 8, lastError: 'connect ECONNREFUSED 127.0.0.1:25' });
    ids = { pending: rows[0].id, dead: rows[1].id, hostile: rows[2].id };
  });
  afterAll(() => t.close());

  it.each(['gd_admin', 'gz_admin', 'nat_reviewer', 'auditor', 'inst_gz1'])('refuses %s with 403', async (username) => {
    const other = { Authorization: `Bearer ${await t.login(username)}` };
    expect((await t.http.get('/api/admin/outbox').set(other)).status).toBe(403);
    expect((await t.http.get(`/api/admin/outbox/${ids.pending}`).set(other)).status).toBe(403);
    expect((await t.http.post(`/api/admin/outbox/${ids.dead}/retry`).set(other)).status).toBe(403);
  });

  it('refuses anonymous requests with 401', async () => {
    expect((await t.http.get('/api/admin/outbox')).status).toBe(401);
  });

  it('lists newest first with Content-Range, without the bodies', async () => {
    const res = await t.http
      .get('/api/admin/outbox')
      .query({ range: JSON.stringify([0, 1]) })
      .set(admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('outbox 0-1/3');
    expect(res.body.map((m: { id: number }) => m.id)).toEqual([ids.hostile, ids.dead]);
    expect(res.body[1]).toMatchObject({
      recipient: 'gd_admin@demo.example.cn',
      status: 'dead',
      attempts: 8,
      lastError: 'connect ECONNREFUSED 127.0.0.1:25',
    });
    expect(res.body[1]).toHaveProperty('nextAttemptAt');
    expect(res.body[1]).not.toHaveProperty('html');
    expect(res.body[1]).not.toHaveProperty('text');
    expect(res.body[1]).not.toHaveProperty('claimedBy');
  });

  it.each([
    [{ status: 'dead' }, ['dead']],
    [{ status: 'pending' }, ['hostile', 'pending']],
    [{ recipient: 'gz_' }, ['hostile', 'pending']],
    [{ recipient: 'GD_ADMIN@demo' }, ['dead']],
  ] as const)('filters by %j', async (filter, expected) => {
    const res = await t.http
      .get('/api/admin/outbox')
      .query({ filter: JSON.stringify(filter) })
      .set(admin);
    expect(res.status).toBe(200);
    expect(res.body.map((m: { id: number }) => m.id)).toEqual(expected.map((key) => ids[key]));
    expect(res.headers['content-range']).toBe(`outbox 0-${expected.length - 1}/${expected.length}`);
  });

  it.each([{ status: 'lost' }, { nope: 1 }])('refuses the filter %j with 400', async (filter) => {
    const res = await t.http
      .get('/api/admin/outbox')
      .query({ filter: JSON.stringify(filter) })
      .set(admin);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_QUERY');
  });

  it('shows one mail with subject, text and HTML as stored', async () => {
    const res = await t.http.get(`/api/admin/outbox/${ids.hostile}`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids.hostile,
      recipient: 'gz_head@demo.example.cn',
      subject: '【证书数据监管平台】您有 1 项待办已逾期',
      text: '机构 <A&B> "一"',
      html: '<p>机构 &lt;A&amp;B&gt; &quot;一&quot;</p>',
      status: 'pending',
      attempts: 0,
    });
    expect((await t.http.get('/api/admin/outbox/999999').set(admin)).status).toBe(404);
  });

  it('retries a dead mail (back to pending, audited); any other mail is 422 MAIL_NOT_DEAD', async () => {
    const refused = await t.http.post(`/api/admin/outbox/${ids.pending}/retry`).set(admin);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'MAIL_NOT_DEAD', message: '只有已放弃发送的邮件才能重新发送' });
    expect((await t.http.post('/api/admin/outbox/999999/retry').set(admin)).status).toBe(404);

    const res = await t.http.post(`/api/admin/outbox/${ids.dead}/retry`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids.dead, status: 'pending', attempts: 0 });
    const again = await t.http.post(`/api/admin/outbox/${ids.dead}/retry`).set(admin);
    expect(again.status).toBe(422);

    const auditor = { Authorization: `Bearer ${await t.login('auditor')}` };
    const audit = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ action: 'mail.retry' }) })
      .set(auditor);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({
      username: 'nat_admin',
      targetType: 'mail',
      targetId: String(ids.dead),
      before: expect.objectContaining({ status: 'dead', attempts: 8 }),
      after: { status: 'pending' },
    });
  });
});
