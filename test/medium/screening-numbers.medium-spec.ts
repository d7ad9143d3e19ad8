import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { Flag, FlagCertificate, ScreeningNumberKey } from '../../apps/api/src/screening/entities/flag.entity';
import { ScreeningModule } from '../../apps/api/src/screening/screening.module';
import { ScreeningService } from '../../apps/api/src/screening/screening.service';
import type { User } from '../../apps/api/src/users/entities/user.entity';
import type { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';

const never = new AbortController().signal;

// R-25 similar_number on SQLite and MariaDB: the job stores the folds of irregular numbers only (full-width, lower
// case, spaces), and still finds every pair (MariaDB's unique key already refuses numbers differing only in case or
// width, so the pairs here differ by spaces) — in a full scan, in an incremental run from either side, and not again
// once a number is corrected.
describe('screening: near-duplicate certificate numbers (medium)', () => {
  let m: MediumContext;
  let screening: ScreeningService;
  let tree: OrgTree;
  let operator: User;
  let runs = 0;

  const run = (full = false) => screening.run({ runId: ++runs, signal: never, options: full ? { full: true } : {} });
  /** Certificates in review with these numbers, inserted one after another (ids in this order). */
  const numbers = async (...list: string[]) => {
    const out: Certificate[] = [];
    for (const certificateNumber of list) {
      const batch = await m.factories.batch(tree.institution, operator, { status: 'in_review' as never });
      out.push(...(await m.factories.certificates(batch, 1, { status: 'in_review', certificateNumber })));
    }
    return out;
  };
  const stored = () => m.dataSource.getRepository(ScreeningNumberKey).find({ order: { certificateId: 'ASC' } });
  const flagged = async () => {
    const flags = await m.dataSource.getRepository(Flag).find({ order: { id: 'ASC' } });
    const links = await m.dataSource.getRepository(FlagCertificate).find();
    return flags.map((f) => ({
      rule: f.rule,
      ids: links
        .filter((l) => l.flagId === f.id)
        .map((l) => l.certificateId)
        .sort((a, b) => a - b),
    }));
  };
  const backdate = () =>
    m.dataSource
      .createQueryBuilder()
      .update(Certificate)
      .set({ updatedAt: new Date('2020-01-01T00:00:00Z') })
      .where('id > 0')
      .execute();

  beforeEach(async () => {
    m = await createMediumContext({ imports: [JurisdictionModule, AuditModule, ScreeningModule] });
    screening = m.get(ScreeningService);
    tree = await m.factories.tree();
    operator = await m.factories.user(tree.institution, ['institution_operator']);
  });
  afterEach(() => m.close());

  it('a full scan stores the folds of irregular numbers only and pairs a regular number with its irregular twin', async () => {
    const [regular, , twin] = await numbers(
      'S00000000000000000077',
      'S00000000000000000078',
      's0000 0000000000000077',
      'Ｓ00000000000000000079',
    );
    expect(await run(true)).toMatchObject({ scanned: 4, raised: 1 });
    expect(await flagged()).toEqual([{ rule: 'similar_number', ids: [regular.id, twin.id] }]);
    // The full-width number is stored too, its fold matching nothing.
    expect((await stored()).map((k) => k.numberKey)).toEqual(['S00000000000000000077', 'S00000000000000000079']);
  });

  it('an incremental run pairs a new number with an older one, whichever of the two is irregular', async () => {
    const [oldRegular, oldIrregular] = await numbers('S00000000000000000101', 's00000 000000000000102');
    expect(await run(true)).toMatchObject({ raised: 0 });
    await backdate();
    const [newIrregular, newRegular] = await numbers('S0000 0000000000000101', 'S00000000000000000102');
    expect(await run()).toMatchObject({ full: 0, scanned: 2, raised: 2 });
    expect(await flagged()).toEqual([
      { rule: 'similar_number', ids: [oldRegular.id, newIrregular.id] },
      { rule: 'similar_number', ids: [oldIrregular.id, newRegular.id] },
    ]);
  });

  it('a corrected number drops its fold and is not paired again; folds stored for regular numbers are dropped', async () => {
    const [, twin, plain] = await numbers('S00000000000000000201', 'S000 00000000000000201', 'S00000000000000000202');
    // As an earlier version of the job stored it: the fold of every number, regular ones included.
    await m.dataSource
      .getRepository(ScreeningNumberKey)
      .insert({ certificateId: plain.id, numberKey: plain.certificateNumber });
    expect(await run(true)).toMatchObject({ raised: 1 });
    expect((await stored()).map((k) => k.certificateId)).toEqual([twin.id]);

    await backdate();
    await m.dataSource.getRepository(Certificate).update(twin.id, { certificateNumber: 'S00000000000000000203' });
    expect(await run()).toMatchObject({ scanned: 1, raised: 0 });
    expect(await stored()).toEqual([]);
    expect(await run(true)).toMatchObject({ raised: 0, known: 0 });
  });
});
