import { AttachmentsRepository } from '../../apps/api/src/attachments/attachments.repository';
import type { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { CertificatesRepository } from '../../apps/api/src/certificates/certificates.repository';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import type { Actor } from '../../apps/api/src/common/actor/actor';
import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { CalendarService } from '../../apps/api/src/calendar/calendar.service';
import { CertificateVersionsService } from '../../apps/api/src/corrections/certificate-versions.service';
import { CorrectionDeadlines } from '../../apps/api/src/corrections/correction-deadlines';
import { CorrectionsModule } from '../../apps/api/src/corrections/corrections.module';
import { CorrectionsService } from '../../apps/api/src/corrections/corrections.service';
import { Correction } from '../../apps/api/src/corrections/entities/correction.entity';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import { LookupAccountsModule } from '../../apps/api/src/lookup-accounts/lookup-accounts.module';
import { LookupService } from '../../apps/api/src/lookup/lookup.service';
import type { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { Recheck } from '../../apps/api/src/screening/entities/recheck.entity';
import { RechecksService } from '../../apps/api/src/rechecks/rechecks.service';
import { SuspensionService } from '../../apps/api/src/rechecks/suspension.service';
import { residentId, type OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

// on a real database (SQLite and MariaDB): concurrent filings and decisions have one winner, application
// is all or nothing, a deleted certificate leaves lookup (and a work-order deletion stays out when its batch is
// published), versions keep every old value. Today is Thursday 2026-01-15 (Beijing): both lookup modes are open.
describe('corrections on a real database (medium)', () => {
  let m: MediumContext;
  let gd: OrgTree;
  let operator: Actor;
  let city: Actor;
  let otherCity: Actor;
  let province: Actor;
  let national: Actor;
  let published: Batch;
  let inReview: Batch;
  let corrections: CorrectionsService;
  let sequence = 500;

  beforeAll(async () => {
    m = await createMediumContext({
      imports: [...WORKFLOW_MODULES, CorrectionsModule, LookupAccountsModule],
      now: '2026-01-15T02:00:00Z',
    });
    corrections = m.get(CorrectionsService);
    gd = await m.factories.tree();
    const city2 = await m.factories.organisation({ level: 'municipal', parent: gd.province, regionCode: '440300' });
    const operatorUser = await m.factories.user(gd.institution, ['institution_operator']);
    operator = m.factories.actor(operatorUser, gd.institution);
    city = m.factories.actor(await m.factories.user(gd.city, ['municipal_admin']), gd.city);
    otherCity = m.factories.actor(await m.factories.user(city2, ['municipal_admin']), city2);
    province = m.factories.actor(await m.factories.user(gd.province, ['provincial_reviewer']), gd.province);
    national = m.factories.actor(await m.factories.user(gd.national, ['national_reviewer']), gd.national);
    published = await m.factories.batch(gd.institution, operatorUser, { status: 'published' });
    inReview = await m.factories.batch(gd.institution, operatorUser, { status: 'provincial_review' });
  });
  afterAll(() => m.close());

  async function certificate(batch: Batch, status: Certificate['status'], fields: Partial<Certificate> = {}) {
    sequence += 1;
    const [c] = await m.factories.certificates(batch, 1, {
      status,
      lookupStatus: status === 'published' ? 'visible' : null,
      publishedOn: status === 'published' ? '2026-01-05' : null,
      holderName: '王小红',
      issueDate: '2026-01-05',
      certificateNumber: `S4401062026${String(sequence).padStart(5, '0')}`,
      idNumber: residentId('440106', '19900101', sequence),
      ...fields,
    });
    return c;
  }

  /** The institution's erratum (附件5-1 attached) for certificate `c`. */
  async function fileErratum(c: Certificate, changes: Record<string, string | number | null>, reason: string) {
    const statement = await attachment(operator, gd.institution, 'erratum_statement');
    return corrections.create(operator, {
      certificateId: c.id,
      type: 'modify',
      changes,
      reason,
      attachmentIds: [statement],
    });
  }

  /** An attachment row of `purpose` owned by the actor's organisation (its bytes are not needed here). */
  async function attachment(
    actor: Actor,
    organisation: Organisation,
    purpose: 'erratum_statement' | 'holder_commitment',
  ) {
    return m.get(UnitOfWork).run((manager) =>
      m.get(AttachmentsRepository).insert(manager, {
        purpose,
        fileName: `${purpose}.pdf`,
        size: 100,
        sha256: '0'.repeat(64),
        contentType: 'application/pdf',
        fileKey: `k-${(sequence += 1)}`,
        organisationId: organisation.id,
        orgPath: organisation.path,
        uploadedById: actor.userId,
        uploadedAt: m.clock.now(),
      }),
    );
  }

  const stored = (id: number) => m.dataSource.getRepository(Certificate).findOneByOrFail({ id });
  const request = (id: number) => m.dataSource.getRepository(Correction).findOneByOrFail({ id });
  const code = (e: unknown) => (e as { code?: string }).code;

  it('two filings for one certificate at the same moment: exactly one is open, the other is CORRECTION_PENDING', async () => {
    const c = await certificate(published, 'published');
    const statement = await attachment(operator, gd.institution, 'erratum_statement');
    const file = (ticket: string) =>
      corrections.create(operator, {
        certificateId: c.id,
        type: 'modify',
        changes: { admissionTicket: ticket },
        reason: '准考证号错误',
        attachmentIds: [statement],
      });
    const results = await Promise.allSettled([file('A-1'), file('A-2'), file('A-3')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => code(r.reason))).toEqual([
      'CORRECTION_PENDING',
      'CORRECTION_PENDING',
    ]);
    expect(await m.dataSource.getRepository(Correction).countBy({ certificateId: c.id })).toBe(1);
  });

  it('two approvals of the same version: one wins, the other is STALE_VERSION, and one version is written', async () => {
    const c = await certificate(published, 'published');
    const { id } = await fileErratum(c, { holderName: '王小虹' }, '姓名错误');
    await corrections.approve(city, id, 1);
    await corrections.approve(province, id, 2);
    const results = await Promise.allSettled([
      corrections.approve(national, id, 3),
      corrections.approve(national, id, 3),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : code(r.reason))).sort()).toEqual([
      'STALE_VERSION',
      'ok',
    ]);
    expect((await stored(c.id)).holderName).toBe('王小虹');
    const versions = await m.get(CertificateVersionsService).versions(national, c.id);
    expect(versions.map((v) => v.source)).toEqual(['import', 'correction']);
    expect(versions[0].values.holderName).toBe('王小红');
    expect(versions[1].changes).toEqual([
      { field: 'holderName', fieldLabel: '姓名', before: '王小红', after: '王小虹' },
    ]);
  });

  it('only the stage role of the right organisation decides: another city of the province is refused (403)', async () => {
    const c = await certificate(published, 'published');
    const { id } = await fileErratum(c, { admissionTicket: 'B-1' }, '准考证号错误');
    // Within the province's subtree is not enough: the other city is outside this institution's path (404).
    await expect(corrections.approve(otherCity, id, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(corrections.approve(province, id, 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await request(id)).stage).toBe('municipal_review');
  });

  it('four eyes: who filed or resubmitted a request does not decide it; a colleague at the stage does (R-3, R-19)', async () => {
    // A dissolved institution's data is maintained by its city: the city's administrator files and reviews.
    const dissolved = await m.factories.organisation({ level: 'institution', parent: gd.city, status: 'dissolved' });
    const batch = await m.factories.batch(dissolved, await m.factories.user(dissolved, ['institution_operator']), {
      status: 'published',
    });
    const c = await certificate(batch, 'published');
    const statement = await attachment(city, gd.city, 'erratum_statement');
    const { id } = await corrections.create(city, {
      certificateId: c.id,
      type: 'modify',
      changes: { admissionTicket: 'D-1' },
      reason: '准考证号错误',
      attachmentIds: [statement],
    });
    await expect(corrections.approve(city, id, 1)).rejects.toMatchObject({ code: 'CORRECTION_OWN_REQUEST' });
    const colleague = m.factories.actor(await m.factories.user(gd.city, ['municipal_admin']), gd.city);
    await corrections.approve(colleague, id, 1);
    expect((await request(id)).stage).toBe('provincial_review');
  });

  it('a new certificate number is checked as it will be stored: full-width or a JSON number of a taken one is refused', async () => {
    const taken = await certificate(published, 'published', { certificateNumber: '1234567890123456' });
    const c = await certificate(published, 'published');
    const statement = await attachment(operator, gd.institution, 'erratum_statement');
    for (const typed of ['１２３４５６７８９０１２３４５６', 1234567890123456]) {
      await expect(
        corrections.create(operator, {
          certificateId: c.id,
          type: 'modify',
          changes: { certificateNumber: typed },
          reason: '证书编号错误',
          attachmentIds: [statement],
        }),
      ).rejects.toMatchObject({ code: 'CORRECTION_INVALID', details: { field: 'certificateNumber' } });
    }
    expect(taken.certificateNumber).toBe('1234567890123456');
  });

  it('a re-check is not confirmed while another request for the certificate is open; its own request cannot be withdrawn (R-26)', async () => {
    const c = await certificate(published, 'published');
    const open = await fileErratum(c, { admissionTicket: 'R-1' }, '准考证号错误');
    const confirm = (recheckId: number) =>
      m.get(UnitOfWork).run((manager) =>
        corrections.openFromRecheck(manager, {
          recheckId,
          certificateId: c.id,
          outcome: 'correct',
          reason: '出生日期有误',
          actor: province,
        }),
      );
    await expect(confirm(9001)).rejects.toMatchObject({ code: 'RECHECK_CORRECTION_PENDING' });
    await corrections.withdraw(operator, open.id, 1, '改由复核处理');
    await confirm(9002);
    const opened = await m.dataSource
      .getRepository(Correction)
      .findOneByOrFail({ certificateId: c.id, status: 'awaiting' });
    await expect(corrections.withdraw(operator, opened.id, opened.version, '不想改')).rejects.toMatchObject({
      code: 'CORRECTION_FROM_RECHECK',
    });
    // Owed within the national period for correcting after a provincial return: 20 working days. The
    // institution's operators are reminded from 3 working days before; overdue, the city's administrator too.
    expect(opened.dueDate).toBe('2026-02-12');
    const calendar = await m.get(CalendarService).calendar();
    const reminded = async (today: string) =>
      (await m.get(CorrectionDeadlines).reminderItems({ calendar, today })).find((r) => r.subjectId === opened.id);
    expect(await reminded('2026-02-06')).toBeUndefined();
    expect(await reminded('2026-02-09')).toMatchObject({
      kind: 'correction_request',
      stage: 'correction:awaiting',
      event: 'due_soon',
      dueDate: '2026-02-12',
      responsibleOrganisationId: gd.institution.id,
      responsibleRole: 'institution_operator',
      escalationTarget: null,
    });
    expect(await reminded('2026-02-13')).toMatchObject({
      event: 'overdue',
      escalationTarget: { organisationId: gd.city.id, role: 'municipal_admin' },
    });
  });

  it('a confirmed deletion waits on the province, reminded and escalated to its administrator (R-23, R-26, R-35)', async () => {
    const c = await certificate(published, 'published');
    await m.get(UnitOfWork).run((manager) =>
      corrections.openFromRecheck(manager, {
        recheckId: 9003,
        certificateId: c.id,
        outcome: 'delete',
        reason: '证书系伪造',
        actor: province,
      }),
    );
    const opened = await m.dataSource
      .getRepository(Correction)
      .findOneByOrFail({ certificateId: c.id, status: 'awaiting' });
    const calendar = await m.get(CalendarService).calendar();
    const items = await m.get(CorrectionDeadlines).reminderItems({ calendar, today: '2026-02-13' });
    expect(items.find((r) => r.subjectId === opened.id)).toMatchObject({
      responsibleOrganisationId: gd.province.id,
      responsibleRole: 'provincial_reviewer',
      escalationTarget: { organisationId: gd.province.id, role: 'provincial_admin' },
    });
  });

  it('two overrides recorded at once for the same modification: one is kept, the other is refused (R-20)', async () => {
    const c = await certificate(published, 'published');
    const { id } = await fileErratum(c, { admissionTicket: 'O-1' }, '准考证号错误');
    await corrections.approve(city, id, 1);
    await corrections.approve(province, id, 2);
    await corrections.approve(national, id, 3);
    const results = await Promise.allSettled([
      corrections.override(province, c.id, '档案核实后同意再次修改'),
      corrections.override(province, c.id, '档案核实后同意再次修改'),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : code(r.reason))).sort()).toEqual([
      'CORRECTION_OVERRIDE_NOT_NEEDED',
      'ok',
    ]);
    expect(await m.dataSource.query('SELECT nth FROM correction_overrides WHERE certificate_id = ?', [c.id])).toEqual([
      { nth: 1 },
    ]);
  });

  it('applies whole or not at all: a certificate changed since filing is refused at national and nothing is written', async () => {
    const c = await certificate(published, 'published');
    const { id } = await fileErratum(c, { holderName: '王晓红' }, '姓名错误');
    await corrections.approve(city, id, 1);
    await corrections.approve(province, id, 2);
    await m.dataSource.getRepository(Certificate).update({ id: c.id }, { holderName: '王小洪' });
    await expect(corrections.approve(national, id, 3)).rejects.toMatchObject({
      code: 'CORRECTION_CERTIFICATE_CHANGED',
    });
    expect((await stored(c.id)).holderName).toBe('王小洪');
    expect(await m.get(CertificatesRepository).historyOf(c.id)).toHaveLength(0);
    expect(await request(id)).toMatchObject({ status: 'pending', stage: 'national_review', version: 3 });
  });

  it('a deletion leaves the public lookup at once and for good (R-23, R-33)', async () => {
    const c = await certificate(published, 'published', { holderName: '李晓明' });
    const lookup = () =>
      m
        .get(LookupService)
        .oldMode({ kind: 'skill_level', certificateNumber: c.certificateNumber, name: '李晓明' }, '198.51.100.7');
    expect((await lookup()).results).toHaveLength(1);
    const commitment = await attachment(province, gd.province, 'holder_commitment');
    const { id } = await corrections.create(province, {
      certificateId: c.id,
      type: 'delete',
      reason: '持证人放弃',
      attachmentIds: [commitment],
    });
    await corrections.approve(national, id, 1);
    expect(await stored(c.id)).toMatchObject({ lookupStatus: 'deleted', status: 'published' });
    expect((await lookup()).results).toHaveLength(0);
  });

  it('a deletion filed before a suspension and applied during the re-check ends that re-check with it (R-23, R-26)', async () => {
    const c = await certificate(published, 'published');
    const commitment = await attachment(province, gd.province, 'holder_commitment');
    const { id } = await corrections.create(province, {
      certificateId: c.id,
      type: 'delete',
      reason: '持证人放弃',
      attachmentIds: [commitment],
    });
    const task = await m.get(SuspensionService).suspendCertificate(national, c.id, '疑似冒名取证');
    await corrections.approve(national, id, 1);
    expect(await stored(c.id)).toMatchObject({ lookupStatus: 'deleted' });
    const ended = await m.dataSource.getRepository(Recheck).findOneByOrFail({ id: task.id });
    expect(ended).toMatchObject({ status: 'confirmed', outcome: 'delete', decidedById: national.userId });
    expect(ended.decisionReason).toContain(`#${id}`);
    // Nothing left for the province to decide, nor on its board.
    await expect(m.get(RechecksService).restore(province, task.id, ended.version, '恢复')).rejects.toMatchObject({
      code: 'RECHECK_ALREADY_DECIDED',
    });
    const [audit] = await m.dataSource
      .getRepository(AuditLog)
      .findBy({ action: 'recheck.end_by_deletion', targetId: String(task.id) });
    expect(JSON.parse(audit.after!)).toMatchObject({ status: 'confirmed', outcome: 'delete', correctionId: id });
  });

  it('a work order deleting a record in review keeps it out of lookup when its batch is published (R-21, R-23)', async () => {
    const c = await certificate(inReview, 'in_review');
    const commitment = await attachment(operator, gd.institution, 'holder_commitment');
    const { id } = await corrections.create(operator, {
      certificateId: c.id,
      type: 'delete',
      reason: '重复上报',
      attachmentIds: [commitment],
      workOrder: {
        urgency: 'normal',
        changeType: 'data_modification',
        module: '职业技能等级认定监管',
        reason: '重复上报',
      },
    });
    const r = await request(id);
    // 普通: five working days from Thursday 2026-01-15 → Thursday 2026-01-22.
    expect([r.stage, r.dueDate, r.dueAt]).toEqual(['work_order', '2026-01-22', null]);
    await corrections.approve(city, id, 1);
    expect((await stored(c.id)).lookupStatus).toBe('deleted');
    await m
      .get(UnitOfWork)
      .run((manager) => m.get(CertificatesRepository).publishBatch(manager, inReview.id, '2026-01-16'));
    expect(await stored(c.id)).toMatchObject({ status: 'published', lookupStatus: 'deleted' });
  });
});
