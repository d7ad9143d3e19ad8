import type { ComplaintDetail, CreateComplaintRequest } from '@app/contracts';
import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import type { Actor } from '../../apps/api/src/common/actor/actor';
import { parseListQuery } from '../../apps/api/src/common/http/list-query';
import { COMPLAINT_LIST } from '../../apps/api/src/complaints/complaint-list';
import { ComplaintsModule } from '../../apps/api/src/complaints/complaints.module';
import { ComplaintsRepository } from '../../apps/api/src/complaints/complaints.repository';
import { ComplaintsService } from '../../apps/api/src/complaints/complaints.service';
import { Complaint } from '../../apps/api/src/complaints/entities/complaint.entity';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { FieldCipher } from '../../apps/api/src/crypto/field-cipher';
import { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { RemindersService } from '../../apps/api/src/reminders/reminders.service';
import { DEADLINE_LIST, DeadlineBoardService } from '../../apps/api/src/reviews/deadline-board.service';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

const PHONE = '13812345678';
/** Thursday 12 February 2026, Beijing morning: 春节 (15–23 February, with the adjusted working Saturday 14th) ahead. */
const NOW = '2026-02-12T02:00:00Z';

// R-43 on a real database (SQLite and MariaDB): the reply deadline on the working-day calendar, the state machine with
// optimistic locking and who may act, the phone at rest, the deadline board and reminders, and the quality report's
// set-based counts per institution.
describe('complaints (medium)', () => {
  let m: MediumContext;
  let gd: OrgTree;
  let sc: OrgTree;
  let otherInstitution: Organisation;
  let gdAdmin: Actor;
  let gdCity: Actor;
  let operator: Actor;
  let otherOperator: Actor;
  let scReviewer: Actor;
  let service: ComplaintsService;
  let batch: Batch;
  let certificate: Certificate;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, ComplaintsModule], now: NOW });
    service = m.get(ComplaintsService);
    gd = await m.factories.tree();
    const province = await m.factories.organisation({ level: 'provincial', parent: gd.national, regionCode: '510000' });
    const city = await m.factories.organisation({ level: 'municipal', parent: province, regionCode: '510100' });
    sc = {
      national: gd.national,
      province,
      city,
      institution: await m.factories.organisation({ level: 'institution', parent: city }),
    };
    otherInstitution = await m.factories.organisation({ level: 'institution', parent: gd.city });
    gdAdmin = m.factories.actor(await m.factories.user(gd.province, ['provincial_admin']), gd.province);
    gdCity = m.factories.actor(await m.factories.user(gd.city, ['municipal_admin']), gd.city);
    const operatorUser = await m.factories.user(gd.institution, ['institution_operator']);
    operator = m.factories.actor(operatorUser, gd.institution);
    otherOperator = m.factories.actor(
      await m.factories.user(otherInstitution, ['institution_operator']),
      otherInstitution,
    );
    scReviewer = m.factories.actor(await m.factories.user(sc.province, ['provincial_reviewer']), sc.province);
    batch = await m.factories.batch(gd.institution, operatorUser, { status: 'published' });
    [certificate] = await m.factories.certificates(batch, 1);
  });
  afterAll(() => m.close());

  const body = (overrides: Partial<CreateComplaintRequest> = {}): CreateComplaintRequest => ({
    holderName: '王小红',
    contactPhone: PHONE,
    institutionId: gd.institution.id,
    channel: 'hotline_12333',
    content: '取得证书两个月仍查询不到',
    ...overrides,
  });

  it('R-43: due 5 working days after the recording day on the official calendar, across 春节 and its adjusted Saturday', async () => {
    const created = await service.create(gdCity, body({ certificateId: certificate.id, batchId: batch.id }));
    // 13 Feb, the adjusted working Saturday 14 Feb, then 春节 15–23 Feb, then 24, 25, 26 Feb.
    expect(created).toMatchObject({
      status: 'open',
      statusLabel: '待机构答复',
      recordedOn: '2026-02-12',
      receivedOn: '2026-02-12',
      dueDate: '2026-02-26',
      workingDaysLeft: 5,
      overdue: false,
      channelLabel: '12333热线',
      institutionName: gd.institution.name,
      certificateNumber: certificate.certificateNumber,
      responderOrganisationId: gd.institution.id,
      recordingOrganisation: gd.city.name,
      actions: [],
      version: 1,
    });
    const recordedOnSunday = await (async () => {
      m.clock.set('2026-02-22T02:00:00Z');
      try {
        return await service.create(gdCity, body({ receivedOn: '2026-02-20' }));
      } finally {
        m.clock.set(NOW);
      }
    })();
    // Recorded during the holiday: 24, 25, 26, 27 Feb and the adjusted working Saturday 28 Feb.
    expect(recordedOnSunday).toMatchObject({
      recordedOn: '2026-02-22',
      receivedOn: '2026-02-20',
      dueDate: '2026-02-28',
    });
  });

  it('R-9: the phone is encrypted at rest, shown masked and never audited in clear', async () => {
    const created = await service.create(gdCity, body({ contactPhone: '+86 138 1234 5678' }));
    expect(created.contactPhoneMasked).toBe('138****5678');
    const row = await m.dataSource.getRepository(Complaint).findOneByOrFail({ id: created.id });
    expect(row.contactPhoneEnc).not.toContain(PHONE);
    expect(m.get(FieldCipher).decrypt(row.contactPhoneEnc)).toBe(PHONE);
    const audits = await m.dataSource
      .getRepository(AuditLog)
      .findBy({ targetType: 'complaint', targetId: String(created.id) });
    expect(audits.map((a) => a.action)).toEqual(['complaint.create']);
    expect(JSON.parse(audits[0].after!)).toMatchObject({ contactPhoneMasked: '138****5678', dueDate: created.dueDate });
    expect(JSON.stringify(audits)).not.toContain(PHONE);
    expect(JSON.stringify(await service.get(operator, created.id))).not.toContain(PHONE);
  });

  it('R-43: refuses what cannot be recorded', async () => {
    const [foreign] = await m.factories.certificates(
      await m.factories.batch(otherInstitution, await m.factories.user(otherInstitution, ['institution_operator'])),
      1,
    );
    const otherBatch = await m.factories.batch(gd.institution, await m.factories.user(gd.institution, []));
    const cases: [Partial<CreateComplaintRequest>, string][] = [
      [{ certificateId: foreign.id }, 'COMPLAINT_CERTIFICATE_NOT_OF_INSTITUTION'],
      [{ certificateId: 999_999 }, 'COMPLAINT_CERTIFICATE_NOT_OF_INSTITUTION'],
      [{ batchId: foreign.batchId }, 'COMPLAINT_BATCH_NOT_OF_INSTITUTION'],
      [{ certificateId: certificate.id, batchId: otherBatch.id }, 'COMPLAINT_CERTIFICATE_NOT_IN_BATCH'],
      [{ receivedOn: '2026-02-13' }, 'COMPLAINT_RECEIVED_IN_FUTURE'],
      [{ contactPhone: '12345' }, 'COMPLAINT_PHONE_INVALID'],
      [{ institutionId: gd.city.id }, 'COMPLAINT_NOT_AN_INSTITUTION'],
      [{ institutionId: sc.institution.id }, 'NOT_FOUND'],
    ];
    for (const [overrides, code] of cases) {
      await expect(service.create(gdCity, body(overrides))).rejects.toMatchObject({ code });
    }
    expect(await m.dataSource.getRepository(Complaint).countBy({ institutionId: sc.institution.id })).toBe(0);
  });

  it('R-43: open → replied → reopened with a new deadline → replied late → closed; wrong state, stale version, wrong actor refused', async () => {
    const created = await service.create(gdCity, body());
    expect((await service.get(operator, created.id)).actions).toEqual(['reply']);
    // Another institution's operator cannot see it; the centre cannot answer for an active institution.
    await expect(service.reply(otherOperator, created.id, 1, '答复')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.reply(gdCity, created.id, 1, '答复')).rejects.toMatchObject({
      code: 'COMPLAINT_REPLY_NOT_ASSIGNED',
    });
    await expect(service.close(gdCity, created.id, 1, '办结')).rejects.toMatchObject({
      code: 'COMPLAINT_WRONG_STATUS',
    });
    await expect(service.reply(operator, created.id, 2, '答复')).rejects.toMatchObject({ code: 'STALE_VERSION' });

    const replied = await service.reply(operator, created.id, 1, '数据已补报，审核通过后可查询');
    expect(replied).toMatchObject({ status: 'replied', reply: '数据已补报，审核通过后可查询', lateReply: false });
    expect(replied.repliedByName).toBe(operator.displayName);
    expect((await service.get(gdCity, created.id)).actions).toEqual(['close', 'reopen']);
    await expect(service.reply(operator, created.id, 2, '再答复')).rejects.toMatchObject({
      code: 'COMPLAINT_WRONG_STATUS',
    });
    await expect(service.get(scReviewer, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Sent back on Tuesday 24 February: due 25, 26, 27 Feb, the adjusted Saturday 28 Feb, 2 March.
    m.clock.set('2026-02-24T02:00:00Z');
    try {
      const reopened = await service.reopen(gdAdmin, created.id, 2, '未说明补报时间');
      expect(reopened).toMatchObject({
        status: 'open',
        dueDate: '2026-03-02',
        reopenCount: 1,
        reopenReason: '未说明补报时间',
        version: 3,
      });
      m.clock.set('2026-03-03T02:00:00Z');
      const late = await service.reply(operator, created.id, 3, '已于3月1日补报');
      expect(late).toMatchObject({ status: 'replied', lateReply: true });
      const closed = await service.close(gdCity, created.id, 4, '经核实已可查询，已告知投诉人');
      expect(closed).toMatchObject({ status: 'closed', closingNote: '经核实已可查询，已告知投诉人', actions: [] });
      expect(closed.closedByName).toBe(gdCity.displayName);
      await expect(service.reopen(gdCity, created.id, 5, '再退回')).rejects.toMatchObject({
        code: 'COMPLAINT_WRONG_STATUS',
      });
    } finally {
      m.clock.set(NOW);
    }
    const audits = await m.dataSource
      .getRepository(AuditLog)
      .find({ where: { targetType: 'complaint', targetId: String(created.id) }, order: { seq: 'ASC' } });
    expect(audits.map((a) => a.action)).toEqual([
      'complaint.create',
      'complaint.reply',
      'complaint.reopen',
      'complaint.reply',
      'complaint.close',
    ]);
    expect(JSON.parse(audits[2].before!)).toMatchObject({ status: 'replied', dueDate: '2026-02-26', version: 2 });
    expect(JSON.parse(audits[2].after!)).toMatchObject({ status: 'open', dueDate: '2026-03-02', version: 3 });
  });

  it('R-43, R-44: a dissolved institution is answered for by its parent centre’s administrator', async () => {
    const dissolved = await m.factories.organisation({ level: 'institution', parent: gd.city, status: 'dissolved' });
    const former = m.factories.actor(await m.factories.user(dissolved, ['institution_operator']), dissolved);
    const created = await service.create(gdAdmin, body({ institutionId: dissolved.id }));
    expect(created).toMatchObject({ responderOrganisationId: gd.city.id, responderOrganisation: gd.city.name });
    await expect(service.reply(former, created.id, 1, '答复')).rejects.toMatchObject({ code: 'INSTITUTION_DISSOLVED' });
    expect((await service.get(gdCity, created.id)).actions).toEqual(['reply']);
    await expect(service.reply(gdCity, created.id, 1, '由市中心核实答复')).resolves.toMatchObject({
      status: 'replied',
    });
  });

  it('R-43, R-35: open complaints are on the deadline board and in the reminders of whoever must reply; overdue escalates to the centre', async () => {
    const created = await service.create(gdCity, body());
    const board = m.get(DeadlineBoardService);
    const mine = await board.list(
      operator,
      parseListQuery({ range: '[0,499]', filter: JSON.stringify({ kind: 'complaint' }) }, DEADLINE_LIST),
    );
    expect(mine.rows.find((r) => r.id === `complaint-${created.id}`)).toMatchObject({
      kind: 'complaint',
      complaintId: created.id,
      batchId: null,
      dueDate: '2026-02-26',
      responsibleOrganisationId: gd.institution.id,
      responsibleRole: '评价机构操作员',
      linkPath: `/complaints/${created.id}/show`,
    });
    const others = await board.list(otherOperator, parseListQuery({ range: '[0,499]' }, DEADLINE_LIST));
    expect(others.rows.map((r) => r.id)).not.toContain(`complaint-${created.id}`);
    const sichuan = await board.list(scReviewer, parseListQuery({ range: '[0,499]' }, DEADLINE_LIST));
    expect(sichuan.rows.map((r) => r.id)).not.toContain(`complaint-${created.id}`);

    const reminders = m.get(RemindersService);
    // 24 February: 25, 26 February left — due soon, for the institution's operators.
    m.clock.set('2026-02-24T02:00:00Z');
    try {
      const soon = (await reminders.items()).items.filter((i) => i.kind === 'complaint' && i.subjectId === created.id);
      expect(soon).toEqual([
        expect.objectContaining({
          event: 'due_soon',
          workingDaysLeft: 2,
          responsibleOrganisationId: gd.institution.id,
          responsibleRole: 'institution_operator',
          escalationTarget: null,
          linkPath: `/complaints/${created.id}/show`,
        }),
      ]);
      expect((await reminders.mine(operator)).map((i) => i.linkPath)).toContain(`/complaints/${created.id}/show`);
      expect((await reminders.mine(otherOperator)).map((i) => i.linkPath)).not.toContain(
        `/complaints/${created.id}/show`,
      );
      // 27 February: one working day overdue — escalated to the institution's municipal centre.
      m.clock.set('2026-02-27T02:00:00Z');
      const overdue = (await reminders.items()).items.filter(
        (i) => i.kind === 'complaint' && i.subjectId === created.id,
      );
      expect(overdue).toEqual([
        expect.objectContaining({
          event: 'overdue',
          overdueWorkingDays: 1,
          escalationTarget: { organisationId: gd.city.id, role: 'municipal_admin' },
        }),
      ]);
      expect((await reminders.mine(gdCity)).find((i) => i.linkPath === `/complaints/${created.id}/show`)).toMatchObject(
        { escalation: true },
      );
      const overdueList = await service.list(
        gdCity,
        parseListQuery({ range: '[0,499]', filter: JSON.stringify({ due: 'overdue' }) }, COMPLAINT_LIST),
      );
      expect(overdueList.rows.map((r) => r.id)).toContain(created.id);
      expect(overdueList.rows.every((r) => r.overdue && r.status === 'open')).toBe(true);
    } finally {
      m.clock.set(NOW);
    }
    // Replied, it leaves the board.
    await service.reply(operator, created.id, 1, '已处理');
    const after = await board.list(operator, parseListQuery({ range: '[0,499]' }, DEADLINE_LIST));
    expect(after.rows.map((r) => r.id)).not.toContain(`complaint-${created.id}`);
  });

  it('R-39: counts per institution within a jurisdiction and period — recorded, closed, overdue — in one statement', async () => {
    // A fresh pair of institutions so the earlier tests' complaints do not count.
    const a = await m.factories.organisation({ level: 'institution', parent: gd.city });
    const b = await m.factories.organisation({ level: 'institution', parent: gd.province });
    const opA = m.factories.actor(await m.factories.user(a, ['institution_operator']), a);
    const opB = m.factories.actor(await m.factories.user(b, ['institution_operator']), b);
    const scOwn = await service.create(scReviewer, body({ institutionId: sc.institution.id }));
    const at = async <T>(day: string, fn: () => Promise<T>): Promise<T> => {
      m.clock.set(`${day}T02:00:00Z`);
      try {
        return await fn();
      } finally {
        m.clock.set(NOW);
      }
    };
    // A: three in March — one closed on time, one replied late, one still open past its due day; one in April.
    const a1 = await at('2026-03-02', () => service.create(gdAdmin, body({ institutionId: a.id })));
    await at('2026-03-03', () => service.reply(opA, a1.id, 1, '已处理'));
    await at('2026-03-04', () => service.close(gdAdmin, a1.id, 2, '办结'));
    const a2 = await at('2026-03-02', () => service.create(gdAdmin, body({ institutionId: a.id })));
    await at('2026-03-20', () => service.reply(opA, a2.id, 1, '迟复'));
    await at('2026-03-10', () => service.create(gdCity, body({ institutionId: a.id })));
    await at('2026-04-01', () => service.create(gdCity, body({ institutionId: a.id })));
    // B: one in March, replied on time and closed.
    const b1 = await at('2026-03-16', () => service.create(gdAdmin, body({ institutionId: b.id })));
    await at('2026-03-17', () => service.reply(opB, b1.id, 1, '已处理'));
    await at('2026-03-18', () => service.close(gdAdmin, b1.id, 2, '办结'));

    const repository = m.get(ComplaintsRepository);
    const counts = await repository.countsByInstitution('2026-03-01', '2026-03-31', gd.province.path);
    const ours = counts.filter((c) => [a.id, b.id].includes(c.institutionId));
    expect(ours).toEqual([
      { institutionId: a.id, institutionName: a.name, recorded: 3, closed: 1, overdue: 2 },
      { institutionId: b.id, institutionName: b.name, recorded: 1, closed: 1, overdue: 0 },
    ]);
    expect(counts.map((c) => c.institutionId)).not.toContain(sc.institution.id);
    // As of 13 March the complaint of the 10th is not yet due: only the late reply counts.
    const early = await repository.countsByInstitution('2026-03-01', '2026-03-31', gd.province.path, '2026-03-13');
    expect(early.find((c) => c.institutionId === a.id)).toMatchObject({ recorded: 3, overdue: 1 });
    // A city sees only its own subtree: B hangs directly under the province.
    const city = await repository.countsByInstitution('2026-03-01', '2026-03-31', gd.city.path);
    expect(city.map((c) => c.institutionId)).toContain(a.id);
    expect(city.map((c) => c.institutionId)).not.toContain(b.id);
    // Sichuan's complaint of 12 February, unanswered, is overdue at the month's end (due 26 February).
    const sichuan = await repository.countsByInstitution('2026-02-01', '2026-02-28', sc.province.path);
    expect(sichuan).toEqual([
      { institutionId: sc.institution.id, institutionName: sc.institution.name, recorded: 1, closed: 0, overdue: 1 },
    ]);
    expect(scOwn.institutionId).toBe(sc.institution.id);
  });

  it('lists within jurisdiction with filters; an institution sees only its own', async () => {
    const ours = await service.create(gdCity, body({ channel: 'letter' }));
    const theirs = await service.create(gdCity, body({ institutionId: otherInstitution.id, channel: 'letter' }));
    const list = (actor: Actor, filter: object) =>
      service.list(actor, parseListQuery({ range: '[0,499]', filter: JSON.stringify(filter) }, COMPLAINT_LIST));
    const byCity = await list(gdCity, { channel: 'letter', status: 'open' });
    expect(byCity.rows.map((r) => r.id)).toEqual(expect.arrayContaining([ours.id, theirs.id]));
    expect(byCity.rows.every((r) => r.channel === 'letter' && r.status === 'open')).toBe(true);
    expect(byCity.total).toBe(byCity.rows.length);
    const own = await list(operator, {});
    expect(own.rows.map((r) => r.id)).toContain(ours.id);
    expect(own.rows.every((r) => r.institutionId === gd.institution.id)).toBe(true);
    expect((await list(gdCity, { institutionId: otherInstitution.id })).rows.map((r) => r.id)).toEqual([theirs.id]);
    expect((await list(scReviewer, { channel: 'letter' })).rows).toEqual([]);
    const row = byCity.rows.find((r) => r.id === ours.id)! as Partial<ComplaintDetail>;
    expect(row.contactPhoneMasked).toBe('138****5678');
    expect(row).not.toHaveProperty('content');
  });
});
