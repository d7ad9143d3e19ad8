import { AuditAnchorService } from '../../apps/api/src/audit/audit-anchor.service';
import { chainHash } from '../../apps/api/src/audit/audit-chain';
import { AuditRepository } from '../../apps/api/src/audit/audit.repository';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { AuditAnchor, AuditChainHead, AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { AuditSubject } from '../../apps/api/src/common/actor/actor';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { createMediumContext, MediumContext } from './support/medium-context';

const SUBJECT: AuditSubject = {
  userId: 7,
  username: 'gz_admin',
  organisationId: 3,
  roles: ['municipal_admin'],
  ip: '10.0.0.1',
};

// every record is hash-chained to the one before it; verification names the first record that does not hold.
describe('audit chain (medium, R-38)', () => {
  let m: MediumContext;
  let audit: AuditService;

  beforeEach(async () => {
    m = await createMediumContext({ imports: [JurisdictionModule, AuditModule] });
    audit = m.get(AuditService);
    for (let i = 1; i <= 6; i++) {
      await audit.recordStandalone(SUBJECT, {
        action: 'user.update',
        targetType: 'user',
        targetId: i,
        after: { n: i },
      });
    }
  });
  afterEach(() => m.close());

  const rows = () => m.dataSource.getRepository(AuditLog).find({ order: { seq: 'ASC' } });

  it('appends gap-free positions linked by hash, stamped with the clock, even for writers at once', async () => {
    m.clock.advance(5_000);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => audit.recordStandalone(SUBJECT, { action: 'auth.login', targetId: i })),
    );
    const all = await rows();
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    all.slice(1).forEach((row, i) => expect(row.prevHash).toBe(all[i].hash));
    expect(all[15].at.toISOString()).toBe(m.clock.now().toISOString());
    expect(await audit.verify()).toEqual({ ok: true, checked: 16 });
  });

  it('names the first record whose content was changed', async () => {
    const [, second] = await rows();
    await m.dataSource.getRepository(AuditLog).update({ id: second.id }, { username: 'someone_else' });
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, checked: 1, firstBrokenId: second.id, firstBrokenSeq: 2 });
    expect(result.reason).toContain('篡改');
  });

  it('names a deleted record as missing, and a cut tail by the head that no longer matches', async () => {
    await m.dataSource.getRepository(AuditLog).delete({ seq: 3 });
    expect(await audit.verify()).toMatchObject({
      ok: false,
      checked: 2,
      firstBrokenSeq: 4,
      reason: expect.stringContaining('缺失'),
    });
    await m.dataSource.getRepository(AuditLog).delete({ seq: 4 });
    await m.dataSource.getRepository(AuditLog).delete({ seq: 5 });
    await m.dataSource.getRepository(AuditLog).delete({ seq: 6 });
    expect(await audit.verify()).toMatchObject({ ok: false, checked: 2, reason: expect.stringContaining('链头') });
  });
});

// R-38 against someone with database access: keyed anchors of the chain head (AUDIT_ANCHOR_KEY).
describe('audit chain anchors (medium, R-38)', () => {
  let m: MediumContext;
  let anchors: AuditAnchorService;

  beforeEach(async () => {
    m = await createMediumContext({ imports: [JurisdictionModule, AuditModule] });
    anchors = m.get(AuditAnchorService);
    for (let i = 1; i <= 6; i++) {
      await m.get(AuditService).recordStandalone(SUBJECT, { action: 'auth.login', targetId: i });
    }
  });
  afterEach(() => m.close());

  const rows = () => m.dataSource.getRepository(AuditLog).find({ order: { seq: 'ASC' } });

  /** What an attacker with database access does: change a record, then recompute every later hash and the head. */
  async function rewriteAndRecompute(seq: number): Promise<void> {
    const all = await rows();
    let prev = all[seq - 2]?.hash ?? '0'.repeat(64);
    for (const row of all.slice(seq - 1)) {
      if (row.seq === seq) row.username = 'someone_else';
      row.prevHash = prev;
      row.hash = chainHash(prev, row);
      await m.dataSource
        .getRepository(AuditLog)
        .update({ id: row.id }, { username: row.username, prevHash: row.prevHash, hash: row.hash });
      prev = row.hash;
    }
    await m.dataSource.getRepository(AuditChainHead).update({ id: 1 }, { lastHash: prev });
  }

  it('stores the anchored head with its MAC and time, once per head, and the chain verifies against it', async () => {
    const anchor = await anchors.anchor();
    const [last] = (await rows()).slice(-1);
    expect(anchor).toMatchObject({ seq: last.seq, hash: last.hash, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(anchor!.at.toISOString()).toBe(m.clock.now().toISOString());
    // Nothing new since: no second row for the same head.
    await anchors.anchor();
    expect(await m.dataSource.getRepository(AuditAnchor).count()).toBe(1);
    expect(await anchors.verify()).toMatchObject({ ok: true, anchoredSeq: last.seq });
  });

  it('detects a record rewritten with every later hash recomputed', async () => {
    await anchors.anchor();
    await rewriteAndRecompute(3);
    expect(await m.get(AuditService).verify()).toMatchObject({ ok: true });
    const result = await anchors.verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('重新计算');
  });

  it('detects a tail cut off after an anchor, head rewound to match', async () => {
    const anchor = (await anchors.anchor())!;
    const keep = anchor.seq - 2;
    const kept = (await rows()).find((r) => r.seq === keep)!;
    await m.dataSource.query('DELETE FROM audit_logs WHERE seq > ?', [keep]);
    await m.dataSource.getRepository(AuditChainHead).update({ id: 1 }, { seq: keep, lastHash: kept.hash });
    const result = await anchors.verify();
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: anchor.seq });
    expect(result.reason).toContain('截断');
  });

  it('detects anchors that do not match the configured key', async () => {
    await anchors.anchor();
    const otherKey: AppConfig = {
      ...m.config,
      crypto: { ...m.config.crypto, auditAnchorKey: Buffer.alloc(32, 1).toString('base64') },
    };
    const repository = m.get(AuditRepository);
    const audit = new AuditService(repository, m.get(UnitOfWork), m.clock);
    const result = await new AuditAnchorService(repository, audit, m.clock, otherKey).verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('校验码不符');
    // A forged anchor written with a guessed key fails the same way.
    expect((await anchors.verify()).ok).toBe(true);
    await m.dataSource.query('UPDATE audit_anchors SET mac = ?', ['f'.repeat(64)]);
    expect((await anchors.verify()).reason).toContain('校验码不符');
  });

  it('production refuses the development anchor key', () => {
    const production = {
      NODE_ENV: 'production',
      ID_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      ID_BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
    };
    expect(() => loadConfig(production)).toThrow(
      /crypto\.auditAnchorKey（环境变量 AUDIT_ANCHOR_KEY） 无效：生产环境不得使用开发默认密钥/,
    );
    expect(() => loadConfig({ ...production, AUDIT_ANCHOR_KEY: Buffer.alloc(32, 3).toString('base64') })).not.toThrow();
    expect(() => loadConfig({ NODE_ENV: 'test', AUDIT_ANCHOR_INTERVAL_MINUTES: '0' })).toThrow(
      /audit\.anchorIntervalMinutes/,
    );
  });
});
