import { AuthService } from '../../apps/api/src/auth/auth.service';
import { Session } from '../../apps/api/src/users/entities/session.entity';
import { createTestApp, TestApp } from './support/test-app';

// Request overhead: the staff principal of a session is kept for a few seconds (auth.principalCacheSeconds) instead
// of re-reading session, user and organisation on every request. What must still hold: a change made through the
// instance applies to the very next request; a change made elsewhere within the lifetime; idle timeout exactly.
describe('principal cache', () => {
  let t: TestApp;
  let loads: jest.SpyInstance;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const login = async (username: string) =>
    (await t.http.post('/api/auth/login').send({ username, password: 'Demo@2026' })).body.token as string;
  const userId = async (username: string) =>
    Number((await t.dataSource.query('SELECT id FROM users WHERE username = ?', [username]))[0].id);

  beforeAll(async () => {
    t = await createTestApp({ env: { PRINCIPAL_CACHE_SECONDS: '2' } });
    loads = jest.spyOn(t.app.get(AuthService), 'authenticateSession');
  });
  afterAll(() => t.close());
  beforeEach(() => loads.mockClear());

  it('reads a session once within the lifetime, and is not emptied by other people logging in', async () => {
    const token = await login('gd_reviewer');
    for (let i = 0; i < 5; i += 1) expect((await t.http.get('/api/admin/batches').set(bearer(token))).status).toBe(200);
    await login('sz_admin');
    expect((await t.http.get('/api/auth/me').set(bearer(token))).status).toBe(200);
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('applies a role change made through the API to the next request', async () => {
    const token = await login('gd_reviewer');
    expect((await t.http.get('/api/admin/users').set(bearer(token))).status).toBe(403);
    const admin = bearer(await t.login('nat_admin'));
    const id = await userId('gd_reviewer');
    const user = await t.http.get(`/api/admin/users/${id}`).set(admin);
    const update = await t.http
      .put(`/api/admin/users/${id}`)
      .set(admin)
      .send({ version: user.body.version, roles: ['provincial_admin'] });
    expect(update.status).toBe(200);
    expect((await t.http.get('/api/admin/users').set(bearer(token))).status).toBe(200);
  });

  it('ends a session at once on logout, on disabling the account and on a password reset', async () => {
    const admin = bearer(await t.login('nat_admin'));
    const gzHead = await login('gz_head');
    expect((await t.http.get('/api/auth/me').set(bearer(gzHead))).status).toBe(200);
    expect((await t.http.post('/api/auth/logout').set(bearer(gzHead))).status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(bearer(gzHead))).status).toBe(401);

    const sz = await login('sz_head');
    expect((await t.http.get('/api/auth/me').set(bearer(sz))).status).toBe(200);
    expect((await t.http.post(`/api/admin/users/${await userId('sz_head')}/disable`).set(admin)).status).toBe(200);
    expect((await t.http.get('/api/auth/me').set(bearer(sz))).status).toBe(401);

    const cd = await login('inst_cd1');
    expect((await t.http.get('/api/auth/me').set(bearer(cd))).status).toBe(200);
    expect((await t.http.post(`/api/admin/users/${await userId('inst_cd1')}/reset-password`).set(admin)).status).toBe(
      200,
    );
    expect((await t.http.get('/api/auth/me').set(bearer(cd))).status).toBe(401);
  });

  it('R-41: a session idle past the limit ends even while its principal is cached', async () => {
    const token = await login('gz_admin');
    expect((await t.http.get('/api/auth/me').set(bearer(token))).status).toBe(200);
    await t.dataSource
      .getRepository(Session)
      .update({ userId: await userId('gz_admin') }, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    const res = await t.http.get('/api/auth/me').set(bearer(token));
    expect(res.body.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('sees a change made outside this instance once the lifetime has passed', async () => {
    const token = await login('gd_admin');
    expect((await t.http.get('/api/admin/users').set(bearer(token))).status).toBe(200);
    // Another instance (or an operator) disables the account directly in the database.
    await t.dataSource.query('UPDATE users SET disabled = ? WHERE username = ?', [true, 'gd_admin']);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await t.http.get('/api/admin/users').set(bearer(token))).status).toBe(401);
  });
});
