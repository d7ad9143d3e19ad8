import { SCREENING_RULE_CODES, type ScreeningRule } from '@app/domain';
import { FieldCipher } from '../../apps/api/src/crypto/field-cipher';
import { fileDemoCorrections } from '../../apps/api/src/seeds/demo-corrections';
import { DEMO_ORGANISATIONS } from '../../apps/api/src/seeds/demo-organisations';
import { DEMO_HISTORY, DEMO_SCREENING_FLAGS } from '../../apps/api/src/seeds/demo-screening';
import { createTestApp, organisationId, TestApp } from './support/test-app';

interface FlagRow {
  id: number;
  rule: ScreeningRule;
  evidence: string;
}

// the demo's history trips every screening rule; a full run of the job raises its flags.
describe('demo data and the screening job (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('POST /api/admin/jobs/screening/run {"full":true} raises the demo flags of every rule, on the records meant to trip them', async () => {
    const admin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const res = await t.http.post('/api/admin/jobs/screening/run').set(admin).send({ full: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ job: 'screening', outcome: 'succeeded', counts: { full: 1 } });

    const flags = await t.dataSource.query<FlagRow[]>('SELECT id, rule, evidence FROM flags ORDER BY id');
    const links = await t.dataSource.query<{ flag_id: number; certificate_id: number }[]>(
      'SELECT flag_id, certificate_id FROM flag_certificates',
    );
    const byRule = (rule: ScreeningRule) => flags.filter((f) => f.rule === rule);
    // Every rule but volume_spike judges fixed history only; the regular demo batches are dated from "today", and a
    // month of theirs can be a spike of its own against an institution's history.
    for (const rule of SCREENING_RULE_CODES) {
      if (rule === 'volume_spike') expect([rule, byRule(rule).length >= 1]).toEqual([rule, true]);
      else expect([rule, byRule(rule).length]).toEqual([rule, DEMO_SCREENING_FLAGS[rule]]);
    }
    expect(res.body.counts.raised).toBe(flags.length);

    // Each record the history marks as tripping a rule is among the certificates of a flag of that rule.
    const orgIds = new Map<string, number>();
    for (const o of DEMO_ORGANISATIONS) orgIds.set(o.key, await organisationId(t.dataSource, o.name));
    for (const batch of DEMO_HISTORY) {
      for (const spec of batch.records.filter((r) => r.trips)) {
        const candidates = await t.dataSource.query<{ id: number }[]>(
          'SELECT id FROM certificates WHERE institution_id = ? AND issue_date = ? AND occupation_code = ? AND level = ?',
          [orgIds.get(batch.institution), spec.issueDate, spec.occupationCode, spec.level],
        );
        const ids = new Set(candidates.map((c) => Number(c.id)));
        const flagged = byRule(spec.trips!).some((f) =>
          links.some((l) => Number(l.flag_id) === Number(f.id) && ids.has(Number(l.certificate_id))),
        );
        expect([spec.trips, batch.institution, spec.issueDate, flagged]).toEqual([
          spec.trips,
          batch.institution,
          spec.issueDate,
          true,
        ]);
      }
    }
    // the evidence shows ID numbers masked only.
    const cipher = t.app.get(FieldCipher);
    const encrypted = await t.dataSource.query<{ id: number; enc: string }[]>(
      'SELECT c.id, c.id_number_enc AS enc FROM certificates c JOIN flag_certificates l ON l.certificate_id = c.id',
    );
    const idNumbers = new Map(encrypted.map((c) => [Number(c.id), cipher.decrypt(c.enc)]));
    for (const l of links) {
      const evidence = flags.find((f) => Number(f.id) === Number(l.flag_id))!.evidence;
      expect(evidence).not.toContain(idNumbers.get(Number(l.certificate_id)));
    }
  });

  it('the demo files correction requests at every stage through the application (R-19 – R-23)', async () => {
    expect(await fileDemoCorrections(t.app)).toBe(7);
    const rows = await t.dataSource.query<{ status: string; stage: string | null; route: string }[]>(
      'SELECT status, stage, route FROM corrections ORDER BY id',
    );
    expect(rows.map((r) => `${r.route}:${r.status}:${r.stage ?? '-'}`)).toEqual([
      'published_modification:pending:municipal_review',
      'published_modification:pending:provincial_review',
      'published_modification:pending:national_review',
      'published_modification:applied:-',
      'published_modification:returned:-',
      'published_deletion:pending:national_review',
      'work_order:pending:work_order',
    ]);
    const queue = async (username: string) =>
      (
        await t.http
          .get(`/api/admin/corrections?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`)
          .set({ Authorization: `Bearer ${await t.login(username)}` })
      ).body as { stage: string }[];
    expect((await queue('gz_admin')).map((r) => r.stage).sort()).toEqual([
      'municipal_review',
      'national_review',
      'provincial_review',
      'work_order',
    ]);
    expect((await queue('nat_reviewer')).filter((r) => r.stage === 'national_review')).toHaveLength(2);
  });
});
