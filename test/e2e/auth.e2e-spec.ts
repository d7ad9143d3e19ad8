import { generate } from 'otplib';
import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { createTestApp, TestApp } from './support/test-app';

const PASSWORD = 'Demo@2026';

/** The start of the next 30-second TOTP period (codes within one period of now are accepted). */
const nextPeriod = () => Math.floor(Date.now() / 1000) + 30;

// password login, lockout after 5 failures, TOTP second factor, idle expiry; R-38 audit of logins.
describe('staff login (R-41)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The per-address limit has its own suite below; here every request comes from one address.
    t = await createTestApp({ env: { LOGIN_ADDRESS_FAILURE_LIMIT: '10000' } });
  });
  afterAll(() => t.close());

  it('returns a token and the user profile for a demo account', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'gd_reviewer', password: 'Demo@2026' });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.user).toMatchObject({
      username: 'gd_reviewer',
      displayName: '黄丽萍',
      roles: ['provincial_reviewer'],
      organisationName: '广东省职业技能服务指导中心',
      organisationLevel: 'provincial',
      totpEnabled: false,
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('gd_reviewer');
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ username: 'gz_head', password: 'Wrong@2026' });
    const unknown = await t.http.post('/api/auth/login').send({ username: 'nobody_here', password: 'Wrong@2026' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('locks an account for 30 minutes after 5 failures, even against the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push(
        (await t.http.post('/api/auth/login').send({ username: 'sz_admin', password: `Bad@pass${i}` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await t.http.post('/api/auth/login').send({ username: 'sz_admin', password: 'Demo@2026' });
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(right.body.message).toMatch(/锁定.*30 分钟/);
    // An unknown username locks the same way, so the lockout does not reveal which accounts exist.
    for (let i = 0; i < 5; i += 1) await t.http.post('/api/auth/login').send({ username: 'ghost_user', password: 'x' });
    expect((await t.http.post('/api/auth/login').send({ username: 'ghost_user', password: 'x' })).status).toBe(423);
  });

  it('lets an administrator unlock a locked account', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.http.post('/api/auth/login').send({ username: 'cd_admin', password: 'nope' });
    }
    const admin = await t.login('nat_admin');
    const users = await t.http
      .get('/api/admin/users')
      .query({ filter: JSON.stringify({ q: 'cd_admin' }) })
      .set('Authorization', `Bearer ${admin}`);
    const cd = users.body.find((u: { username: string }) => u.username === 'cd_admin');
    expect(cd.lockedUntil).not.toBeNull();
    expect((await t.http.post(`/api/admin/users/${cd.id}/unlock`).set('Authorization', `Bearer ${admin}`)).status).toBe(
      200,
    );
    expect((await t.http.post('/api/auth/login').send({ username: 'cd_admin', password: 'Demo@2026' })).status).toBe(
      200,
    );
  });

  it('refuses requests without a valid token', async () => {
    expect((await t.http.get('/api/auth/me')).body.code).toBe('AUTH_REQUIRED');
    expect((await t.http.get('/api/admin/organisations').set('Authorization', 'Bearer forged')).status).toBe(401);
  });

  it('enrols TOTP with a QR code and then requires the code at login (等保 second factor)', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'gd_admin', password: 'Demo@2026' });
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const setup = await t.http.post('/api/auth/totp/setup').set(auth).send({ currentPassword: PASSWORD });
    expect(setup.status).toBe(200);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(setup.body.otpauthUrl).toContain('otpauth://totp/');
    expect(
      (await t.http.post('/api/auth/totp/enable').set(auth).send({ currentPassword: PASSWORD, code: '000000' })).body
        .code,
    ).toBe('TOTP_CODE_INVALID');
    const code = await generate({ secret: setup.body.secret });
    expect(
      (await t.http.post('/api/auth/totp/enable').set(auth).send({ currentPassword: PASSWORD, code })).status,
    ).toBe(204);

    const withoutCode = await t.http.post('/api/auth/login').send({ username: 'gd_admin', password: 'Demo@2026' });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.code).toBe('AUTH_TOTP_REQUIRED');
    const badCode = await t.http
      .post('/api/auth/login')
      .send({ username: 'gd_admin', password: 'Demo@2026', totpCode: '123456' });
    expect(badCode.body.code).toBe('AUTH_TOTP_INVALID');
    // Each code works once: the one used to enable is spent, so log in with the next period's code.
    const good = await t.http.post('/api/auth/login').send({
      username: 'gd_admin',
      password: 'Demo@2026',
      totpCode: await generate({ secret: setup.body.secret, epoch: nextPeriod() }),
    });
    expect(good.status).toBe(200);
    expect(good.body.user.totpEnabled).toBe(true);
    // The secret is stored encrypted, never in clear.
    const [row] = await t.dataSource.query('SELECT totp_secret_enc FROM users WHERE username = ?', ['gd_admin']);
    expect(row.totp_secret_enc).not.toContain(setup.body.secret);
  });

  it('R-41: a TOTP code works once — replay at login, enable or disable is refused', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'nat_reviewer', password: 'Demo@2026' });
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const { secret } = (await t.http.post('/api/auth/totp/setup').set(auth).send({ currentPassword: PASSWORD })).body;
    const code = await generate({ secret });
    expect(
      (await t.http.post('/api/auth/totp/enable').set(auth).send({ currentPassword: PASSWORD, code })).status,
    ).toBe(204);
    // The code that enabled the second factor cannot also log in.
    const replayAtLogin = await t.http
      .post('/api/auth/login')
      .send({ username: 'nat_reviewer', password: 'Demo@2026', totpCode: code });
    expect(replayAtLogin.status).toBe(401);
    expect(replayAtLogin.body.code).toBe('AUTH_TOTP_INVALID');
    const next = await generate({ secret, epoch: nextPeriod() });
    expect(
      (await t.http.post('/api/auth/login').send({ username: 'nat_reviewer', password: 'Demo@2026', totpCode: next }))
        .status,
    ).toBe(200);
    const again = await t.http
      .post('/api/auth/login')
      .send({ username: 'nat_reviewer', password: 'Demo@2026', totpCode: next });
    expect(again.body.code).toBe('AUTH_TOTP_INVALID');
    const replayAtDisable = await t.http
      .post('/api/auth/totp/disable')
      .set(auth)
      .send({ currentPassword: PASSWORD, code: next });
    expect(replayAtDisable.status).toBe(422);
    expect(replayAtDisable.body.code).toBe('TOTP_CODE_INVALID');
    const [row] = await t.dataSource.query('SELECT totp_enabled FROM users WHERE username = ?', ['nat_reviewer']);
    expect(Boolean(Number(row.totp_enabled))).toBe(true);
  });

  it('R-41: wrong TOTP codes on disable count toward the lockout (423), which then also refuses login', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'gz_admin', password: 'Demo@2026' });
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const { secret } = (await t.http.post('/api/auth/totp/setup').set(auth).send({ currentPassword: PASSWORD })).body;
    expect(
      (
        await t.http
          .post('/api/auth/totp/enable')
          .set(auth)
          .send({ currentPassword: PASSWORD, code: await generate({ secret }) })
      ).status,
    ).toBe(204);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        (
          await t.http
            .post('/api/auth/totp/disable')
            .set(auth)
            .send({ currentPassword: PASSWORD, code: `00000${i}` })
        ).status,
      );
    }
    expect(statuses).toEqual([422, 422, 422, 422, 423, 423]);
    const right = await t.http
      .post('/api/auth/login')
      .send({ username: 'gz_admin', password: 'Demo@2026', totpCode: await generate({ secret, epoch: nextPeriod() }) });
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('R-41: setting up, enabling and disabling TOTP each need the current password; wrong ones count toward the lockout', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'sz_head', password: PASSWORD });
    const auth = { Authorization: `Bearer ${login.body.token}` };
    // No password (a stolen session alone): refused before anything changes.
    const bare = await t.http.post('/api/auth/totp/setup').set(auth).send({});
    expect(bare.status).toBe(400);
    const wrongSetup = await t.http.post('/api/auth/totp/setup').set(auth).send({ currentPassword: 'Guess@2026' });
    expect(wrongSetup.status).toBe(400);
    expect(wrongSetup.body).toMatchObject({ code: 'AUTH_WRONG_PASSWORD', message: '当前密码不正确' });
    const [pending] = await t.dataSource.query('SELECT totp_secret_enc FROM users WHERE username = ?', ['sz_head']);
    expect(pending.totp_secret_enc).toBeNull();
    const { secret } = (await t.http.post('/api/auth/totp/setup').set(auth).send({ currentPassword: PASSWORD })).body;
    // Enabling with the right code but a wrong password is refused and spends nothing: the code still works.
    const code = await generate({ secret });
    const wrongEnable = await t.http
      .post('/api/auth/totp/enable')
      .set(auth)
      .send({ currentPassword: 'Guess@2027', code });
    expect(wrongEnable.body.code).toBe('AUTH_WRONG_PASSWORD');
    expect((await t.http.post('/api/auth/totp/enable').set(auth).send({ code })).status).toBe(400);
    expect(
      (await t.http.post('/api/auth/totp/enable').set(auth).send({ currentPassword: PASSWORD, code })).status,
    ).toBe(204);
    // Two wrong passwords so far; two more on disable, and the fifth failure locks (423), login included.
    const next = await generate({ secret, epoch: nextPeriod() });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push(
        (
          await t.http
            .post('/api/auth/totp/disable')
            .set(auth)
            .send({ currentPassword: `Guess@${i}x`, code: next })
        ).status,
      );
    }
    expect(statuses).toEqual([400, 400, 423]);
    const right = await t.http.post('/api/auth/totp/disable').set(auth).send({ currentPassword: PASSWORD, code: next });
    expect(right.status).toBe(423);
    expect((await t.http.post('/api/auth/login').send({ username: 'sz_head', password: PASSWORD })).status).toBe(423);
    const [row] = await t.dataSource.query('SELECT totp_enabled FROM users WHERE username = ?', ['sz_head']);
    expect(Boolean(Number(row.totp_enabled))).toBe(true);
    // Each refusal is in the audit trail with its reason.
    const failures = await t.dataSource.query(
      "SELECT action, detail FROM audit_logs WHERE username = 'sz_head' AND outcome = 'failure' AND action LIKE 'auth.totp.%' ORDER BY id",
    );
    expect(failures).toEqual([
      { action: 'auth.totp.setup', detail: 'AUTH_WRONG_PASSWORD' },
      { action: 'auth.totp.enable', detail: 'AUTH_WRONG_PASSWORD' },
      { action: 'auth.totp.disable', detail: 'AUTH_WRONG_PASSWORD' },
      { action: 'auth.totp.disable', detail: 'AUTH_WRONG_PASSWORD' },
      { action: 'auth.totp.disable', detail: 'AUTH_ACCOUNT_LOCKED' },
    ]);
  });

  it('R-41: disabling TOTP with the current password and a fresh code works', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'inst_gz2', password: PASSWORD });
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const { secret } = (await t.http.post('/api/auth/totp/setup').set(auth).send({ currentPassword: PASSWORD })).body;
    const enable = { currentPassword: PASSWORD, code: await generate({ secret }) };
    expect((await t.http.post('/api/auth/totp/enable').set(auth).send(enable)).status).toBe(204);
    // Enabling twice is refused, not silently accepted.
    expect((await t.http.post('/api/auth/totp/enable').set(auth).send(enable)).body.code).toBe('TOTP_ALREADY_ENABLED');
    const withoutPassword = await t.http
      .post('/api/auth/totp/disable')
      .set(auth)
      .send({ code: await generate({ secret, epoch: nextPeriod() }) });
    expect(withoutPassword.status).toBe(400);
    const disable = await t.http
      .post('/api/auth/totp/disable')
      .set(auth)
      .send({ currentPassword: PASSWORD, code: await generate({ secret, epoch: nextPeriod() }) });
    expect(disable.status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(auth)).body.totpEnabled).toBe(false);
    // each change of the second factor is recorded with its state before and after (never the secret).
    const records = await t.dataSource
      .getRepository(AuditLog)
      .find({ where: { username: 'inst_gz2', outcome: 'success' }, order: { id: 'ASC' } });
    expect(
      records
        .filter((r) => r.action.startsWith('auth.totp.'))
        .map((r) => ({ action: r.action, before: r.before, after: r.after })),
    ).toEqual([
      { action: 'auth.totp.setup', before: null, after: null },
      { action: 'auth.totp.enable', before: '{"totpEnabled":false}', after: '{"totpEnabled":true}' },
      { action: 'auth.totp.disable', before: '{"totpEnabled":true}', after: '{"totpEnabled":false}' },
    ]);
    expect(JSON.stringify(records)).not.toContain(secret);
  });

  it('R-41: wrong current passwords on password change count toward the lockout (423)', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'inst_gd1', password: 'Demo@2026' });
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        (
          await t.http
            .post('/api/auth/password')
            .set(auth)
            .send({ currentPassword: `Guess@${i}x`, newPassword: 'Guangdong#2027' })
        ).status,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400, 423, 423]);
    // Even the right current password is refused while locked, and so is login.
    const right = await t.http
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: 'Demo@2026', newPassword: 'Guangdong#2027' });
    expect(right.status).toBe(423);
    expect((await t.http.post('/api/auth/login').send({ username: 'inst_gd1', password: 'Demo@2026' })).status).toBe(
      423,
    );
  });

  it('R-41: lockout holds under parallel requests — at most 5 password checks, then even the right password is 423', async () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      t.http.post('/api/auth/login').send({ username: 'gd_reviewer', password: `Parallel@${i}x` }),
    );
    const replies = await Promise.all(attempts);
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s !== 401 && s !== 423)).toEqual([]);
    const right = await t.http.post('/api/auth/login').send({ username: 'gd_reviewer', password: 'Demo@2026' });
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('AUTH_ACCOUNT_LOCKED');
    // Each checked wrong password leaves one failure record with AUTH_INVALID_CREDENTIALS.
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'auth.login' AND outcome = 'failure' AND detail = 'AUTH_INVALID_CREDENTIALS' AND username = 'gd_reviewer'",
    );
    expect(Number(n)).toBeLessThanOrEqual(5);
  });

  it('R-41: usernames are case-insensitive at login, and so is their lockout', async () => {
    expect((await t.http.post('/api/auth/login').send({ username: 'GZ_HEAD', password: 'Demo@2026' })).status).toBe(
      200,
    );
    for (let i = 0; i < 5; i += 1) {
      await t.http.post('/api/auth/login').send({ username: i % 2 ? 'Ghost_Case' : 'ghost_CASE', password: 'x' });
    }
    expect((await t.http.post('/api/auth/login').send({ username: 'GHOST_case', password: 'x' })).status).toBe(423);
  });

  it('R-41: a password change ends the other sessions of the account and keeps the current one', async () => {
    const first = (await t.http.post('/api/auth/login').send({ username: 'cd_admin', password: 'Demo@2026' })).body
      .token;
    const second = (await t.http.post('/api/auth/login').send({ username: 'cd_admin', password: 'Demo@2026' })).body
      .token;
    const change = await t.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${second}`)
      .send({ currentPassword: 'Demo@2026', newPassword: 'Chengdu#2028' });
    expect(change.status).toBe(204);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${first}`)).status).toBe(401);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${second}`)).status).toBe(200);
  });

  it('enforces the password policy on change and accepts the new password afterwards', async () => {
    const token = (await t.http.post('/api/auth/login').send({ username: 'inst_cd1', password: 'Demo@2026' })).body
      .token;
    const auth = { Authorization: `Bearer ${token}` };
    const weak = await t.http
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: 'Demo@2026', newPassword: 'abcdefgh' });
    expect(weak.status).toBe(422);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    const wrongCurrent = await t.http
      .post('/api/auth/password')
      .set(auth)
      .send({ currentPassword: 'x', newPassword: 'Chengdu#2027' });
    expect(wrongCurrent.body.code).toBe('AUTH_WRONG_PASSWORD');
    expect(
      (
        await t.http
          .post('/api/auth/password')
          .set(auth)
          .send({ currentPassword: 'Demo@2026', newPassword: 'Chengdu#2027' })
      ).status,
    ).toBe(204);
    expect((await t.http.post('/api/auth/login').send({ username: 'inst_cd1', password: 'Chengdu#2027' })).status).toBe(
      200,
    );
  });

  it('logs out: the token stops working', async () => {
    const token = (await t.http.post('/api/auth/login').send({ username: 'sc_reviewer', password: 'Demo@2026' })).body
      .token;
    expect((await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(204);
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('records successful and failed logins in the audit trail', async () => {
    const [{ n: ok }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'auth.login' AND outcome = 'success'",
    );
    const [{ n: failed }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'auth.login' AND outcome = 'failure'",
    );
    expect(Number(ok)).toBeGreaterThan(3);
    expect(Number(failed)).toBeGreaterThan(10);
  });
});

// failed logins are also limited per client address, so one address cannot lock out many accounts.
describe('per-address login limit (R-41)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // supertest connects from 127.0.0.1; the client address comes from X-Forwarded-For behind a trusted proxy.
    t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());

  const loginFrom = (ip: string, username: string, password: string) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('refuses the 31st attempt after 30 failures across usernames, even for a valid account; other addresses go on', async () => {
    const failures = await Promise.all(
      Array.from({ length: 30 }, (_, i) => loginFrom('203.0.113.7', `nobody_${i}`, 'Wrong@2026')),
    );
    expect(failures.map((r) => r.status)).toEqual(Array(30).fill(401));
    const blocked = await loginFrom('203.0.113.7', 'gd_reviewer', 'Demo@2026');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('AUTH_TOO_MANY_FAILURES_FROM_ADDRESS');
    expect(blocked.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await loginFrom('203.0.113.8', 'gd_reviewer', 'Demo@2026')).status).toBe(200);
    // The per-username counters were not touched by the refused attempt.
    expect((await loginFrom('203.0.113.8', 'nobody_0', 'Wrong@2026')).status).toBe(401);
  });

  it('does not count successful logins', async () => {
    for (let i = 0; i < 5; i += 1) expect((await loginFrom('203.0.113.9', 'gz_head', 'Demo@2026')).status).toBe(200);
    await Promise.all(Array.from({ length: 29 }, (_, i) => loginFrom('203.0.113.9', `stranger_${i}`, 'Wrong@2026')));
    expect((await loginFrom('203.0.113.9', 'gz_head', 'Demo@2026')).status).toBe(200);
    expect((await loginFrom('203.0.113.9', 'stranger_x', 'Wrong@2026')).status).toBe(401);
    expect((await loginFrom('203.0.113.9', 'gz_head', 'Demo@2026')).status).toBe(429);
  });
});
