import type { QualityReportRow } from '@app/contracts';
import { BatchDecision } from '../../apps/api/src/batches/entities/batch-decision.entity';
import type { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import type { Actor } from '../../apps/api/src/common/actor/actor';
import { CorrectionsRepository, type NewCorrection } from '../../apps/api/src/corrections/corrections.repository';
import { CorrectionsModule } from '../../apps/api/src/corrections/corrections.module';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import type { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { ReportsModule } from '../../apps/api/src/reports/reports.module';
import { QualityReportService } from '../../apps/api/src/reports/quality-report.service';
import { Flag, FlagCertificate } from '../../apps/api/src/screening/entities/flag.entity';
import { Recheck } from '../../apps/api/src/screening/entities/recheck.entity';
import type { User } from '../../apps/api/src/users/entities/user.entity';
import type { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

/** A Beijing wall-clock time as the UTC instant it is. */
const beijing = (local: string) => new Date(`${local}+08:00`);

// R-39 on a real database (SQLite and MariaDB): every figure of the quality report against rows written by hand with
// known answers, at the edges of the period's Beijing days; every institution a row (a quiet one with zeros), another
// province's activity left out, a figure without a source (no complaints feature here) null, never 0.
describe('quality report figures (medium)', () => {
  let m: MediumContext;
  let gd: OrgTree;
  let quiet: Organisation;
  let elsewhere: Organisation;
  let operator: User;
  let reviewer: Actor;

  async function batch(institution: Organisation, overrides: Partial<Batch> = {}) {
    return m.factories.batch(institution, operator, { status: 'provincial_review', ...overrides });
  }
  async function decision(b: Batch, action: string, at: Date, fields: Partial<BatchDecision> = {}) {
    await m.dataSource.getRepository(BatchDecision).insert({
      batchId: b.id,
      action: action as BatchDecision['action'],
      stage: 'draft',
      resultStatus: 'municipal_review',
      actorId: operator.id,
      actorName: '测试',
      actorRole: 'institution_operator',
      organisationId: b.institutionId,
      recordCount: 0,
      createdAt: at,
      ...fields,
    });
  }
  async function request(institution: Organisation, type: 'modify' | 'delete', at: Date, certificateId: number) {
    const row: NewCorrection = {
      certificateId,
      openCertificateId: null,
      institutionId: institution.id,
      provinceId: gd.province.id,
      orgPath: institution.path,
      type,
      route: type === 'modify' ? 'published_modification' : 'published_deletion',
      status: 'withdrawn',
      stage: null,
      changes: null,
      idNumberEnc: null,
      changedFields: '',
      before: null,
      beforeIdNumberHash: null,
      reason: '测试',
      workOrder: null,
      urgency: null,
      dueDate: null,
      dueAt: null,
      stageReceivedAt: null,
      requestedById: operator.id,
      requestedAt: at,
      recheckId: null,
    };
    await m.get(UnitOfWork).run((manager) => m.get(CorrectionsRepository).insert(manager, row));
  }

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, CorrectionsModule, ReportsModule] });
    gd = await m.factories.tree();
    quiet = await m.factories.organisation({ level: 'institution', parent: gd.city });
    const sc = await m.factories.tree({ regionCode: '510000' });
    elsewhere = sc.institution;
    operator = await m.factories.user(gd.institution, ['institution_operator']);
    reviewer = m.factories.actor(await m.factories.user(gd.province, ['provincial_reviewer']), gd.province);

    // Late first submission on the period's first Beijing day, explained; its earliest passed deadline Mon 03-02, it
    // was submitted Thu 03-05: 3 working days (Tue, Wed, Thu).
    const late = await batch(gd.institution, {
      lateSubmission: true,
      overdueStatement: { reason: '考务延误', responsible: '张三' } as never,
    });
    await m.factories.certificates(late, 2, { status: 'in_review', uploadDue: '2026-03-02' });
    await m.factories.certificates(late, 1, { status: 'in_review', uploadDue: '2026-03-20' });
    await decision(late, 'submit', beijing('2026-03-05T09:00:00'), { recordCount: 10 });
    // On time, the last millisecond of 03-31 Beijing: in the period.
    const onTime = await batch(gd.institution);
    await decision(onTime, 'submit', beijing('2026-03-31T23:59:59.999'), { recordCount: 5 });
    // 04-01 00:00 Beijing and 02-28 23:59 Beijing: outside.
    await decision(await batch(gd.institution), 'submit', beijing('2026-04-01T00:00:00'), { recordCount: 7 });
    await decision(await batch(gd.institution), 'submit', beijing('2026-02-28T23:59:59'), { recordCount: 7 });
    // A resubmission (from returned) is not a first submission.
    await decision(onTime, 'submit', beijing('2026-03-10T10:00:00'), { stage: 'returned', recordCount: 5 });

    await decision(late, 'return', beijing('2026-03-06T10:00:00'), {
      stage: 'municipal_review',
      comment: '证件号码错误',
    });
    await decision(late, 'return', beijing('2026-03-07T10:00:00'), {
      stage: 'provincial_review',
      comment: '证件号码错误',
    });
    await decision(late, 'return', beijing('2026-03-08T10:00:00'), {
      stage: 'national_review',
      comment: '照片不清晰',
      late: true,
    });
    await decision(late, 'approve', beijing('2026-03-09T10:00:00'), { stage: 'municipal_review', late: true });
    await decision(late, 'approve', beijing('2026-03-09T11:00:00'), { stage: 'provincial_review' });
    await decision(late, 'exemption', beijing('2026-03-11T10:00:00'), { stage: 'returned' });
    const refused = await batch(gd.institution, { status: 'draft' });
    await decision(refused, 'refuse', beijing('2026-03-12T10:00:00'));
    await decision(refused, 'refuse', beijing('2026-03-13T10:00:00'));
    // Another province's activity in the period.
    await decision(await batch(elsewhere), 'submit', beijing('2026-03-05T09:00:00'), { recordCount: 99 });

    const published = await batch(gd.institution, { status: 'published' });
    const [c1, c2] = await m.factories.certificates(published, 2, { status: 'published', lookupStatus: 'visible' });
    await request(gd.institution, 'modify', beijing('2026-03-15T10:00:00'), c1.id);
    await request(gd.institution, 'delete', beijing('2026-03-16T10:00:00'), c2.id);
    await request(gd.institution, 'modify', beijing('2026-04-02T10:00:00'), c2.id);
    const { identifiers } = await m.dataSource.getRepository(Flag).insert({
      rule: 'frequent_holder',
      fingerprint: 'f'.repeat(64),
      status: 'open',
      summary: '测试',
      evidence: '{}',
      certificateCount: 2,
      raisedAt: beijing('2026-03-20T02:00:00'),
      raisedByRunId: null,
    });
    const flagId = Number(identifiers[0].id);
    await m.dataSource.getRepository(FlagCertificate).insert([
      { flagId, certificateId: c1.id, orgPath: gd.institution.path },
      { flagId, certificateId: c2.id, orgPath: gd.institution.path },
    ]);
    await m.dataSource.getRepository(Recheck).insert({
      certificateId: c1.id,
      flagId,
      provinceId: gd.province.id,
      orgPath: gd.institution.path,
      suspendReason: '测试',
      suspendedById: reviewer.userId,
      suspendedAt: beijing('2026-03-21T10:00:00'),
      dueDate: '2026-04-10',
      status: 'open',
      version: 1,
    });
  });
  afterAll(() => m.close());

  it('every figure as computed by hand, a quiet institution with zeros, another province left out', async () => {
    const report = await m.get(QualityReportService).quality(reviewer, { from: '2026-03-01', to: '2026-03-31' });
    expect(report.rows.map((r) => r.institutionId).sort()).toEqual([gd.institution.id, quiet.id].sort());
    const row = report.rows.find((r) => r.institutionId === gd.institution.id)!;
    const { institutionId: _i, institutionName: _n, parentName, returnReasons, ...figures } = row;
    expect(parentName).toBe(gd.city.name);
    expect(returnReasons).toEqual(['证件号码错误（2）', '照片不清晰（1）']);
    expect(figures).toEqual({
      batches: 2,
      records: 15,
      lateSubmissions: 1,
      lateWithStatement: 1,
      lateWithoutStatement: 0,
      workingDaysOverdue: 3,
      refusalsPastCutoff: 1,
      exemptions: 1,
      returnsMunicipal: 1,
      returnsProvincial: 1,
      returnsNational: 1,
      reviewsLate: 2,
      corrections: 1,
      deletions: 1,
      flags: 1,
      suspensions: 1,
      complaints: null,
    } satisfies Omit<QualityReportRow, 'institutionId' | 'institutionName' | 'parentName' | 'returnReasons'>);
    const zero = report.rows.find((r) => r.institutionId === quiet.id)!;
    expect(zero.batches).toBe(0);
    expect(zero.complaints).toBeNull();
    expect(report.totals).toMatchObject({ batches: 2, records: 15, complaints: null });
    expect(report.unavailable).toEqual(['complaints']);
  });

  it('a period of one Beijing day counts that day only', async () => {
    const report = await m.get(QualityReportService).quality(reviewer, { from: '2026-03-31', to: '2026-03-31' });
    const row = report.rows.find((r) => r.institutionId === gd.institution.id)!;
    expect([row.batches, row.records, row.lateSubmissions]).toEqual([1, 5, 0]);
  });
});
