import type { ScreeningRule } from '@app/domain';
import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import type { JobDefinition } from '../../apps/api/src/jobs/job-definition';
import { JobRegistry } from '../../apps/api/src/jobs/job-registry';
import { JobRunner } from '../../apps/api/src/jobs/job-runner';
import { JobsRepository } from '../../apps/api/src/jobs/jobs.repository';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { OrganisationStatusChange } from '../../apps/api/src/organisations/entities/organisation-status.entity';
import { Flag, FlagCertificate } from '../../apps/api/src/screening/entities/flag.entity';
import { ScreeningModule } from '../../apps/api/src/screening/screening.module';
import { ScreeningService } from '../../apps/api/src/screening/screening.service';
import type { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import type { User } from '../../apps/api/src/users/entities/user.entity';
import { CHEF, OrgTree, residentId } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';

const never = new AbortController().signal;

/** A holder: a valid resident ID number and the birth date inside it. */
function person(birth: string, sequence: number) {
  return { idNumber: residentId('440106', birth.replace(/-/g, ''), sequence), birthDate: birth };
}

// the screening job over real SQL on SQLite and MariaDB.
describe('screening job (medium)', () => {
  let m: MediumContext;
  let screening: ScreeningService;
  let tree: OrgTree;
  let operator: User;
  let runs = 0;

  const run = (full = false) => screening.run({ runId: ++runs, signal: never, options: full ? { full: true } : {} });
  const flags = () => m.dataSource.getRepository(Flag).find({ order: { id: 'ASC' } });
  const rulesOf = async () => (await flags()).map((f) => f.rule).sort();

  /** Certificates that left the draft stage (in review) at `institution`. */
  async function submitted(
    count: number,
    fields: Partial<Certificate> & { idNumber?: string } = {},
    at?: Organisation,
  ) {
    const batch = await m.factories.batch(at ?? tree.institution, operator, { status: 'in_review' as never });
    return m.factories.certificates(batch, count, { status: 'in_review', ...fields });
  }

  async function backdateAll(instant: string) {
    await m.dataSource
      .createQueryBuilder()
      .update(Certificate)
      .set({ updatedAt: new Date(instant) })
      .where('id > 0')
      .execute();
  }

  beforeEach(async () => {
    m = await createMediumContext({ imports: [JurisdictionModule, AuditModule, ScreeningModule] });
    screening = m.get(ScreeningService);
    tree = await m.factories.tree();
    operator = await m.factories.user(tree.institution, ['institution_operator']);
  });
  afterEach(() => m.close());

  it('raises nothing over clean certificates and never reads drafts', async () => {
    await submitted(3);
    const draftBatch = await m.factories.batch(tree.institution, operator);
    await m.factories.certificates(draftBatch, 1, {
      birthDate: '2015-01-01',
      idNumber: residentId('440106', '20150101', 1),
    });
    const counts = await run(true);
    expect(counts).toMatchObject({ scanned: 3, raised: 0 });
    expect(await flags()).toEqual([]);
  });

  it('a full scan raises one flag of every rule, each with its certificates, evidence and fingerprint', async () => {
    const f = m.factories;
    await submitted(1, { birthDate: '1990-01-02' }); // invalid_identity: the ID number says 1990-01-01
    await submitted(1, { birthDate: '2012-01-01', idNumber: residentId('440106', '20120101', 7) }); // under_age
    const narrow = await f.organisation({
      level: 'institution',
      parent: tree.city,
      scope: [{ ...CHEF, levels: [5], validFrom: '2020-01-01', validTo: null }],
    });
    await submitted(1, { level: 3 }, narrow); // outside_scope
    const ceased = await f.organisation({ level: 'institution', parent: tree.city });
    await m.dataSource.getRepository(OrganisationStatusChange).insert([
      { organisationId: ceased.id, status: 'active', effectiveFrom: '2020-01-01' },
      { organisationId: ceased.id, status: 'ceased', effectiveFrom: '2026-06-01' },
    ]);
    await submitted(1, {}, ceased); // institution_inactive (issued today, 2026-11-23)
    const late = await f.organisation({ level: 'institution', parent: tree.city, registeredAt: '2021-01-01' });
    await submitted(1, { issueDate: '2020-12-31' }, late); // before_registration (in scope since 2020-01-01)
    const frequent = person('1985-05-05', 11);
    for (const [level, issueDate] of [
      [3, '2026-10-25'],
      [4, '2026-11-01'],
      [5, '2026-11-23'],
    ] as const) {
      await submitted(1, { ...frequent, level, issueDate }); // frequent_holder: 3 within 30 days
    }
    const twice = person('1980-08-08', 13);
    await submitted(1, { ...twice, issueDate: '2023-03-01' });
    await submitted(1, { ...twice, issueDate: '2025-03-01' }); // duplicate_award
    await submitted(1, { certificateNumber: 'Y000144000000 26000001' });
    await submitted(1, { certificateNumber: 'Y00014400000026000001' }); // similar_number
    const busy = await f.organisation({ level: 'institution', parent: tree.city });
    for (const month of ['04', '05', '06', '07', '08', '09']) {
      await submitted(1, { issueDate: `2026-${month}-10` }, busy);
    }
    await submitted(6, { issueDate: '2026-10-10' }, busy); // volume_spike: 6 > 5 × median 1

    const counts = await run(true);

    const expected: ScreeningRule[] = [
      'before_registration',
      'duplicate_award',
      'frequent_holder',
      'institution_inactive',
      'invalid_identity',
      'outside_scope',
      'similar_number',
      'under_age',
      'volume_spike',
    ];
    expect(await rulesOf()).toEqual(expected);
    expect(counts).toMatchObject({ raised: 9, full: 1 });
    const all = await flags();
    const frequentFlag = all.find((x) => x.rule === 'frequent_holder') as Flag;
    expect(frequentFlag).toMatchObject({ status: 'open', certificateCount: 3, version: 1 });
    expect(frequentFlag.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const evidence = JSON.parse(frequentFlag.evidence) as {
      figures: object;
      certificates: { idNumberMasked: string }[];
    };
    expect(evidence.figures).toEqual({ count: 3, threshold: 3, days: 30 });
    expect(evidence.certificates).toHaveLength(3);
    expect(frequentFlag.evidence).not.toContain(frequent.idNumber);
    const links = await m.dataSource.getRepository(FlagCertificate).findBy({ flagId: frequentFlag.id });
    expect(links).toHaveLength(3);
    expect(links.every((l) => l.orgPath === tree.institution.path)).toBe(true);
    const spike = all.find((x) => x.rule === 'volume_spike') as Flag;
    expect(spike.certificateCount).toBe(6);
    expect(JSON.parse(spike.evidence).figures).toMatchObject({ month: '2026-10', count: 6, trailingMedian: 1 });

    // Running again finds the same evidence and raises nothing.
    expect(await run(true)).toMatchObject({ raised: 0, known: 9 });
    expect(await flags()).toHaveLength(9);
  });

  it('an incremental run reads only certificates changed since the watermark; a full scan reads all', async () => {
    await submitted(2);
    expect(await run()).toMatchObject({ full: 1, scanned: 2 }); // no watermark yet: everything
    await submitted(1, { birthDate: '2012-01-01', idNumber: residentId('440106', '20120101', 3) });
    // As if every certificate had changed long before the last run's watermark.
    await backdateAll('2020-01-01T00:00:00Z');
    expect(await run()).toMatchObject({ full: 0, scanned: 0, raised: 0 });
    expect(await run(true)).toMatchObject({ full: 1, raised: 1 });
    expect(await rulesOf()).toEqual(['under_age']);
    // The full scan's watermark is the newest change it saw (2020-01-01); a certificate submitted now is read by the
    // next incremental run, the older ones are not.
    await backdateAll('2019-01-01T00:00:00Z');
    await submitted(1, { birthDate: '2011-05-05', idNumber: residentId('440106', '20110505', 5) });
    const next = await run();
    expect(next).toMatchObject({ full: 0, raised: 1 });
    expect(next.scanned).toBe(1);
  });

  it('a dismissed flag is not raised again for the same evidence; a fourth certificate raises a new one', async () => {
    const id = person('1985-05-05', 21);
    for (const level of [3, 4, 5]) await submitted(1, { ...id, level, issueDate: '2026-11-20' });
    await run(true);
    const [first] = await flags();
    await m.dataSource.getRepository(Flag).update(first.id, { status: 'dismissed', decisionReason: '已核实' });

    expect(await run(true)).toMatchObject({ raised: 0, known: 1 });
    expect(await flags()).toHaveLength(1);

    await submitted(1, { ...id, level: 2, issueDate: '2026-11-21' });
    expect(await run()).toMatchObject({ raised: 1 });
    const [dismissed, fresh] = await flags();
    expect(dismissed.status).toBe('dismissed');
    expect(fresh).toMatchObject({ rule: 'frequent_holder', status: 'open', certificateCount: 4 });
  });

  it('two instances running the job at once raise each flag once', async () => {
    const id = person('1985-05-05', 31);
    for (const level of [3, 4, 5]) await submitted(1, { ...id, level, issueDate: '2026-11-20' });
    await submitted(1, person('2012-01-01', 33));
    const job = m.get(JobRegistry).get('screening') as JobDefinition;
    const a = m.get(JobRunner);
    const b = new JobRunner(m.get(JobsRepository), m.get(UnitOfWork), m.clock, m.config, 'host-b:2:beef');
    const runsOf = await Promise.all([a.run(job, 'manual', { full: true }), b.run(job, 'schedule')]);
    expect(runsOf.map((r) => r.outcome).sort()).toEqual(['skipped', 'succeeded']);
    expect(await rulesOf()).toEqual(['frequent_holder', 'under_age']);
  });
});
