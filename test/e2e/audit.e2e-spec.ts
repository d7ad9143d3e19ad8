import { DEMO_PASSWORD } from '../../apps/api/src/seeds/demo-organisations';
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
    await t.http
      .put(`/api/admin/organisations/${inst}`)
      .set(gzAdmin)
      .send({ version: before.body.version, status: 'ceased' });
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
      actionLabel: '修改机构',
      targetName: '机构 广州番禺精工机械制造有限公司',
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
    // For the reader: the refusal's Chinese message, no code or path; the target is the organisation addressed.
    expect(res.body[0]).toMatchObject({
      actionLabel: '请求被拒绝',
      targetName: '机构 成都市锦江区蜀味烹饪职业技能培训学校',
    });
    expect(res.body[0].detailText).not.toMatch(/NOT_FOUND|\/api\/|PUT/);
    expect(res.body[0].detailText).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names targets as a person would: users by name, certificates by number, failures by their Chinese reason', async () => {
    await t.http.post('/api/auth/login').send({ username: 'gz_admin', password: 'wrong-Password1' });
    await t.login('gz_admin');
    const failed = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ username: 'gz_admin', action: 'auth.login', outcome: 'failure' }) })
      .set(auditor);
    expect(failed.body[0]).toMatchObject({ actionLabel: '登录', detailText: '用户名或密码错误' });

    const login = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ username: 'gz_admin', action: 'auth.login', outcome: 'success' }) })
      .set(auditor);
    expect(login.body[0].targetName).toBe('用户 林晓东（gz_admin）');

    const operator = { Authorization: `Bearer ${await t.login('inst_gz1')}` };
    const [certificate] = await t.dataSource.query(
      "SELECT c.id, c.certificate_number AS number FROM certificates c JOIN organisations o ON o.id = c.institution_id WHERE o.name = '广州市白云区粤厨职业培训学校' ORDER BY c.id LIMIT 1",
    );
    expect((await t.http.post(`/api/admin/certificates/${certificate.id}/reveal-id`).set(operator)).status).toBe(200);
    const reveal = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ action: 'certificate.id.reveal', targetId: String(certificate.id) }) })
      .set(auditor);
    expect(reveal.body[0]).toMatchObject({ actionLabel: '查看完整证件号码', targetName: `证书 ${certificate.number}` });
  });

  it("shows the demo batches' history as it would have been recorded: upload, submission, approvals, returns", async () => {
    const page = async (filter: object) =>
      (
        await t.http
          .get('/api/admin/audit-logs')
          .query({ filter: JSON.stringify(filter), range: '[0,499]' })
          .set(auditor)
      ).body as { action: string; username: string; at: string; targetName: string; actionLabel: string }[];
    const uploads = await page({ action: 'batch.upload', targetType: 'batch' });
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM batches WHERE parent_id IS NULL');
    expect(uploads.length).toBeGreaterThanOrEqual(Number(n));
    const first = uploads.find((r) => r.username === 'inst_gz1')!;
    expect(first).toMatchObject({
      actionLabel: '上传批次',
      targetName: expect.stringMatching(/^批次 #\d+ · 广州市白云区粤厨职业培训学校$/),
    });
    expect(new Date(first.at).getTime()).toBeLessThan(Date.now() - 86_400_000);
    expect((await page({ action: 'batch.publish' })).length).toBeGreaterThan(0);
    expect((await page({ action: 'batch.approve' })).length).toBeGreaterThan(0);
    expect(await page({ action: 'batch.return' })).toEqual([
      expect.objectContaining({ username: 'gd_reviewer', actionLabel: '整批退回' }),
    ]);
    expect(await page({ action: 'batch.return.partial' })).toEqual([
      expect.objectContaining({ username: 'gz_admin', actionLabel: '部分退回' }),
    ]);
    // The trail's order is its chain: seeded history and later records verify as one chain.
    const verified = await t.http.get('/api/admin/audit-logs/verify').set(auditor);
    expect(verified.body).toMatchObject({ ok: true });
  });

  it('filters by date range in Beijing days', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const inRange = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ from: today, to: today }) })
      .set(auditor);
    expect(inRange.body.length).toBeGreaterThan(0);
    const past = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ to: '2020-01-01' }) })
      .set(auditor);
    expect(past.body).toEqual([]);
  });

  it('verifies the chain, and names the first record after tampering or deletion', async () => {
    const ok = await t.http.get('/api/admin/audit-logs/verify').set(auditor);
    expect(ok.body).toMatchObject({ ok: true });
    expect(ok.body.checked).toBeGreaterThan(3);

    const [victim] = await t.dataSource.query(
      "SELECT id, seq FROM audit_logs WHERE action = 'auth.login' ORDER BY seq LIMIT 1",
    );
    await t.dataSource.query("UPDATE audit_logs SET username = 'someone_else' WHERE id = ?", [victim.id]);
    const tampered = await t.http.get('/api/admin/audit-logs/verify').set(auditor);
    expect(tampered.body).toMatchObject({ ok: false, firstBrokenId: Number(victim.id) });
    expect(tampered.body.reason).toContain('篡改');
  });
});

