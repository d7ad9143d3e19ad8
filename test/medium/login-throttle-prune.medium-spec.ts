import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { AuthModule } from '../../apps/api/src/auth/auth.module';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { RateLimitPruneModule } from '../../apps/api/src/composition/rate-limit-prune.module';
import { JobRegistry } from '../../apps/api/src/jobs/job-registry';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { RateLimitService } from '../../apps/api/src/rate-limits/rate-limit.service';
import { LoginAddressThrottle } from '../../apps/api/src/users/entities/login-address-throttle.entity';
import { LoginThrottle } from '../../apps/api/src/users/entities/login-throttle.entity';
import { LoginThrottlesService } from '../../apps/api/src/users/login-throttles.service';
import { createMediumContext, MediumContext } from './support/medium-context';

const HOUR = 3_600_000;

// the staff login throttle rows (per username, per address) are pruned by the nightly `rate-limit-prune`
// job once idle for a day, except rows still locked; the job reports each kind it pruned.
describe('pruning the login throttles (medium, R-41)', () => {
  let m: MediumContext;
  let auth: AuthService;

  beforeEach(async () => {
    m = await createMediumContext({ imports: [JurisdictionModule, AuditModule, AuthModule, RateLimitPruneModule] });
    auth = m.get(AuthService);
  });
  afterEach(() => m.close());

  /** A failed login of an unknown name: it leaves a per-username and a per-address row like any other. */
  const fail = (username: string, ip: string) =>
    expect(auth.login(username, 'Wrong#pass1', undefined, ip)).rejects.toMatchObject({
      code: expect.stringMatching(/^AUTH_(INVALID_CREDENTIALS|ACCOUNT_LOCKED)$/),
    });
  const usernames = async () =>
    (await m.dataSource.getRepository(LoginThrottle).find({ order: { username: 'ASC' } })).map((r) => r.username);
  const addresses = async () =>
    (await m.dataSource.getRepository(LoginAddressThrottle).find({ order: { ip: 'ASC' } })).map((r) => r.ip);

  async function scenario() {
    // Yesterday: a few failures, and a lockout that has long ended.
    await fail('idle_user', '10.0.0.1');
    for (let i = 0; i < 5; i++) await fail('was_locked', '10.0.0.1');
    // A lock still running although its last failure is older than a day (nothing the login path writes today,
    // but pruning must never be what lifts a lock).
    await m.dataSource.getRepository(LoginThrottle).insert({
      username: 'still_locked',
      failures: 5,
      lastFailureAt: m.clock.now(),
      lockedUntil: new Date(m.clock.now().getTime() + 48 * HOUR),
    });
    m.clock.advance(23 * HOUR);
    await fail('recent_user', '10.0.0.2');
    m.clock.advance(2 * HOUR);
  }

  it('deletes rows idle for a day and not locked; keeps recent and locked rows', async () => {
    await scenario();
    expect(await usernames()).toEqual(['idle_user', 'recent_user', 'still_locked', 'was_locked']);
    expect(await m.get(LoginThrottlesService).prune()).toEqual({ loginThrottles: 2, loginAddressThrottles: 1 });
    expect(await usernames()).toEqual(['recent_user', 'still_locked']);
    expect(await addresses()).toEqual(['10.0.0.2']);
    // A pruned name starts afresh (one failure, not locked); the kept lock still refuses.
    await fail('was_locked', '10.0.0.1');
    const row = await m.dataSource.getRepository(LoginThrottle).findOneByOrFail({ username: 'was_locked' });
    expect({ failures: row.failures, lockedUntil: row.lockedUntil }).toEqual({ failures: 1, lockedUntil: null });
    await expect(auth.login('still_locked', 'Wrong#pass1', undefined, '10.0.0.3')).rejects.toMatchObject({
      code: 'AUTH_ACCOUNT_LOCKED',
    });
    // Nothing more to prune an instant later.
    expect(await m.get(LoginThrottlesService).prune()).toEqual({ loginThrottles: 0, loginAddressThrottles: 0 });
  });

  it('keeps a row whose last failure is a moment younger than a day', async () => {
    await fail('borderline', '10.0.0.9');
    m.clock.advance(24 * HOUR - 1);
    expect(await m.get(LoginThrottlesService).prune()).toEqual({ loginThrottles: 0, loginAddressThrottles: 0 });
    m.clock.advance(2);
    expect(await m.get(LoginThrottlesService).prune()).toEqual({ loginThrottles: 1, loginAddressThrottles: 1 });
  });

  it('the nightly rate-limit-prune job prunes both kinds and reports each', async () => {
    await m.get(RateLimitService).consume('test:idle', { limit: 5, windowSeconds: 3600 });
    await scenario();
    const job = m.get(JobRegistry).get('rate-limit-prune');
    const counts = await job?.run({
      runId: 1,
      trigger: 'manual',
      instance: 'medium',
      signal: new AbortController().signal,
      options: {},
    });
    expect(counts).toEqual({ rateLimitCounters: 1, loginThrottles: 2, loginAddressThrottles: 1 });
  });
});
