import type { DataSource, QueryRunner, TransactionCommitEvent, UpdateEvent } from 'typeorm';
import type { Actor } from '../common/actor/actor';
import type { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';
import { TOUCH_INTERVAL_MS } from './auth.service';
import { Session } from '../users/entities/session.entity';
import { AuthenticatedSession, PrincipalCache } from './principal-cache';

const T0 = Date.parse('2026-11-23T02:00:00Z');
const actor: Actor = {
  userId: 7,
  username: 'gd_reviewer',
  displayName: '黄丽萍',
  roles: ['provincial_reviewer'],
  organisationId: 3,
  organisationPath: '/1/3/',
  organisationLevel: 'provincial',
  ip: '10.0.0.1',
};

function setup(lifetimeSeconds = 5) {
  let now = T0;
  const clock = { now: () => new Date(now) } as Clock;
  const dataSource = { subscribers: [] as unknown[] } as unknown as DataSource;
  const cache = new PrincipalCache(
    { auth: { principalCacheSeconds: lifetimeSeconds } } as AppConfig,
    dataSource,
    clock,
  );
  cache.onModuleInit();
  let lastSeenAt = T0;
  const load = jest.fn((): Promise<AuthenticatedSession> =>
    Promise.resolve({
      actor,
      mustChangePassword: false,
      lastSeenAt: new Date(lastSeenAt),
    }),
  );
  return {
    cache,
    dataSource,
    load,
    at: (ms: number) => (now = T0 + ms),
    seenAt: (ms: number) => (lastSeenAt = T0 + ms),
    get: (ip = '10.0.0.1') => cache.authenticate('token-a', ip, load),
  };
}

const update = (target: unknown, entity: Record<string, unknown> | undefined, queryRunner?: Partial<QueryRunner>) =>
  ({ metadata: { target }, entity, queryRunner }) as unknown as UpdateEvent<unknown>;

describe('PrincipalCache', () => {
  it('registers itself with the data source to hear about changes', () => {
    const { cache, dataSource } = setup();
    expect(dataSource.subscribers).toContain(cache);
  });

  it('serves a loaded principal within its lifetime, with each request’s own address', async () => {
    const s = setup();
    await s.get();
    s.at(4_000);
    const again = await s.get('10.0.0.2');
    expect(s.load).toHaveBeenCalledTimes(1);
    expect(again.actor).toEqual({ ...actor, ip: '10.0.0.2' });
    s.at(5_000);
    await s.get();
    expect(s.load).toHaveBeenCalledTimes(2);
  });

  it('R-41: never serves a session whose last activity is due for a refresh, so AuthService refreshes or ends it', async () => {
    const s = setup();
    s.seenAt(-(TOUCH_INTERVAL_MS - 2_000));
    await s.get();
    s.at(1_000);
    await s.get();
    expect(s.load).toHaveBeenCalledTimes(1);
    s.at(3_000);
    await s.get();
    expect(s.load).toHaveBeenCalledTimes(2);
  });

  it('reads every time with a lifetime of 0', async () => {
    const s = setup(0);
    await s.get();
    await s.get();
    expect(s.load).toHaveBeenCalledTimes(2);
    expect(s.cache.size).toBe(0);
  });

  it('is emptied by changes to who a person is, their sessions or organisations, not by bookkeeping', async () => {
    const s = setup();
    const cases: [unknown, Record<string, unknown> | undefined, boolean][] = [
      [User, { lastLoginAt: new Date(T0), version: () => 'version' }, false],
      [User, { totpLastStep: 5, version: () => 'version' }, false],
      [Session, { lastSeenAt: new Date(T0) }, false],
      [Session, { lastSeenAt: new Date(T0 - 31 * 60_000) }, true],
      [Session, { endedAt: new Date(T0) }, true],
      [User, { roles: ['provincial_admin'], version: () => 'version + 1' }, true],
      [User, { disabled: true }, true],
      [User, { passwordHash: 'x', mustChangePassword: false }, true],
      [User, undefined, true],
      [Organisation, { name: '新名称' }, true],
    ];
    for (const [target, entity, empties] of cases) {
      await s.get();
      expect(s.cache.size).toBe(1);
      s.cache.afterUpdate(update(target, entity));
      expect([target, entity, s.cache.size]).toEqual([target, entity, empties ? 0 : 1]);
    }
  });

  it('does not keep a principal read while a change was under way, and empties again when that change commits', async () => {
    const s = setup();
    const transaction = { isTransactionActive: true } as QueryRunner;
    s.load.mockImplementationOnce(() => {
      s.cache.afterUpdate(update(User, { disabled: true }, transaction));
      return Promise.resolve({ actor, mustChangePassword: false, lastSeenAt: new Date(T0) });
    });
    await s.get();
    expect(s.cache.size).toBe(0);
    // Read after the change's UPDATE but before its COMMIT: still the old row, dropped at the commit.
    await s.get();
    expect(s.cache.size).toBe(1);
    s.cache.afterTransactionCommit({ queryRunner: transaction } as TransactionCommitEvent);
    expect(s.cache.size).toBe(0);
  });
});
