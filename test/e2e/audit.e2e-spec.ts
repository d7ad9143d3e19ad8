import { createTestApp, organisationId, TestApp } from './support/test-app';

// every write is audited with who/what/before/after/IP/outcome; the trail is hash-chained.
describe('audit trail (R-38)', () => {
  let t: TestApp;
  let auditor: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    auditor = { Authorization: `Bearer ${await t.login('auditor')}` };
  });
  afterAll(() => t.close());

  it('records a write with person, organisation, role, before/after, IP and outcome', async () => {
    const gzAdmin = { Authorization: `Bearer ${await t.login('gz_admin')}` };
    const inst = await organisationId(t.dataSource, '广州番禺精工机械制造有限公司');
    const before = await t.http.get(`/api/admin/organisations/${inst}`).set(gzAdmin);
    await t.http.put(`/api/admin/organisations/${inst}`).set(gzAdmin).send({ version: before.body.version, status: 'ceased' });
    const res = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ action: 'organisation.update', targetId: String(inst) }) })
      .set(auditor);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      username: 'gz_admin',
      organisationName: '广州市职业技能鉴定指导中心',
      role: 'municipal_admin',
      targetType: 'organisation',
      outcome: 'success',
      before: expect.objectContaining({ status: 'active' }),
      after: expect.objectContaining({ status: 'ceased' }),
    });
    expect(res.body[0].ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('records refused writes as failures', async () => {
    const gzAdmin = { Authorization: `Bearer ${await t.login('gz_admin')}` };
    const cd = await organisationId(t.dataSource, '成都市锦江区蜀味烹饪职业技能培训学校');
    await t.http.put(`/api/admin/organisations/${cd}`).set(gzAdmin).send({ version: 1, name: '越权' });
    const res = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ username: 'gz_admin', outcome: 'failure' }) })
      .set(auditor);
    expect(res.body[0].detail).toContain('NOT_FOUND');
  });

  it('filters by date range in Beijing days', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const inRange = await t.http.get('/api/admin/audit-logs').query({ filter: JSON.stringify({ from: today, to: today }) }).set(auditor);
    expect(inRange.body.length).toBeGreaterThan(0);
    const past = await t.http.get('/api/admin/audit-logs').query({ filter: JSON.stringify({ to: '2020-01-01' }) }).set(auditor);
    expect(past.body).toEqual([]);
  });

  it('verifies the chain, and names the first record after tampering or deletion', async () => {
    const ok = await t.http.get('/api/admin/audit-logs/verify').set(auditor);
    expect(ok.body).toMatchObject({ ok: true });
    expect(ok.body.checked).toBeGreaterThan(3);

    const [victim] = await t.dataSource.query("SELECT id, seq FROM audit_logs WHERE action = 'auth.login' ORDER BY seq LIMIT 1");
    await t.dataSource.query("UPDATE audit_logs SET username = 'someone_else' WHERE id = ?", [victim.id]);
    const tampered = await t.http.get('/api/admin/audit-logs/verify').set(auditor);
    expect(tampered.body).toMatchObject({ ok: false, firstBrokenId: Number(victim.id) });
    expect(tampered.body.reason).toContain('篡改');

  });
});
