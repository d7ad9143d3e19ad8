import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { Actor } from '../../apps/api/src/common/actor/actor';
import { LookupModule } from '../../apps/api/src/lookup/lookup.module';
import { QueryModeService } from '../../apps/api/src/query-mode/query-mode.service';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

const ANNOUNCEMENT = '新版查询上线时间调整为 2026 年 1 月 1 日，旧版查询延续至 2026 年 3 月 31 日。';

// national_admin edits the cutover schedule — gap refused first, reason required, versioned, kept, audited.
describe('query-mode schedule edits (medium)', () => {
  let m: MediumContext;
  let modes: QueryModeService;
  let admin: Actor;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, LookupModule], now: '2025-11-20T02:00:00Z' });
    modes = m.get(QueryModeService);
    const tree = await m.factories.tree();
    admin = m.factories.actor(
      await m.factories.user(tree.national, ['national_admin'], { displayName: '部中心管理员甲' }),
      tree.national,
    );
  });
  afterAll(() => m.close());

  const current = async (kind: 'qualification' | 'skill_level') =>
    (await modes.adminList()).find((s) => s.kind === kind)!;

  it('refuses a schedule leaving a day with no mode with QUERY_MODE_GAP, before any other check', async () => {
    // No reason, no version, no announcement: the gap is still what is answered.
    await expect(
      modes.update(admin, 'skill_level', { newModeStart: '2026-01-10', oldModeLastDay: '2026-01-08' }),
    ).rejects.toMatchObject({ code: 'QUERY_MODE_GAP' });
    // The day before the start is the latest possible last day without a gap: old through 01-09, new from 01-10.
    await expect(
      modes.update(admin, 'skill_level', { newModeStart: '2026-01-10', oldModeLastDay: '2026-01-09' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/调整原因/) });
  });

  it('needs a reason and the version read; a stale version is 409 and changes nothing', async () => {
    const { version } = await current('qualification');
    const base = { newModeStart: '2026-01-01', oldModeLastDay: '2026-03-31', announcement: ANNOUNCEMENT };
    await expect(modes.update(admin, 'qualification', { ...base, reason: ' ', version })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(modes.update(admin, 'qualification', { ...base, reason: '推迟上线' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      modes.update(admin, 'qualification', { ...base, reason: '推迟上线', version: version + 1 }),
    ).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await current('qualification')).toMatchObject({ newModeStart: '2025-12-01', version });
  });

  it('applies a change dated ahead, keeps it in the history and audits it in the same transaction', async () => {
    const { version } = await current('qualification');
    const saved = await modes.update(admin, 'qualification', {
      newModeStart: '2026-01-01',
      oldModeLastDay: '2026-03-31',
      announcement: ANNOUNCEMENT,
      reason: '推迟新版上线，延长并行期',
      version,
    });
    expect(saved).toMatchObject({
      kind: 'qualification',
      newModeStart: '2026-01-01',
      oldModeLastDay: '2026-03-31',
      announcement: ANNOUNCEMENT,
      mode: 'old',
      version: version + 1,
      updatedByName: '部中心管理员甲',
    });
    // The other kind is untouched.
    expect(await current('skill_level')).toMatchObject({ newModeStart: '2025-12-01', oldModeLastDay: '2026-02-28' });
    const [change] = await modes.history();
    expect(change).toMatchObject({
      kind: 'qualification',
      changedById: admin.userId,
      changedByName: '部中心管理员甲',
      before: { newModeStart: '2025-12-01', oldModeLastDay: '2026-02-28' },
      after: { newModeStart: '2026-01-01', oldModeLastDay: '2026-03-31', announcement: ANNOUNCEMENT },
      reason: '推迟新版上线，延长并行期',
      changedAt: m.clock.now(),
    });
    expect(await modes.history('skill_level')).toEqual([]);
    const audit = await m.dataSource.getRepository(AuditLog).findOneByOrFail({ action: 'query-mode.update' });
    expect(audit).toMatchObject({ targetType: 'query_mode', targetId: 'qualification', userId: admin.userId });
    expect(JSON.parse(audit.after!)).toMatchObject({ newModeStart: '2026-01-01' });
  });

  it('reopens a mode that has ended (the parallel period extended after it closed)', async () => {
    m.clock.set('2026-03-05T02:00:00Z');
    expect((await current('skill_level')).mode).toBe('new');
    await expect(modes.requireOpen('skill_level', 'old')).rejects.toMatchObject({ code: 'LOOKUP_MODE_DISABLED' });
    const { version, announcement } = await current('skill_level');
    await modes.update(admin, 'skill_level', {
      newModeStart: '2025-12-01',
      oldModeLastDay: '2026-03-31',
      announcement,
      reason: '旧版查询延长一个月',
      version,
    });
    expect((await current('skill_level')).mode).toBe('both');
    await expect(modes.requireOpen('skill_level', 'old')).resolves.toBeUndefined();
    expect((await modes.history()).map((c) => c.kind)).toEqual(['skill_level', 'qualification']);
  });
});
