import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { AuthModule } from '../../apps/api/src/auth/auth.module';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { Session } from '../../apps/api/src/users/entities/session.entity';
import { hashPassword } from '../../apps/api/src/crypto/password-hasher';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { createMediumContext, MediumContext } from './support/medium-context';

const PASSWORD = 'Medium#2026x';
const MINUTE = 60_000;

// R-41 with a fixed clock: idle sessions end, lockouts and the per-address window expire — crossed without waiting.
describe('sessions, lockout and address limit (medium, R-41)', () => {
  let m: MediumContext;
  let auth: AuthService;
  let passwordHash: string;

  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
  });
  beforeEach(async () => {
    // A small per-address limit keeps the suite fast: each refused login still runs one password hash.
    m = await createMediumContext({
      imports: [JurisdictionModule, AuditModule, AuthModule],
      env: { LOGIN_ADDRESS_FAILURE_LIMIT: '6' },
    });
    auth = m.get(AuthService);
  });
  afterEach(() => m.close());

  async function account(username: string) {
    const { province } = await m.factories.tree();
    return m.factories.user(province, ['provincial_reviewer'], { username, passwordHash });
  }

  const login = (username: string, password = PASSWORD, ip = '10.0.0.1') =>
    auth.login(username, password, undefined, ip);

  it('keeps a session alive while it is used and ends it after 30 idle minutes', async () => {
    await account('reviewer');
    const { token } = await login('reviewer');
    m.clock.advance(29 * MINUTE);
    expect((await auth.authenticate(token, '10.0.0.1')).username).toBe('reviewer');
    // That request refreshed the session: another 29 minutes later it is still alive.
    m.clock.advance(29 * MINUTE);
    await expect(auth.authenticate(token, '10.0.0.1')).resolves.toBeDefined();
    m.clock.advance(30 * MINUTE + 1);
    await expect(auth.authenticate(token, '10.0.0.1')).rejects.toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
    const [session] = await m.dataSource.getRepository(Session).find();
    expect(session.endedAt?.toISOString()).toBe(m.clock.now().toISOString());
    // An ended session stays ended, even if the clock were turned back.
    m.clock.advance(-60 * MINUTE);
    await expect(auth.authenticate(token, '10.0.0.1')).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('writes lastSeenAt at most once a minute, so every request does not write', async () => {
    await account('quiet');
    const { token } = await login('quiet');
    const started = m.clock.now().toISOString();
    m.clock.advance(59_000);
    await auth.authenticate(token, '10.0.0.1');
    const lastSeen = async () => (await m.dataSource.getRepository(Session).find())[0].lastSeenAt.toISOString();
    expect(await lastSeen()).toBe(started);
    m.clock.advance(2_000);
    await auth.authenticate(token, '10.0.0.1');
    expect(await lastSeen()).toBe(m.clock.now().toISOString());
  });

  it('locks an account for 30 minutes after 5 failures, then lets the right password in', async () => {
    await account('locked');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        await login('locked', `Wrong#${i}xx`).then(
          () => 'ok',
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(codes).toEqual([...Array(4).fill('AUTH_INVALID_CREDENTIALS'), 'AUTH_ACCOUNT_LOCKED']);
    m.clock.advance(29 * MINUTE);
    const stillLocked = login('locked');
    await expect(stillLocked).rejects.toMatchObject({
      code: 'AUTH_ACCOUNT_LOCKED',
      message: expect.stringContaining('1 分钟'),
    });
    m.clock.advance(MINUTE);
    await expect(login('locked')).resolves.toMatchObject({ user: { username: 'locked' } });
  });

  it('forgets failures older than the lockout window', async () => {
    await account('forgetful');
    for (let i = 0; i < 4; i++) {
      await expect(login('forgetful', 'Wrong#1xx')).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    }
    m.clock.advance(31 * MINUTE);
    // Four new failures do not lock: the old four no longer count.
    for (let i = 0; i < 4; i++) {
      await expect(login('forgetful', 'Wrong#2xx')).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    }
    await expect(login('forgetful')).resolves.toBeDefined();
  });

  it('limits failed logins per address within its 15-minute window, then counts afresh', async () => {
    await account('traveller');
    const limit = m.config.auth.addressFailureLimit;
    expect(limit).toBe(6);
    for (let i = 0; i < limit; i++) {
      await expect(login(`nobody_${i}`, 'x', '203.0.113.7')).rejects.toMatchObject({
        code: 'AUTH_INVALID_CREDENTIALS',
      });
    }
    await expect(login('traveller', PASSWORD, '203.0.113.7')).rejects.toMatchObject({
      code: 'AUTH_TOO_MANY_FAILURES_FROM_ADDRESS',
    });
    await expect(login('traveller', PASSWORD, '203.0.113.8')).resolves.toBeDefined();
    m.clock.advance(15 * MINUTE);
    await expect(login('traveller', PASSWORD, '203.0.113.7')).resolves.toBeDefined();
  });
});
