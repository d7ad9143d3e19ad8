import { creditCodeCheckChar, residentIdCheckChar } from '@app/domain';
import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { LookupAccount } from '../../apps/api/src/lookup-accounts/entities/lookup-account.entity';
import { LookupAccountsModule } from '../../apps/api/src/lookup-accounts/lookup-accounts.module';
import { LookupAuthService } from '../../apps/api/src/lookup-accounts/lookup-auth.service';
import { LookupQuotaService } from '../../apps/api/src/lookup-accounts/lookup-quota.service';
import type { LookupPrincipal } from '../../apps/api/src/lookup-accounts/lookup-principal';
import { createMediumContext, MediumContext } from './support/medium-context';

const PASSWORD = 'Lookup#2026x';
const MINUTE = 60_000;

function personId(n: number): string {
  const first17 = `4401061990${String(101 + (n % 800))
    .padStart(4, '0')
    .slice(0, 4)}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function creditCode(n: number): string {
  const first17 = `91440101MA${String(n).padStart(6, '0')}0`;
  return first17 + creditCodeCheckChar(first17);
}

const ID = '440106199001011234'.slice(0, 17) + residentIdCheckChar('44010619900101123');

// R-5 accounts and sessions, R-30 quotas: the local identity provider and the database counters with a fixed clock.
describe('lookup accounts and quotas (medium)', () => {
  let m: MediumContext;
  let auth: LookupAuthService;

  beforeEach(async () => {
    m = await createMediumContext({
      imports: [JurisdictionModule, AuditModule, LookupAccountsModule],
      env: { LOGIN_ADDRESS_FAILURE_LIMIT: '8', LOOKUP_REGISTRATIONS_PER_HOUR: '3' },
    });
    auth = m.get(LookupAuthService);
  });
  afterEach(() => m.close());

  const registerPerson = (idNumber = ID, mobile = '13800138000', ip = '10.0.0.1') =>
    auth.register({ type: 'person', name: '张三', idType: '居民身份证', idNumber, mobile, password: PASSWORD }, ip);

  it('registers a person with identifiers encrypted and indexed, and logs in by mobile or ID number', async () => {
    const view = await registerPerson();
    expect(view).toEqual({
      id: expect.any(Number),
      type: 'person',
      name: '张三',
      identifierMasked: `**************${ID.slice(-4)}`,
      mobileMasked: '138****8000',
    });
    const [row] = await m.dataSource.getRepository(LookupAccount).find();
    expect(JSON.stringify(row)).not.toContain(ID);
    expect(JSON.stringify(row)).not.toContain('13800138000');
    for (const account of ['13800138000', ID.toLowerCase(), ` ${ID} `]) {
      const { token, account: me } = await auth.login(account, PASSWORD, '10.0.0.1');
      expect(me.id).toBe(view.id);
      expect((await auth.authenticate(token, '10.0.0.1')).accountId).toBe(view.id);
    }
  });

  it('refuses a second account for the same ID number or mobile number, and invalid registrations', async () => {
    await registerPerson();
    await expect(registerPerson(ID, '13900139000')).rejects.toMatchObject({ code: 'LOOKUP_ACCOUNT_EXISTS' });
    await expect(registerPerson(personId(7), '13800138000', '10.0.0.2')).rejects.toMatchObject({
      code: 'LOOKUP_ACCOUNT_EXISTS',
    });
    await expect(
      auth.register(
        {
          type: 'legal_entity',
          name: '某公司',
          creditCode: creditCode(1).slice(0, 17) + '0',
          contactName: '李四',
          mobile: '13700137000',
          password: PASSWORD,
        },
        '10.0.0.3',
      ),
    ).rejects.toMatchObject({ code: 'LOOKUP_REGISTRATION_INVALID' });
    await expect(
      auth.register(
        {
          type: 'legal_entity',
          name: '某公司',
          creditCode: creditCode(1),
          contactName: '李四',
          mobile: '13700137000',
          password: 'short',
        },
        '10.0.0.3',
      ),
    ).rejects.toMatchObject({ code: 'PASSWORD_POLICY' });
    const entity = await auth.register(
      {
        type: 'legal_entity',
        name: '某公司',
        creditCode: creditCode(1),
        contactName: '李四',
        mobile: '13700137000',
        password: PASSWORD,
      },
      '10.0.0.3',
    );
    expect((await auth.login(creditCode(1), PASSWORD, '10.0.0.3')).account).toEqual(entity);
  });

  it('limits registrations per client address and hour', async () => {
    // Three a window here (configured); failed ones count too — the limit is on attempts.
    await registerPerson(personId(1), '13800000001', '10.9.9.9');
    await registerPerson(personId(2), '13800000002', '10.9.9.9');
    await registerPerson(personId(3), '13800000003', '10.9.9.9');
    await expect(registerPerson(personId(4), '13800000004', '10.9.9.9')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(registerPerson(personId(4), '13800000004', '10.9.9.8')).resolves.toBeDefined();
  });

  it('locks an account after five wrong passwords whichever identifier was typed, for 30 minutes', async () => {
    await registerPerson();
    for (const account of ['13800138000', ID, '13800138000', ID]) {
      await expect(auth.login(account, 'Wrong#pass1', '10.0.0.1')).rejects.toMatchObject({
        code: 'AUTH_INVALID_CREDENTIALS',
      });
    }
    await expect(auth.login(ID, 'Wrong#pass1', '10.0.0.2')).rejects.toMatchObject({ code: 'AUTH_ACCOUNT_LOCKED' });
    await expect(auth.login('13800138000', PASSWORD, '10.0.0.3')).rejects.toMatchObject({
      code: 'AUTH_ACCOUNT_LOCKED',
    });
    m.clock.advance(30 * MINUTE + 1);
    await expect(auth.login('13800138000', PASSWORD, '10.0.0.3')).resolves.toBeDefined();
    // Unknown accounts lock the same way, so a lockout does not tell whether an account exists.
    for (let i = 0; i < 5; i++) await expect(auth.login('13999999999', PASSWORD, '10.0.1.1')).rejects.toBeDefined();
    await expect(auth.login('13999999999', PASSWORD, '10.0.1.2')).rejects.toMatchObject({
      code: 'AUTH_ACCOUNT_LOCKED',
    });
  });

  it('ends sessions on logout and after the idle time; a staff-style token is no session', async () => {
    await registerPerson();
    const { token } = await auth.login('13800138000', PASSWORD, '10.0.0.1');
    m.clock.advance(29 * MINUTE);
    await expect(auth.authenticate(token, '10.0.0.1')).resolves.toBeDefined();
    m.clock.advance(30 * MINUTE + 1);
    await expect(auth.authenticate(token, '10.0.0.1')).rejects.toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
    const second = await auth.login('13800138000', PASSWORD, '10.0.0.1');
    await auth.logout(second.token);
    await expect(auth.authenticate(second.token, '10.0.0.1')).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    await expect(auth.authenticate('not-a-token', '10.0.0.1')).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('keeps a session a few seconds: disabling by hand (another server) applies within principalCacheSeconds', async () => {
    const view = await registerPerson();
    const { token } = await auth.login('13800138000', PASSWORD, '10.0.0.1');
    await expect(auth.authenticate(token, '10.0.0.1')).resolves.toMatchObject({ accountId: view.id });
    await m.dataSource.query('UPDATE lookup_accounts SET disabled = 1 WHERE id = ?', [view.id]);
    const lifetimeMs = m.config.auth.principalCacheSeconds * 1000;
    expect(lifetimeMs).toBeGreaterThan(0);
    m.clock.advance(lifetimeMs - 1);
    await expect(auth.authenticate(token, '10.0.0.1')).resolves.toMatchObject({ accountId: view.id });
    m.clock.advance(1);
    await expect(auth.authenticate(token, '10.0.0.1')).rejects.toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
  });

  describe('daily quota (R-30)', () => {
    let quotas: LookupQuotaService;
    const person = (accountId: number): LookupPrincipal => ({
      accountId,
      type: 'person',
      name: '张三',
      identifierHash: 'x',
      ip: '10.0.0.1',
    });
    beforeEach(() => {
      quotas = m.get(LookupQuotaService);
    });

    it('lets exactly the limit through 200 concurrent requests', async () => {
      const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => quotas.take(person(1))));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(100);
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(refused).toHaveLength(100);
      for (const r of refused) {
        expect(r.reason).toMatchObject({
          code: 'LOOKUP_DAILY_QUOTA_EXCEEDED',
          details: { limit: 100, used: 100, requested: 1, resetsAt: '2026-11-23T16:00:00.000Z' },
        });
      }
      expect(await quotas.view(person(1))).toEqual({
        used: 100,
        limit: 100,
        resetsAt: new Date('2026-11-23T16:00:00Z'),
      });
    });

    it('takeWith: exactly the limit of 200 concurrent queries run their work, in the quota transaction', async () => {
      let ran = 0;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 200 }, () =>
          quotas.takeWith(person(4), 1, async (manager) => {
            ran += 1;
            return (await manager.query('SELECT used FROM lookup_quotas WHERE account_id = 4')).length;
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(100);
      expect(ran).toBe(100);
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(refused).toHaveLength(100);
      for (const r of refused) {
        expect(r.reason).toMatchObject({ code: 'LOOKUP_DAILY_QUOTA_EXCEEDED', details: { limit: 100, used: 100 } });
      }
      // The day's row removed behind the process's back: made again, and counting starts afresh.
      await m.dataSource.query('DELETE FROM lookup_quotas WHERE account_id = 4');
      await expect(quotas.takeWith(person(4), 1, () => Promise.resolve('ok'))).resolves.toBe('ok');
      expect((await quotas.view(person(4))).used).toBe(1);
    });

    it('takeAndLog: of 200 concurrent queries of two accounts, exactly each limit is counted and logged, grouped', async () => {
      const entry = (accountId: number) => ({
        accountId,
        clientAddress: '10.0.0.1',
        mode: 'others' as const,
        kind: 'skill_level' as const,
        fields: ['name'],
        found: 1,
      });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) => quotas.takeAndLog(person(5 + (i % 2)), 1, entry(5 + (i % 2)))),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(200);
      const more = await Promise.allSettled([5, 6].map((id) => quotas.takeAndLog(person(id), 1, entry(id))));
      for (const r of more) {
        expect(r).toMatchObject({ status: 'rejected', reason: { code: 'LOOKUP_DAILY_QUOTA_EXCEEDED' } });
      }
      const logged: { accountId: number; n: number }[] = await m.dataSource.query(
        'SELECT account_id AS "accountId", COUNT(*) AS n FROM lookup_logs WHERE account_id IN (5, 6) GROUP BY account_id ORDER BY account_id',
      );
      expect(logged.map((r) => [Number(r.accountId), Number(r.n)])).toEqual([
        [5, 100],
        [6, 100],
      ]);
      expect((await quotas.view(person(5))).used).toBe(100);
    });

    it('takeAndLog: a group one of whose accounts would pass its limit still counts every claim that fits', async () => {
      const entry = (accountId: number) => ({
        accountId,
        clientAddress: '10.0.0.1',
        mode: 'others' as const,
        kind: 'skill_level' as const,
        fields: ['name'],
        found: 0,
      });
      // Account 7 asks 150 times (50 over), account 8 asks 40 times, in the same groups.
      const asks = Array.from({ length: 190 }, (_, i) => (i < 80 ? 7 + (i % 2) : 7));
      expect(asks.filter((a) => a === 7)).toHaveLength(150);
      const outcomes = await Promise.allSettled(asks.map((id) => quotas.takeAndLog(person(id), 1, entry(id))));
      const passed = (id: number) => outcomes.filter((o, i) => asks[i] === id && o.status === 'fulfilled').length;
      expect([passed(7), passed(8)]).toEqual([100, 40]);
      const logged: { accountId: number; n: number }[] = await m.dataSource.query(
        'SELECT account_id AS "accountId", COUNT(*) AS n FROM lookup_logs WHERE account_id IN (7, 8) GROUP BY account_id ORDER BY account_id',
      );
      expect(logged.map((r) => [Number(r.accountId), Number(r.n)])).toEqual([
        [7, 100],
        [8, 40],
      ]);
      expect([(await quotas.view(person(7))).used, (await quotas.view(person(8))).used]).toEqual([100, 40]);
    });

    it('counts per Beijing day: the 100th passes, the 101st not, and the next day starts again at midnight', async () => {
      for (let i = 0; i < 99; i++) await quotas.take(person(2));
      await expect(quotas.take(person(2))).resolves.toBeUndefined();
      await expect(quotas.take(person(2))).rejects.toMatchObject({ code: 'LOOKUP_DAILY_QUOTA_EXCEEDED' });
      m.clock.set('2026-11-23T15:59:59.999Z');
      await expect(quotas.take(person(2))).rejects.toMatchObject({ code: 'LOOKUP_DAILY_QUOTA_EXCEEDED' });
      m.clock.set('2026-11-23T16:00:00Z');
      await expect(quotas.take(person(2))).resolves.toBeUndefined();
      expect((await quotas.view(person(2))).used).toBe(1);
    });

    it('takes a batch whole or not at all, and legal entities have 500', async () => {
      const entity: LookupPrincipal = { ...person(3), type: 'legal_entity' };
      await quotas.take(entity, 450);
      await expect(quotas.take(entity, 51)).rejects.toMatchObject({
        code: 'LOOKUP_DAILY_QUOTA_EXCEEDED',
        details: { limit: 500, used: 450, requested: 51 },
      });
      expect((await quotas.view(entity)).used).toBe(450);
      await quotas.take(entity, 50);
      expect((await quotas.view(entity)).used).toBe(500);
      const batches = await Promise.allSettled(
        Array.from({ length: 30 }, () => quotas.take({ ...entity, accountId: 4 }, 40)),
      );
      expect(batches.filter((o) => o.status === 'fulfilled')).toHaveLength(12);
      expect((await quotas.view({ ...entity, accountId: 4 })).used).toBe(480);
    });
  });
});
