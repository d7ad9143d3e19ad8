import { createTestApp, organisationId, TestApp } from './support/test-app';

// staff administration inside one's jurisdiction, roles fit the organisation, duties separate.
describe('users (R-3, R-41)', () => {
  let t: TestApp;
  let gzAdmin: { Authorization: string };
  let instGz1: number;

  beforeAll(async () => {
    t = await createTestApp();
    gzAdmin = { Authorization: `Bearer ${await t.login('gz_admin')}` };
    instGz1 = await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校');
  });
  afterAll(() => t.close());

  it('a municipal admin creates an institution operator who must change the password at first login', async () => {
    const res = await t.http
      .post('/api/admin/users')
      .set(gzAdmin)
      .send({ username: 'inst_gz1_b', displayName: '陈小红', roles: ['institution_operator'], organisationId: instGz1, password: 'Start#2026x' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'inst_gz1_b', organisationName: '广州市白云区粤厨职业培训学校', mustChangePassword: true });
    expect(res.body.passwordHash).toBeUndefined();
    const login = await t.http.post('/api/auth/login').send({ username: 'inst_gz1_b', password: 'Start#2026x' });
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('refuses roles above the granter, roles that do not fit the organisation, and mixed duties', async () => {
    const above = await t.http
      .post('/api/admin/users')
      .set(gzAdmin)
      .send({ username: 'x_reviewer', displayName: '甲', roles: ['provincial_reviewer'], organisationId: instGz1, password: 'Start#2026x' });
    expect(above.status).toBe(403);
    const natAdmin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const misplaced = await t.http
      .post('/api/admin/users')
      .set(natAdmin)
      .send({ username: 'x_misplaced', displayName: '乙', roles: ['national_reviewer'], organisationId: instGz1, password: 'Start#2026x' });
    expect(misplaced.body.code).toBe('ROLE_LEVEL_MISMATCH');
    const nat = await organisationId(t.dataSource, '人力资源社会保障部职业技能鉴定中心');
    const mixed = await t.http
      .post('/api/admin/users')
      .set(natAdmin)
      .send({ username: 'x_mixed', displayName: '丙', roles: ['national_admin', 'auditor'], organisationId: nat, password: 'Start#2026x' });
    expect(mixed.body.code).toBe('ROLE_CONFLICT');
    expect(mixed.body.message).toContain('三权分立');
  });

  it('refuses a weak initial password and a duplicate username', async () => {
    const weak = await t.http
      .post('/api/admin/users')
      .set(gzAdmin)
      .send({ username: 'inst_weak', displayName: '丁', roles: ['institution_operator'], organisationId: instGz1, password: 'password' });
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    const dup = await t.http
      .post('/api/admin/users')
      .set(gzAdmin)
      .send({ username: 'inst_gz1', displayName: '戊', roles: ['institution_operator'], organisationId: instGz1, password: 'Start#2026x' });
    expect(dup.status).toBe(409);
  });

  it('disables an account (its sessions end at once) and enables it again', async () => {
    const token = await t.login('inst_gz1');
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'inst_gz1'");
    expect((await t.http.post(`/api/admin/users/${id}/disable`).set(gzAdmin)).body.disabled).toBe(true);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'inst_gz1', password: 'Demo@2026' })).status).toBe(401);
    expect((await t.http.post(`/api/admin/users/${id}/enable`).set(gzAdmin)).body.disabled).toBe(false);
    expect((await t.http.post('/api/auth/login').send({ username: 'inst_gz1', password: 'Demo@2026' })).status).toBe(200);
  });

  it('resets a password to a one-time temporary password that meets the policy', async () => {
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'gz_head'");
    // A municipal admin manages institution operators only, not the head of their own centre.
    expect((await t.http.post(`/api/admin/users/${id}/reset-password`).set(gzAdmin)).status).toBe(403);
    const res = await t.http.post(`/api/admin/users/${id}/reset-password`).set({ Authorization: `Bearer ${await t.login('gd_admin')}` });
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toHaveLength(12);
    expect((await t.http.post('/api/auth/login').send({ username: 'gz_head', password: 'Demo@2026' })).status).toBe(401);
    const login = await t.http.post('/api/auth/login').send({ username: 'gz_head', password: res.body.temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('filters the list by organisation and role', async () => {
    const res = await t.http
      .get('/api/admin/users')
      .query({ filter: JSON.stringify({ role: 'municipal_head' }) })
      .set({ Authorization: `Bearer ${await t.login('gd_admin')}` });
    expect(res.body.map((u: { username: string }) => u.username)).toEqual(['gz_head', 'sz_head']);
  });
});
