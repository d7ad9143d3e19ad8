import { creditCodeCheckChar } from '@app/domain';
import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { AuthorizationCodesService } from '../../apps/api/src/lookup-accounts/authorization-codes.service';
import { LookupAccountsModule } from '../../apps/api/src/lookup-accounts/lookup-accounts.module';
import { LookupAuthService } from '../../apps/api/src/lookup-accounts/lookup-auth.service';
import type { LookupPrincipal } from '../../apps/api/src/lookup-accounts/lookup-principal';
import { LookupQueriesService } from '../../apps/api/src/lookup-accounts/lookup-queries.service';
import { LookupQuotaService } from '../../apps/api/src/lookup-accounts/lookup-quota.service';
import { residentId } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';

const PASSWORD = 'Lookup#2026x';
const HOLDER_ID = residentId('440106', '19900101', 7);
const OTHER_ID = residentId('440106', '19900101', 8);
const DAY = 86_400_000;
const CREDIT_CODE = '91440101MA59XXTH5' + creditCodeCheckChar('91440101MA59XXTH5');

// R-28 new mode, R-29 authorization codes, R-33 never found: services on a real database with a fixed clock
// (2026-11-23: both kinds in the new mode by the default schedule).
describe('lookup new mode and authorization codes (medium)', () => {
  let m: MediumContext;
  let queries: LookupQueriesService;
  let codes: AuthorizationCodesService;
  let holder: LookupPrincipal;
  let asker: LookupPrincipal;
  let entity: LookupPrincipal;
  let batch: Batch;
  let qualificationBatch: Batch;

  async function principal(registration: Parameters<LookupAuthService['register']>[0]): Promise<LookupPrincipal> {
    const auth = m.get(LookupAuthService);
    await auth.register(registration, '10.0.0.1');
    const { token } = await auth.login(registration.mobile ?? '', PASSWORD, '10.0.0.1');
    return auth.authenticate(token, '10.0.0.1');
  }

  beforeEach(async () => {
    m = await createMediumContext({
      imports: [JurisdictionModule, AuditModule, LookupAccountsModule],
      env: { LOOKUP_PERSON_DAILY_QUOTA: '5' },
    });
    queries = m.get(LookupQueriesService);
    codes = m.get(AuthorizationCodesService);
    const tree = await m.factories.tree();
    const operator = await m.factories.user(tree.institution, ['institution_operator']);
    batch = await m.factories.batch(tree.institution, operator, { status: 'published' });
    qualificationBatch = await m.factories.batch(tree.institution, operator, {
      status: 'published',
      kind: 'qualification',
    });
    const visible = { status: 'published' as const, lookupStatus: 'visible' as const, holderName: '张小明' };
    await m.factories.certificates(batch, 1, {
      ...visible,
      idNumber: HOLDER_ID,
      certificateNumber: 'S440106202600001',
    });
    await m.factories.certificates(qualificationBatch, 1, {
      ...visible,
      idNumber: HOLDER_ID,
      certificateNumber: 'Q440106202600002',
    });
    // Never found: suspended, unpublished.
    await m.factories.certificates(batch, 1, {
      ...visible,
      lookupStatus: 'suspended',
      idNumber: HOLDER_ID,
      certificateNumber: 'S440106202600003',
    });
    await m.factories.certificates(batch, 1, {
      status: 'in_review',
      holderName: '张小明',
      idNumber: HOLDER_ID,
      certificateNumber: 'S440106202600004',
    });
    holder = await principal({
      type: 'person',
      name: '张小明',
      idType: 1,
      idNumber: HOLDER_ID,
      mobile: '13800000001',
      password: PASSWORD,
    });
    asker = await principal({
      type: 'person',
      name: '李四',
      idType: 1,
      idNumber: OTHER_ID,
      mobile: '13800000002',
      password: PASSWORD,
    });
    entity = await principal({
      type: 'legal_entity',
      name: '某人力资源公司',
      creditCode: CREDIT_CODE,
      contactName: '王五',
      mobile: '13800000003',
      password: PASSWORD,
    });
  });
  afterEach(() => m.close());

  const logCount = async (mode: string) =>
    Number((await m.dataSource.query('SELECT COUNT(*) AS n FROM lookup_logs WHERE mode = ?', [mode]))[0].n);

  it('mine: every visible own certificate of both kinds in full; never the suspended or unpublished ones', async () => {
    const { results } = await queries.mine(holder);
    expect(results.map((r) => [r.kind, r.certificateNumber, r.idNumber, r.holderName, r.masked]).sort()).toEqual([
      ['qualification', 'Q440106202600002', HOLDER_ID, '张小明', false],
      ['skill_level', 'S440106202600001', HOLDER_ID, '张小明', false],
    ]);
    expect((await queries.mine(asker)).results).toEqual([]);
    await expect(queries.mine(entity)).rejects.toMatchObject({ code: 'LOOKUP_PERSONS_ONLY' });
    expect(await logCount('mine')).toBe(4);
  });

  it('mine leaves out a kind whose new mode is closed, and refuses when both are', async () => {
    await m.dataSource.query(
      "UPDATE query_mode_schedules SET new_mode_start = '2027-01-01', old_mode_last_day = '2027-12-31' WHERE kind = 'skill_level'",
    );
    // Changed behind the service's back: it applies once the kept schedule is older than queryMode.cacheSeconds.
    m.clock.advance(m.config.queryMode.cacheSeconds * 1000);
    expect((await queries.mine(holder)).results.map((r) => r.kind)).toEqual(['qualification']);
    await m.dataSource.query(
      "UPDATE query_mode_schedules SET new_mode_start = '2027-01-01', old_mode_last_day = '2027-12-31'",
    );
    m.clock.advance(m.config.queryMode.cacheSeconds * 1000);
    await expect(queries.mine(holder)).rejects.toMatchObject({ code: 'LOOKUP_MODE_DISABLED' });
  });

  it('others: masked only when all three match; suspended, unpublished and unknown answer alike; each counts', async () => {
    const query = {
      kind: 'skill_level' as const,
      name: '张小明',
      idNumber: HOLDER_ID.toLowerCase(),
      certificateNumber: 'S440106202600001',
    };
    const { results } = await queries.others(asker, query);
    expect(results).toEqual([
      expect.objectContaining({
        holderName: '**明',
        idNumber: `**************${HOLDER_ID.slice(-4)}`,
        certificateNumber: '*************001',
        masked: true,
      }),
    ]);
    const nothing = [
      { ...query, name: '张小' },
      { ...query, certificateNumber: 'S440106202600003' },
      { ...query, certificateNumber: 'S440106202600004' },
      { ...query, certificateNumber: 'S999999999999999' },
    ];
    for (const q of nothing) expect(await queries.others(asker, q)).toEqual({ results: [] });
    expect((await m.get(LookupQuotaService).view(asker)).used).toBe(5);
    await expect(queries.others(asker, query)).rejects.toMatchObject({ code: 'LOOKUP_DAILY_QUOTA_EXCEEDED' });
    expect(await logCount('others')).toBe(5);
    const logged = JSON.stringify(await m.dataSource.query('SELECT * FROM lookup_logs'));
    expect(logged).not.toContain('张小明');
    expect(logged).not.toContain('S440106202600001');
  });

  it('codes: 422 without a certificate of the kind; by-code gives the holder’s certificates in full and counts', async () => {
    await expect(codes.create(asker, 'skill_level')).rejects.toMatchObject({ code: 'LOOKUP_CODE_NO_CERTIFICATE' });
    await expect(codes.create(entity, 'skill_level')).rejects.toMatchObject({ code: 'LOOKUP_PERSONS_ONLY' });
    const created = await codes.create(holder, 'skill_level');
    expect(created).toEqual({
      id: expect.any(Number),
      kind: 'skill_level',
      code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/),
      createdAt: m.clock.now(),
      expiresAt: new Date('2027-11-23T01:30:00.000Z'),
      status: 'active',
    });
    expect(await codes.list(holder)).toEqual([created]);
    const stored = JSON.stringify(await m.dataSource.query('SELECT * FROM lookup_authorization_codes'));
    expect(stored).not.toContain(created.code.replace(/-/g, ''));
    const { results } = await queries.byCode(entity, created.code.toLowerCase().replace(/-/g, ' '));
    expect(results.map((r) => [r.kind, r.certificateNumber, r.idNumber, r.masked])).toEqual([
      ['skill_level', 'S440106202600001', HOLDER_ID, false],
    ]);
    expect((await m.get(LookupQuotaService).view(entity)).used).toBe(1);
    expect(await logCount('code')).toBe(1);
  });

  it('stop takes effect at once; resume restores the same code and expiry; expired, wrong and malformed answer alike', async () => {
    const created = await codes.create(holder, 'skill_level');
    const stopped = await codes.stop(holder, created.id);
    expect(stopped.status).toBe('stopped');
    await expect(queries.byCode(asker, created.code)).rejects.toMatchObject({ code: 'LOOKUP_CODE_INVALID' });
    m.clock.advance(10 * DAY);
    const resumed = await codes.resume(holder, created.id);
    expect(resumed).toEqual({ ...created, status: 'active' });
    await expect(queries.byCode(asker, created.code)).resolves.toMatchObject({ results: [{ masked: false }] });
    // Another's code cannot be stopped or resumed by id.
    await expect(codes.stop(asker, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    m.clock.set(new Date(created.expiresAt.getTime() - 1));
    await expect(queries.byCode(asker, created.code)).resolves.toBeDefined();
    m.clock.set(created.expiresAt);
    const errors = [];
    for (const typed of [created.code, '2222-2222-2222-2222', 'not a code', '']) {
      errors.push(await queries.byCode(asker, typed).catch((e: unknown) => e));
    }
    for (const e of errors) {
      expect(e).toMatchObject({ code: 'LOOKUP_CODE_INVALID', message: '授权码无效、已停止授权或已过期' });
    }
    expect((await codes.list(holder))[0].status).toBe('expired');
    // Generating again gives a new code and a new year; the old code stops working.
    const renewed = await codes.create(holder, 'skill_level');
    expect(renewed.id).toBe(created.id);
    expect(renewed.code).not.toBe(created.code);
    expect(renewed.status).toBe('active');
  });

  it('refuses code queries after ten wrong codes per account until the lock ends; right codes do not count', async () => {
    const created = await codes.create(holder, 'skill_level');
    for (let i = 0; i < 10; i++) {
      await expect(
        queries.byCode(entity, `2222-2222-2222-${String(2222 + i).replace(/[01]/g, '9')}`),
      ).rejects.toMatchObject({
        code: 'LOOKUP_CODE_INVALID',
      });
    }
    await expect(queries.byCode(entity, created.code)).rejects.toMatchObject({ code: 'LOOKUP_CODE_ATTEMPTS_EXCEEDED' });
    // Another account is not affected.
    await expect(queries.byCode(asker, created.code)).resolves.toBeDefined();
    m.clock.advance(30 * 60_000 + 1);
    await expect(queries.byCode(entity, created.code)).resolves.toBeDefined();
  });

  it('others takes the typed values as the import stores them: full-width, lower case and extra spaces still find', async () => {
    const { results } = await queries.others(asker, {
      kind: 'skill_level',
      name: ' 张小明 ',
      idNumber: HOLDER_ID,
      certificateNumber: 'ｓ４４０１０６２０２６０００01',
    });
    expect(results).toHaveLength(1);
  });

  it('an ID number registered under another name opens no certificate: mine, codes and by-code need the name too (R-28)', async () => {
    // The local provider does not verify identities: someone registering a stranger's ID number under their own name.
    const impostor = await principal({
      type: 'person',
      name: '赵六',
      idType: 1,
      idNumber: HOLDER_ID,
      mobile: '13800000009',
      password: PASSWORD,
    }).catch((error: unknown) => error);
    // The ID number is taken by the holder's own account here; on a fresh one the impostor would get this far.
    expect(impostor).toMatchObject({ code: 'LOOKUP_ACCOUNT_EXISTS' });
    const stranger = { ...holder, accountId: holder.accountId, name: '赵六' };
    expect(await queries.mine(stranger)).toEqual({ results: [] });
    await expect(codes.create(stranger, 'skill_level')).rejects.toMatchObject({ code: 'LOOKUP_CODE_NO_CERTIFICATE' });
  });

  it('a missing, non-string or overlong code answers as a wrong one and counts toward the lock', async () => {
    for (const typed of [undefined, 123456789012, 'A'.repeat(65)]) {
      await expect(queries.byCode(entity, typed)).rejects.toMatchObject({ code: 'LOOKUP_CODE_INVALID' });
    }
    const [attempts] = await m.dataSource.query(
      "SELECT failures FROM login_throttle WHERE username LIKE 'lookup:code:%'",
    );
    expect(Number(attempts?.failures)).toBe(3);
  });

  it('two code generations at once both answer, and one code of the kind remains (a double click)', async () => {
    const both = await Promise.all([codes.create(holder, 'skill_level'), codes.create(holder, 'skill_level')]);
    expect(both.map((c) => c.status)).toEqual(['active', 'active']);
    expect((await codes.list(holder)).filter((c) => c.kind === 'skill_level')).toHaveLength(1);
  });
});
