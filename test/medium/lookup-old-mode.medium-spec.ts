import { OLD_MODE_RULES } from '@app/domain';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { LookupModule } from '../../apps/api/src/lookup/lookup.module';
import { LookupService } from '../../apps/api/src/lookup/lookup.service';
import { OrgTree, residentId } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

const PERSON = residentId('440106', '19900101', 7);
/** The same person's legacy 15-digit number (no century, no check character). */
const PERSON_15 = `${PERSON.slice(0, 6)}${PERSON.slice(8, 17)}`;

// R-27 (old mode), R-33 (never found), R-34 (coverage) with real repositories, rate limits and log.
describe('public lookup: old mode and coverage (medium)', () => {
  let m: MediumContext;
  let lookup: LookupService;
  let tree: OrgTree;
  let batch: Batch;
  let skill: Certificate;
  let qualification: Certificate;
  let suspended: Certificate;
  let unpublished: Certificate;
  let address = 0;
  /** A fresh client address per query, so the per-address limit only bites where a test means it to. */
  const next = () => `198.51.100.${(address += 1)}`;

  beforeAll(async () => {
    m = await createMediumContext({
      imports: [...WORKFLOW_MODULES, LookupModule],
      now: '2026-01-15T02:00:00Z', // both modes open
      env: { LOOKUP_OLD_MODE_PER_MINUTE: '3' },
    });
    lookup = m.get(LookupService);
    tree = await m.factories.tree();
    const operator = await m.factories.user(tree.institution, ['institution_operator']);
    batch = await m.factories.batch(tree.institution, operator, { status: 'published' });
    const visible = { status: 'published', lookupStatus: 'visible' } as const;
    [skill] = await m.factories.certificates(batch, 1, {
      ...visible,
      holderName: '李娜',
      idNumber: PERSON,
      issueDate: '2025-06-30',
    });
    [qualification] = await m.factories.certificates(batch, 1, {
      ...visible,
      kind: 'qualification',
      holderName: '李娜',
      idNumber: PERSON,
      admissionTicket: 'ZKZ-2019-0042',
      issueDate: '2019-12-20',
    });
    [suspended] = await m.factories.certificates(batch, 1, { status: 'published', lookupStatus: 'suspended' });
    [unpublished] = await m.factories.certificates(batch, 1, { status: 'in_review' });
  });
  afterAll(() => m.close());

  const old = (query: Record<string, unknown>, from = next()) => lookup.oldMode(query as never, from);

  it('finds a skill-level certificate by number and name, masked as R-10', async () => {
    const { results } = await old({ kind: 'skill_level', certificateNumber: skill.certificateNumber, name: '李娜' });
    expect(results).toEqual([
      {
        kind: 'skill_level',
        holderName: '*娜',
        gender: '男',
        idNumber: `**************${PERSON.slice(-4)}`,
        certificateNumber: `${'*'.repeat(skill.certificateNumber.length - 3)}${skill.certificateNumber.slice(-3)}`,
        occupationName: '中式烹调师',
        workType: null,
        levelLabel: '四级/中级工',
        issueDate: '2025-06-30',
        institutionName: tree.institution.name,
        dataResponsibleUnit: tree.province.name,
        masked: true,
      },
    ]);
  });

  it('matches every field given; lower case and full-width forms are normalised like the import', async () => {
    const lower = skill.certificateNumber.toLowerCase();
    expect(
      (await old({ kind: 'skill_level', certificateNumber: ` ${lower} `, idNumber: PERSON })).results,
    ).toHaveLength(1);
    expect(
      (await old({ kind: 'skill_level', certificateNumber: skill.certificateNumber, idNumber: PERSON, name: '王五' }))
        .results,
    ).toEqual([]);
  });

  it('finds by the ID number through the blind index, the legacy 15-digit form included', async () => {
    for (const idNumber of [PERSON, PERSON.toLowerCase(), PERSON_15]) {
      const { results } = await old({ kind: 'qualification', idNumber, name: '李娜' });
      expect(results.map((r) => r.certificateNumber.slice(-3))).toEqual([qualification.certificateNumber.slice(-3)]);
    }
    expect((await old({ kind: 'qualification', name: '李娜', admissionTicket: 'zkz-2019-0042' })).results).toHaveLength(
      1,
    );
    // The kind is part of the question: the skill-level certificate is not a qualification.
    expect(
      (await old({ kind: 'qualification', idNumber: PERSON, certificateNumber: skill.certificateNumber })).results,
    ).toEqual([]);
  });

  it('answers byte-identically for suspended, unpublished and unknown certificates (R-33)', async () => {
    const body = async (c: { certificateNumber: string; holderName: string }) =>
      JSON.stringify(await old({ kind: 'skill_level', certificateNumber: c.certificateNumber, name: c.holderName }));
    const answers = [
      await body(suspended),
      await body(unpublished),
      await body({ certificateNumber: 'S000000NOSUCHNUMBER01', holderName: '无此人' }),
      await body({ certificateNumber: '不是编号', holderName: '无此人' }),
    ];
    expect(new Set(answers)).toEqual(new Set(['{"results":[]}']));
  });

  it('refuses other field combinations with 400 naming the rule', async () => {
    await expect(old({ kind: 'skill_level', idNumber: PERSON, name: '李娜' })).rejects.toMatchObject({
      code: 'LOOKUP_FIELDS_RULE',
      message: OLD_MODE_RULES.skill_level,
    });
    await expect(old({ kind: 'qualification', name: '李娜', idNumber: '  ' })).rejects.toMatchObject({
      code: 'LOOKUP_FIELDS_RULE',
      message: OLD_MODE_RULES.qualification,
    });
    await expect(old({ kind: 'qualification', name: '李娜', idNumber: 42 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('decides the mode before any field: a closed old mode is 403 whatever the fields', async () => {
    m.clock.set('2026-03-01T02:00:00Z');
    try {
      for (const fields of [{}, { name: 42 }, { certificateNumber: skill.certificateNumber, name: '李娜' }]) {
        await expect(old({ kind: 'skill_level', ...fields })).rejects.toMatchObject({
          code: 'LOOKUP_MODE_DISABLED',
          details: { announcement: expect.any(String) },
        });
      }
    } finally {
      m.clock.set('2026-01-15T02:00:00Z');
    }
  });

  it('limits each client address per minute (configured 3 here) with 429, and starts again next minute', async () => {
    const from = next();
    const query = { kind: 'skill_level', certificateNumber: skill.certificateNumber, name: '李娜' };
    for (let i = 0; i < 3; i++) await old(query, from);
    await expect(old(query, from)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(old(query)).resolves.toMatchObject({ results: [expect.anything()] });
    m.clock.advance(60_000);
    await expect(old(query, from)).resolves.toMatchObject({ results: [expect.anything()] });
  });

  it('counts IPv6 clients by their /64: new addresses inside it share the limit, another /64 does not', async () => {
    const query = { kind: 'skill_level', certificateNumber: skill.certificateNumber, name: '李娜' };
    for (let i = 1; i <= 3; i++) await old(query, `2001:db8:a:b::${i}`);
    await expect(old(query, '2001:db8:a:b:ffff::9')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(old(query, '2001:db8:a:c::1')).resolves.toMatchObject({ results: [expect.anything()] });
  });

  it('logs each query with the fields given and the count found, never the values', async () => {
    const from = next();
    await old({ kind: 'qualification', idNumber: PERSON, name: '李娜' }, from);
    const rows: Record<string, unknown>[] = await m.dataSource.query(
      'SELECT * FROM lookup_logs WHERE client_address = ?',
      [from],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mode: 'old', kind: 'qualification', fields: 'idNumber,name' });
    expect(Number(rows[0].found)).toBe(1);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${PERSON.slice(-6)}|李娜`));
  });

  it('publishes coverage per kind and institution from visible published data only (R-34)', async () => {
    const other = await m.factories.tree({ regionCode: '510000' });
    const operator = await m.factories.user(other.institution, ['institution_operator']);
    const scBatch = await m.factories.batch(other.institution, operator);
    await m.factories.certificates(scBatch, 2, {
      status: 'published',
      lookupStatus: 'visible',
      issueDate: '2024-03-01',
    });
    await m.factories.certificates(scBatch, 1, {
      status: 'published',
      lookupStatus: 'visible',
      issueDate: '2025-09-09',
    });
    await m.factories.certificates(scBatch, 1, {
      status: 'published',
      lookupStatus: 'deleted',
      issueDate: '2020-01-01',
    });
    await m.factories.certificates(scBatch, 1, { status: 'draft', issueDate: '2026-01-01' });
    expect(await lookup.coverage()).toEqual([
      {
        kind: 'qualification',
        provinceName: tree.province.name,
        institutionName: tree.institution.name,
        earliestIssueDate: '2019-12-20',
        latestIssueDate: '2019-12-20',
      },
      {
        kind: 'skill_level',
        provinceName: tree.province.name,
        institutionName: tree.institution.name,
        earliestIssueDate: '2025-06-30',
        latestIssueDate: '2025-06-30',
      },
      {
        kind: 'skill_level',
        provinceName: other.province.name,
        institutionName: other.institution.name,
        earliestIssueDate: '2024-03-01',
        latestIssueDate: '2025-09-09',
      },
    ]);
  });

  it('counts queries per day and mode for the staff statistics', async () => {
    const counts = await lookup.dailyCounts({});
    expect(counts.every((c) => c.mode === 'old')).toBe(true);
    expect(counts.map((c) => c.day)).toEqual(expect.arrayContaining(['2026-01-15']));
    await expect(lookup.dailyCounts({ from: '2026-02-01', to: '2026-01-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await lookup.dailyCounts({ from: '2026-01-01', to: '2026-01-31', mode: 'others' })).toEqual([]);
  });
});
