import { generate } from 'otplib';
import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
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

  /** The audit records of `action` on user `id`, oldest first, with before/after parsed. */
  const auditsOf = async (action: string, id: number) =>
    (
      await t.dataSource.getRepository(AuditLog).find({ where: { action, targetId: String(id) }, order: { id: 'ASC' } })
    ).map((r) => ({
      username: r.username,
      outcome: r.outcome,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    }));

  const createUser = (auth: { Authorization: string }, body: Record<string, unknown>) =>
    t.http.post('/api/admin/users').set(auth).send(body);

  it('a municipal admin creates an institution operator who must change the password at first login', async () => {
    const res = await createUser(gzAdmin, {
      username: 'inst_gz1_b',
      displayName: '陈小红',
      roles: ['institution_operator'],
      organisationId: instGz1,
      password: 'Start#2026x',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'inst_gz1_b',
      organisationName: '广州市白云区粤厨职业培训学校',
      mustChangePassword: true,
    });
    expect(res.body.passwordHash).toBeUndefined();
    const login = await t.http.post('/api/auth/login').send({ username: 'inst_gz1_b', password: 'Start#2026x' });
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('refuses roles above the granter, roles that do not fit the organisation, and mixed duties', async () => {
    const above = await createUser(gzAdmin, {
      username: 'x_reviewer',
      displayName: '甲',
      roles: ['provincial_reviewer'],
      organisationId: instGz1,
      password: 'Start#2026x',
    });
    expect(above.status).toBe(403);
    const natAdmin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const misplaced = await createUser(natAdmin, {
      username: 'x_misplaced',
      displayName: '乙',
      roles: ['national_reviewer'],
      organisationId: instGz1,
      password: 'Start#2026x',
    });
    expect(misplaced.body.code).toBe('ROLE_LEVEL_MISMATCH');
    const nat = await organisationId(t.dataSource, '人力资源社会保障部职业技能鉴定中心');
    const mixed = await createUser(natAdmin, {
      username: 'x_mixed',
      displayName: '丙',
      roles: ['national_admin', 'auditor'],
      organisationId: nat,
      password: 'Start#2026x',
    });
    expect(mixed.body.code).toBe('ROLE_CONFLICT');
    expect(mixed.body.message).toContain('三权分立');
  });

  it('refuses a weak initial password and a duplicate username', async () => {
    const weak = await createUser(gzAdmin, {
      username: 'inst_weak',
      displayName: '丁',
      roles: ['institution_operator'],
      organisationId: instGz1,
      password: 'password',
    });
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    const dup = await createUser(gzAdmin, {
      username: 'inst_gz1',
      displayName: '戊',
      roles: ['institution_operator'],
      organisationId: instGz1,
      password: 'Start#2026x',
    });
    expect(dup.status).toBe(409);
  });

  it('disables an account (its sessions end at once) and enables it again', async () => {
    const token = await t.login('inst_gz1');
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'inst_gz1'");
    expect((await t.http.post(`/api/admin/users/${id}/disable`).set(gzAdmin)).body.disabled).toBe(true);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'inst_gz1', password: 'Demo@2026' })).status).toBe(
      401,
    );
    expect((await t.http.post(`/api/admin/users/${id}/enable`).set(gzAdmin)).body.disabled).toBe(false);
    expect((await t.http.post('/api/auth/login').send({ username: 'inst_gz1', password: 'Demo@2026' })).status).toBe(
      200,
    );
  });

  it('resets a password to a one-time temporary password that meets the policy', async () => {
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'gz_head'");
    // A municipal admin manages institution operators only, not the head of their own centre.
    expect((await t.http.post(`/api/admin/users/${id}/reset-password`).set(gzAdmin)).status).toBe(403);
    const res = await t.http
      .post(`/api/admin/users/${id}/reset-password`)
      .set({ Authorization: `Bearer ${await t.login('gd_admin')}` });
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toHaveLength(12);
    expect((await t.http.post('/api/auth/login').send({ username: 'gz_head', password: 'Demo@2026' })).status).toBe(
      401,
    );
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'gz_head', password: res.body.temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('R-41: an account with a temporary password can only change it (and see itself, log out) — 403 elsewhere', async () => {
    const created = await createUser(gzAdmin, {
      username: 'inst_gz1_c',
      displayName: '陈小青',
      roles: ['institution_operator'],
      organisationId: instGz1,
      password: 'Start#2026y',
    });
    expect(created.status).toBe(201);
    const token = (await t.http.post('/api/auth/login').send({ username: 'inst_gz1_c', password: 'Start#2026y' })).body
      .token;
    const auth = { Authorization: `Bearer ${token}` };
    for (const path of ['/api/admin/organisations', `/api/admin/organisations/${instGz1}`, '/api/admin/batches']) {
      const res = await t.http.get(path).set(auth);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
      expect(res.body.message).toContain('修改密码');
    }
    expect((await t.http.post('/api/auth/totp/setup').set(auth).send({ currentPassword: 'Start#2026y' })).status).toBe(
      403,
    );
    expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(200);
    expect(
      (
        await t.http
          .post('/api/auth/password')
          .set(auth)
          .send({ currentPassword: 'Start#2026y', newPassword: 'Mine#2026zz' })
      ).status,
    ).toBe(204);
    expect((await t.http.get('/api/admin/organisations').set(auth)).status).toBe(200);
    // An administrator's reset forces the change again and ends the open session.
    const reset = await t.http.post(`/api/admin/users/${created.body.id}/reset-password`).set(gzAdmin);
    expect(reset.status).toBe(200);
    expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(401);
    const again = (
      await t.http.post('/api/auth/login').send({ username: 'inst_gz1_c', password: reset.body.temporaryPassword })
    ).body.token;
    expect((await t.http.get('/api/admin/organisations').set({ Authorization: `Bearer ${again}` })).body.code).toBe(
      'AUTH_PASSWORD_CHANGE_REQUIRED',
    );
    // Demo accounts are not forced.
    expect((await t.http.get('/api/admin/organisations').set(gzAdmin)).status).toBe(200);
  });

  it('R-38: unlock and password reset record the lock and the forced change before and after, never a password', async () => {
    const gdAdmin = { Authorization: `Bearer ${await t.login('gd_admin')}` };
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'inst_sz1'");
    for (let i = 0; i < 5; i += 1) {
      await t.http.post('/api/auth/login').send({ username: 'inst_sz1', password: `Wrong@${i}xx` });
    }
    const locked = (await t.http.get(`/api/admin/users/${id}`).set(gdAdmin)).body;
    expect(locked.lockedUntil).not.toBeNull();
    expect((await t.http.post(`/api/admin/users/${id}/unlock`).set(gdAdmin)).status).toBe(200);
    expect(await auditsOf('user.unlock', id)).toEqual([
      {
        username: 'gd_admin',
        outcome: 'success',
        before: { failures: 5, lockedUntil: new Date(locked.lockedUntil).toISOString() },
        after: { failures: 0, lockedUntil: null },
      },
    ]);

    // Two failures, then a reset: it lifts them too, forces a change and bumps the version.
    for (let i = 0; i < 2; i += 1) {
      await t.http.post('/api/auth/login').send({ username: 'inst_sz1', password: `Wrong@${i}yy` });
    }
    const reset = await t.http.post(`/api/admin/users/${id}/reset-password`).set(gdAdmin);
    expect(reset.status).toBe(200);
    const [record] = await auditsOf('user.password.reset', id);
    expect(record).toEqual({
      username: 'gd_admin',
      outcome: 'success',
      before: { mustChangePassword: false, version: locked.version, failures: 2, lockedUntil: null },
      after: { mustChangePassword: true, version: locked.version + 1, failures: 0, lockedUntil: null },
    });
    const [row] = await t.dataSource.query('SELECT password_hash FROM users WHERE id = ?', [id]);
    const recorded = JSON.stringify(record);
    expect(recorded).not.toContain(reset.body.temporaryPassword);
    expect(recorded).not.toContain(row.password_hash);
    expect(recorded).not.toMatch(/password(Hash)?"|totpSecret/);
  });

  it("R-41: an administrator resets a lost second factor; the person's sessions end and the password alone logs in", async () => {
    // inst_gz2 enrols TOTP itself.
    const token = (await t.http.post('/api/auth/login').send({ username: 'inst_gz2', password: 'Demo@2026' })).body
      .token;
    const own = { Authorization: `Bearer ${token}` };
    const { secret } = (await t.http.post('/api/auth/totp/setup').set(own).send({ currentPassword: 'Demo@2026' })).body;
    const enable = { currentPassword: 'Demo@2026', code: await generate({ secret }) };
    expect((await t.http.post('/api/auth/totp/enable').set(own).send(enable)).status).toBe(204);
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'inst_gz2'");
    const seen = (await t.http.get(`/api/admin/users/${id}`).set(gzAdmin)).body;
    expect(seen.totpEnabled).toBe(true);

    // Another province's administrator does not learn the account exists; roles without user administration are 403.
    const other = await t.http
      .post(`/api/admin/users/${id}/reset-totp`)
      .set({ Authorization: `Bearer ${await t.login('cd_admin')}` });
    expect(other.status).toBe(404);
    for (const username of ['gd_reviewer', 'auditor']) {
      const res = await t.http
        .post(`/api/admin/users/${id}/reset-totp`)
        .set({ Authorization: `Bearer ${await t.login(username)}` });
      expect([username, res.status]).toEqual([username, 403]);
    }
    // Nobody resets their own second factor here (they disable it in 账号安全).
    const me = (await t.http.get('/api/auth/me').set(gzAdmin)).body;
    expect((await t.http.post(`/api/admin/users/${me.id}/reset-totp`).set(gzAdmin)).status).toBe(403);
    expect((await t.http.get('/api/auth/me').set(own)).status).toBe(200);

    const reset = await t.http.post(`/api/admin/users/${id}/reset-totp`).set(gzAdmin);
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ id, totpEnabled: false, version: seen.version + 1 });
    const [row] = await t.dataSource.query(
      'SELECT totp_enabled, totp_secret_enc, totp_last_step FROM users WHERE id = ?',
      [id],
    );
    expect({ ...row, totp_enabled: Boolean(Number(row.totp_enabled)) }).toEqual({
      totp_enabled: false,
      totp_secret_enc: null,
      totp_last_step: null,
    });
    // The open session ended; the password alone logs in again, and the person may enrol afresh.
    expect((await t.http.get('/api/auth/me').set(own)).status).toBe(401);
    const again = await t.http.post('/api/auth/login').send({ username: 'inst_gz2', password: 'Demo@2026' });
    expect(again.status).toBe(200);
    expect(again.body.user.totpEnabled).toBe(false);

    // A second reset has nothing to reset.
    const twice = await t.http.post(`/api/admin/users/${id}/reset-totp`).set(gzAdmin);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'USER_TOTP_NOT_ENABLED', message: '该用户未启用两步验证，无需重置' });

    // Audited once, with the change and no secret.
    expect(await auditsOf('user.totp.reset', id)).toEqual([
      { username: 'gz_admin', outcome: 'success', before: { totpEnabled: true }, after: { totpEnabled: false } },
    ]);
  });

  it('R-3: nobody changes their own roles or organisation (403), name and e-mail stay editable', async () => {
    const natAdmin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const me = (await t.http.get('/api/auth/me').set(natAdmin)).body;
    const self = (await t.http.get(`/api/admin/users/${me.id}`).set(natAdmin)).body;
    const roles = await t.http
      .put(`/api/admin/users/${me.id}`)
      .set(natAdmin)
      .send({ version: self.version, roles: ['national_admin', 'national_reviewer'] });
    expect(roles.status).toBe(403);
    const gd = await organisationId(t.dataSource, '广东省职业技能服务指导中心');
    const move = await t.http
      .put(`/api/admin/users/${me.id}`)
      .set(natAdmin)
      .send({ version: self.version, organisationId: gd });
    expect(move.status).toBe(403);
    const gdAdmin = { Authorization: `Bearer ${await t.login('gd_admin')}` };
    const gdMe = (await t.http.get('/api/auth/me').set(gdAdmin)).body;
    const gdSelf = (await t.http.get(`/api/admin/users/${gdMe.id}`).set(gdAdmin)).body;
    const widen = await t.http
      .put(`/api/admin/users/${gdMe.id}`)
      .set(gdAdmin)
      .send({ version: gdSelf.version, roles: ['provincial_admin', 'auditor'] });
    expect(widen.status).toBe(403);
    const name = await t.http
      .put(`/api/admin/users/${gdMe.id}`)
      .set(gdAdmin)
      .send({ version: gdSelf.version, displayName: '陈志强 ' });
    expect(name.status).toBe(200);
    expect(name.body.roles).toEqual(['provincial_admin']);
    const [row] = await t.dataSource.query('SELECT roles, organisation_id FROM users WHERE id = ?', [me.id]);
    expect(JSON.parse(row.roles)).toEqual(['national_admin']);
    // A null where a value must be is refused (400), never a 500.
    for (const field of ['displayName', 'roles', 'organisationId']) {
      const res = await t.http
        .put(`/api/admin/users/${gdMe.id}`)
        .set(gdAdmin)
        .send({ version: name.body.version, [field]: null });
      expect(res.status).toBe(400);
    }
  });

  it('R-3: usernames are unique regardless of case; duplicate roles are refused (400)', async () => {
    const gdAdmin = { Authorization: `Bearer ${await t.login('gd_admin')}` };
    const gd = await organisationId(t.dataSource, '广东省职业技能服务指导中心');
    const upper = await createUser(gdAdmin, {
      username: 'GD_Admin',
      displayName: '冒名',
      roles: ['provincial_reviewer'],
      organisationId: gd,
      password: 'Start#2026x',
    });
    expect(upper.status).toBe(409);
    expect(upper.body.code).toBe('DUPLICATE');
    const dupRoles = await createUser(gdAdmin, {
      username: 'gd_dup_roles',
      displayName: '重复',
      roles: ['provincial_reviewer', 'provincial_reviewer'],
      organisationId: gd,
      password: 'Start#2026x',
    });
    expect(dupRoles.status).toBe(400);
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'gd_reviewer'");
    const current = (await t.http.get(`/api/admin/users/${id}`).set(gdAdmin)).body;
    const dupUpdate = await t.http
      .put(`/api/admin/users/${id}`)
      .set(gdAdmin)
      .send({ version: current.version, roles: ['provincial_reviewer', 'provincial_reviewer'] });
    expect(dupUpdate.status).toBe(400);
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM users WHERE LOWER(username) IN ('gd_admin', 'gd_dup_roles')",
    );
    expect(Number(n)).toBe(1);
  });

  it('R-3: a provincial admin creates no national-scope reader and no auditor (grant table)', async () => {
    const gdAdmin = { Authorization: `Bearer ${await t.login('gd_admin')}` };
    const gd = await organisationId(t.dataSource, '广东省职业技能服务指导中心');
    const gz = await organisationId(t.dataSource, '广州市职业技能鉴定指导中心');
    const nat = await organisationId(t.dataSource, '人力资源社会保障部职业技能鉴定中心');
    const make = (username: string, roles: string[], organisationId: number) =>
      createUser(gdAdmin, { username, displayName: '测试', roles, organisationId, password: 'Start#2026x' });
    expect((await make('gd_x_natrev', ['national_reviewer'], gd)).status).toBe(403);
    expect((await make('gd_x_natadm', ['national_admin'], gd)).status).toBe(403);
    // The national centre is outside the province: not found, nothing created.
    expect((await make('gd_x_natauditor', ['auditor'], nat)).status).toBe(404);
    expect((await make('gd_x_cityauditor', ['auditor'], gz)).status).toBe(403);
    // 三权分立: auditors, provincial ones too, are appointed only by the national administrator.
    expect((await make('gd_x_auditor', ['auditor'], gd)).status).toBe(403);
    const natAdmin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const byNational = await createUser(natAdmin, {
      username: 'gd_auditor2',
      displayName: '省审计员',
      roles: ['auditor'],
      organisationId: gd,
      password: 'Start#2026x',
    });
    expect(byNational.status).toBe(201);
    // Nor may the provincial admin turn an existing account into an auditor.
    const [{ id }] = await t.dataSource.query("SELECT id FROM users WHERE username = 'gd_reviewer'");
    const current = (await t.http.get(`/api/admin/users/${id}`).set(gdAdmin)).body;
    expect(
      (
        await t.http
          .put(`/api/admin/users/${id}`)
          .set(gdAdmin)
          .send({ version: current.version, roles: ['auditor'] })
      ).status,
    ).toBe(403);
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM users WHERE username LIKE 'gd_x_%'");
    expect(Number(n)).toBe(0);
  });

  it('filters the list by organisation and role', async () => {
    const res = await t.http
      .get('/api/admin/users')
      .query({ filter: JSON.stringify({ role: 'municipal_head' }) })
      .set({ Authorization: `Bearer ${await t.login('gd_admin')}` });
    expect(res.body.map((u: { username: string }) => u.username)).toEqual(['gz_head', 'sz_head']);
  });
});