// the audit log is read within jurisdiction; only readers at the national centre see everything.
describe('audit log jurisdiction (R-3, R-38)', () => {
  let t: TestApp;
  let gdAuditor: { Authorization: string };
  let nationalAuditor: { Authorization: string };
  let guangdong: Set<number>;

  beforeAll(async () => {
    t = await createTestApp();
    nationalAuditor = { Authorization: `Bearer ${await t.login('auditor')}` };
    const natAdmin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    await t.login('gd_admin'); // a Guangdong actor's own records (login is audited)
    const gd = await organisationId(t.dataSource, '广东省职业技能服务指导中心');
    const created = await t.http
      .post('/api/admin/users')
      .set(natAdmin)
      .send({
        username: 'gd_auditor',
        displayName: '粤审计',
        password: 'Start#2026x',
        roles: ['auditor'],
        organisationId: gd,
      });
    expect(created.status).toBe(201);
    // The new auditor replaces the password an administrator chose, as at a first login.
    const first = await t.http.post('/api/auth/login').send({ username: 'gd_auditor', password: 'Start#2026x' });
    await t.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${first.body.token}`)
      .send({ currentPassword: 'Start#2026x', newPassword: DEMO_PASSWORD });
    const login = await t.http.post('/api/auth/login').send({ username: 'gd_auditor', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    gdAuditor = { Authorization: `Bearer ${login.body.token}` };
    // Records of 四川, of the national centre and of nobody (a failed login by an unknown username).
    await t.login('sc_reviewer');
    await t.login('nat_admin');
    await t.http.post('/api/auth/login').send({ username: 'no_such_user', password: 'whatever1A' });
    const rows: { id: number; path: string }[] = await t.dataSource.query('SELECT id, path FROM organisations');
    const gdPath = rows.find((r) => Number(r.id) === gd)!.path;
    guangdong = new Set(rows.filter((r) => r.path.startsWith(gdPath)).map((r) => Number(r.id)));
  });
  afterAll(() => t.close());

  const all = (auth: { Authorization: string }, filter: object = {}) =>
    t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify(filter), range: '[0,499]' })
      .set(auth);

  it('a provincial auditor sees only records of actors in 广东, never 四川, national or organisation-less ones', async () => {
    const res = await all(gdAuditor);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const row of res.body) expect(guangdong.has(row.organisationId)).toBe(true);
    const usernames = new Set(res.body.map((r: { username: string }) => r.username));
    expect(usernames.has('gd_admin')).toBe(true);
    for (const outsider of ['sc_reviewer', 'nat_admin', 'no_such_user', 'auditor']) {
      expect(usernames.has(outsider)).toBe(false);
    }
    expect(res.headers['content-range']).toBe(`audit-logs 0-${res.body.length - 1}/${res.body.length}`);
  });

  it("a provincial auditor cannot reach another province's record by id or by filter", async () => {
    const sichuan = await all(nationalAuditor, { username: 'sc_reviewer' });
    expect(sichuan.body.length).toBeGreaterThan(0);
    const byId = await all(gdAuditor, { id: sichuan.body.map((r: { id: number }) => r.id) });
    expect([byId.status, byId.body]).toEqual([200, []]);
    const byName = await all(gdAuditor, { username: 'sc_reviewer' });
    expect(byName.body).toEqual([]);
  });

  it('a national auditor sees every record, including failed logins by unknown usernames', async () => {
    const res = await all(nationalAuditor, { username: 'no_such_user' });
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ organisationId: null, outcome: 'failure' });
    const everything = await t.http.get('/api/admin/audit-logs').set(nationalAuditor);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_logs');
    expect(everything.headers['content-range']).toMatch(new RegExp(`/${Number(n)}$`));
  });

  it('a provincial auditor may verify the whole chain and learns only the verdict', async () => {
    const res = await t.http.get('/api/admin/audit-logs/verify').set(gdAuditor);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.checked).toBeUndefined();
    const national = await t.http.get('/api/admin/audit-logs/verify').set(nationalAuditor);
    expect(national.body).toMatchObject({ ok: true, checked: expect.any(Number) });
  });
});
