import { canonicalIdNumberForSearch, DomainError } from '@app/domain';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { CertificatesModule } from '../../apps/api/src/certificates/certificates.module';
import { CertificatesRepository } from '../../apps/api/src/certificates/certificates.repository';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { LookupSeams1797000100000 } from '../../apps/api/src/composition/migrations/1797000100000-LookupSeams';
import { FieldCipher } from '../../apps/api/src/crypto/field-cipher';
import { LookupCertificatesRepository } from '../../apps/api/src/lookup/lookup-certificates.repository';
import { LookupLogService } from '../../apps/api/src/lookup/lookup-log.service';
import { LookupModule } from '../../apps/api/src/lookup/lookup.module';
import { toLookupCertificate } from '../../apps/api/src/lookup/lookup-view';
import { QueryModeService } from '../../apps/api/src/query-mode/query-mode.service';
import { OrgTree, residentId } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

/** 02:00 Beijing time on `day` (the Beijing day starts at 16:00 UTC the day before). */
const beijing = (day: string, time = '02:00') => new Date(`${day}T${time}:00+08:00`);

// The seams the public lookup is built on (R-32, R-33, R-10, the lookup log), on a real database.
describe('lookup seams (medium)', () => {
  let m: MediumContext;
  let modes: QueryModeService;
  let lookup: LookupCertificatesRepository;
  let tree: OrgTree;
  let batch: Batch;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, CertificatesModule, LookupModule] });
    modes = m.get(QueryModeService);
    lookup = m.get(LookupCertificatesRepository);
    tree = await m.factories.tree();
    const operator = await m.factories.user(tree.institution, ['institution_operator']);
    batch = await m.factories.batch(tree.institution, operator, { status: 'published' });
  });
  afterAll(() => m.close());

  describe('QueryModeService (R-32)', () => {
    it('starts from seed 000’s schedule for both kinds and decides the mode on the Beijing day', async () => {
      m.clock.set(beijing('2025-11-30', '23:59'));
      const before = await modes.modes();
      expect(before.today).toBe('2025-11-30');
      expect(before.kinds.map((k) => [k.kind, k.mode, k.newModeStart, k.oldModeLastDay])).toEqual([
        ['qualification', 'old', '2025-12-01', '2026-02-28'],
        ['skill_level', 'old', '2025-12-01', '2026-02-28'],
      ]);
      expect(before.kinds[0].announcement).toContain('2025 年 12 月 1 日起正式上线新版证书查询功能');
      // 2025-11-30 16:00 UTC is already 2025-12-01 in Beijing.
      m.clock.set('2025-11-30T16:00:00Z');
      expect((await modes.modes()).kinds.map((k) => k.mode)).toEqual(['both', 'both']);
      m.clock.set(beijing('2026-02-28', '23:59'));
      expect((await modes.modes()).kinds.map((k) => k.mode)).toEqual(['both', 'both']);
      m.clock.set(beijing('2026-03-01', '00:00'));
      expect((await modes.modes()).kinds.map((k) => k.mode)).toEqual(['new', 'new']);
    });

    it('requireOpen refuses a closed side with LOOKUP_MODE_DISABLED and the announcement, per kind', async () => {
      m.clock.set(beijing('2025-11-30'));
      await expect(modes.requireOpen('qualification', 'old')).resolves.toBeUndefined();
      await expect(modes.requireOpen('skill_level', 'new')).rejects.toMatchObject({
        code: 'LOOKUP_MODE_DISABLED',
        details: { kind: 'skill_level', mode: 'old', announcement: expect.stringContaining('新版') },
      });
      m.clock.set(beijing('2026-03-01'));
      await expect(modes.requireOpen('skill_level', 'new')).resolves.toBeUndefined();
      const refused = await modes.requireOpen('qualification', 'old').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).message).toMatch(/旧版查询方式已停用/);
    });

    it('reads the stored schedule again after queryMode.cacheSeconds: a change elsewhere applies within it', async () => {
      m.clock.set(beijing('2026-03-01'));
      await expect(modes.requireOpen('skill_level', 'old')).rejects.toMatchObject({ code: 'LOOKUP_MODE_DISABLED' });
      // Another server extends the parallel period of one kind.
      await m.dataSource.query(
        "UPDATE query_mode_schedules SET old_mode_last_day = '2026-03-31' WHERE kind = 'skill_level'",
      );
      const lifetimeMs = m.config.queryMode.cacheSeconds * 1000;
      expect(lifetimeMs).toBeGreaterThan(0);
      m.clock.advance(lifetimeMs - 1);
      await expect(modes.requireOpen('skill_level', 'old')).rejects.toMatchObject({ code: 'LOOKUP_MODE_DISABLED' });
      m.clock.advance(1);
      await expect(modes.requireOpen('skill_level', 'old')).resolves.toBeUndefined();
      await expect(modes.requireOpen('qualification', 'old')).rejects.toMatchObject({ code: 'LOOKUP_MODE_DISABLED' });
      await m.dataSource.query(
        "UPDATE query_mode_schedules SET old_mode_last_day = '2026-02-28' WHERE kind = 'skill_level'",
      );
    });
  });

  describe('LookupCertificatesRepository (R-33)', () => {
    let visible: Certificate;
    const cipher = () => m.get(FieldCipher);

    beforeAll(async () => {
      [visible] = await m.factories.certificates(batch, 1, {
        status: 'published',
        lookupStatus: 'visible',
        holderName: '张小明',
        admissionTicket: 'ZKZ2026001',
        idNumber: residentId('440106', '19900101', 7),
      });
      // The same person, published but suspended; another one unpublished; another kind.
      await m.factories.certificates(batch, 1, {
        status: 'published',
        lookupStatus: 'suspended',
        holderName: '张小明',
        idNumber: residentId('440106', '19900101', 7),
      });
      await m.factories.certificates(batch, 1, {
        status: 'in_review',
        holderName: '张小明',
        idNumber: residentId('440106', '19900101', 7),
      });
      await m.factories.certificates(batch, 1, {
        kind: 'qualification',
        status: 'published',
        lookupStatus: 'visible',
        holderName: '张小明',
        idNumber: residentId('440106', '19900101', 7),
      });
    });

    it('finds only published visible rows, by each criterion and kind, with institution and province', async () => {
      const hash = cipher().blindIndex(canonicalIdNumberForSearch(residentId('440106', '19900101', 7)));
      const byNumber = await lookup.find('skill_level', { certificateNumber: visible.certificateNumber });
      expect(byNumber).toEqual([
        expect.objectContaining({
          id: visible.id,
          kind: 'skill_level',
          holderName: '张小明',
          institutionName: tree.institution.name,
          dataResponsibleUnit: tree.province.name,
          issueDate: visible.issueDate,
          level: 4,
          gender: 1,
        }),
      ]);
      expect((await lookup.find('skill_level', { idNumberHash: hash, holderName: '张小明' })).map((r) => r.id)).toEqual(
        [visible.id],
      );
      expect(
        (await lookup.find('skill_level', { holderName: '张小明', admissionTicket: 'ZKZ2026001' })).map((r) => r.id),
      ).toEqual([visible.id]);
      expect(await lookup.find('qualification', { certificateNumber: visible.certificateNumber })).toEqual([]);
      expect((await lookup.byIdNumberHash(hash)).map((r) => r.kind).sort()).toEqual(['qualification', 'skill_level']);
      expect((await lookup.byIdNumberHash(hash, 'skill_level')).map((r) => r.id)).toEqual([visible.id]);
      await expect(lookup.find('skill_level', {})).rejects.toThrow(/at least one criterion/);
    });

    it('toLookupCertificate masks as R-10 from the stored masked number, or shows the record in full', async () => {
      const [row] = await lookup.find('skill_level', { certificateNumber: visible.certificateNumber });
      const idNumber = residentId('440106', '19900101', 7);
      const masked = toLookupCertificate(row, { masked: true });
      expect(masked).toMatchObject({
        holderName: '**明',
        idNumber: `${'*'.repeat(14)}${idNumber.slice(-4)}`,
        certificateNumber: `${'*'.repeat(visible.certificateNumber.length - 3)}${visible.certificateNumber.slice(-3)}`,
        gender: '男',
        levelLabel: '四级/中级工',
        masked: true,
      });
      const decrypt = jest.fn((token: string) => cipher().decrypt(token));
      expect(toLookupCertificate(row, { masked: true, cipher: { decrypt } }).idNumber).toMatch(/^\*+/);
      expect(decrypt).not.toHaveBeenCalled();
      expect(toLookupCertificate(row, { masked: false, cipher: cipher() })).toMatchObject({
        holderName: '张小明',
        idNumber,
        certificateNumber: visible.certificateNumber,
        masked: false,
      });
    });
  });

  it('publication makes a batch’s records visible to the lookup (one set-based statement)', async () => {
    const operator = await m.factories.user(tree.institution, ['institution_operator']);
    const reviewed = await m.factories.batch(tree.institution, operator, { status: 'national_review' });
    const records = await m.factories.certificates(reviewed, 2, { status: 'in_review' });
    expect(await lookup.find('skill_level', { certificateNumber: records[0].certificateNumber })).toEqual([]);
    await m.dataSource.transaction((manager) =>
      m.get(CertificatesRepository).publishBatch(manager, reviewed.id, '2026-11-23'),
    );
    const rows = await m.dataSource.getRepository(Certificate).findBy({ batchId: reviewed.id });
    expect(rows.map((r) => [r.status, r.lookupStatus])).toEqual([
      ['published', 'visible'],
      ['published', 'visible'],
    ]);
    expect(await lookup.find('skill_level', { certificateNumber: records[0].certificateNumber })).toHaveLength(1);
  });

  it('the migration backfills `visible` for published records only', async () => {
    const operator = await m.factories.user(tree.institution, ['institution_operator']);
    const old = await m.factories.batch(tree.institution, operator);
    const [published] = await m.factories.certificates(old, 1, { status: 'published' });
    const [draft] = await m.factories.certificates(old, 1, { status: 'draft' });
    const migration = new LookupSeams1797000100000();
    const runner = m.dataSource.createQueryRunner();
    try {
      // Back to the schema before the lookup (the existing rows stay), then forward again.
      await m.dataSource.query('DELETE FROM query_mode_schedules');
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const status = async (id: number) =>
      (await m.dataSource.getRepository(Certificate).findOneByOrFail({ id })).lookupStatus;
    expect(await status(published.id)).toBe('visible');
    expect(await status(draft.id)).toBeNull();
    expect((await modes.modes()).kinds).toHaveLength(2);
  });

  it('LookupLogService records who, how and how many — never the searched values', async () => {
    const log = m.get(LookupLogService);
    m.clock.set(beijing('2026-01-05'));
    await log.record({
      clientAddress: '203.0.113.9',
      mode: 'old',
      kind: 'skill_level',
      fields: ['name', 'certificateNumber'],
      found: 1,
    });
    await log.record({
      accountId: 42,
      clientAddress: '203.0.113.9',
      mode: 'others',
      kind: 'qualification',
      fields: ['张小明'],
      found: 0,
    });
    const rows: Record<string, unknown>[] = await m.dataSource.query(
      'SELECT day, account_id, client_address, mode, kind, fields, found FROM lookup_logs ORDER BY id',
    );
    expect(
      rows.map((r) => ({
        ...r,
        account_id: r.account_id === null ? null : Number(r.account_id),
        found: Number(r.found),
      })),
    ).toEqual([
      {
        day: '2026-01-05',
        account_id: null,
        client_address: '203.0.113.9',
        mode: 'old',
        kind: 'skill_level',
        fields: 'certificateNumber,name',
        found: 1,
      },
      // A value passed where a field name belongs is dropped.
      {
        day: '2026-01-05',
        account_id: 42,
        client_address: '203.0.113.9',
        mode: 'others',
        kind: 'qualification',
        fields: '',
        found: 0,
      },
    ]);
    expect(await log.dailyCounts({ from: '2026-01-01', to: '2026-01-31' })).toEqual([
      { day: '2026-01-05', mode: 'old', queries: 1, found: 1 },
      { day: '2026-01-05', mode: 'others', queries: 1, found: 0 },
    ]);
    expect(await log.dailyCounts({ from: '2026-01-01', to: '2026-01-31', mode: 'old' })).toHaveLength(1);
  });
});
