import type { ComplaintDetail, ComplaintRow, DeadlineItem } from '@app/contracts';
import { createTestApp, organisationId, TestApp } from './support/test-app';

const GZ1 = '广州市白云区粤厨职业培训学校';
const CD1 = '成都市锦江区蜀味烹饪职业技能培训学校';
const PHONE = '13912345678';

type Method = 'get' | 'post';

// the HTTP contract of complaints against the real app with the demo data (today Monday 2026-11-23): record,
// list, reply, close, reopen; 404 outside the jurisdiction and 403 for a role without the action; the phone masked
// everywhere and never in clear in the audit trail.
describe('complaints (e2e)', () => {
  let t: TestApp;
  let gz1: number;
  let cd1: number;
  /** A certificate and its batch of GZ1, and a certificate of CD1. */
  let gzCertificate: { id: number; batchId: number };
  let cdCertificate: number;

  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  async function call(username: string, method: Method, path: string, body?: object) {
    const req = t.http[method](path).set(await as(username));
    return body ? req.send(body) : req;
  }
  const create = (username: string, overrides: object = {}) =>
    call(username, 'post', '/api/admin/complaints', {
      holderName: '李四',
      contactPhone: PHONE,
      institutionId: gz1,
      channel: 'hotline_12333',
      content: '9月取得的证书至今在全国联网查询系统查不到',
      ...overrides,
    });

  beforeAll(async () => {
    t = await createTestApp();
    gz1 = await organisationId(t.dataSource, GZ1);
    cd1 = await organisationId(t.dataSource, CD1);
    const [gz] = await t.dataSource.query(
      'SELECT id, batch_id AS batchId FROM certificates WHERE institution_id = ? ORDER BY id LIMIT 1',
      [gz1],
    );
    gzCertificate = { id: Number(gz.id), batchId: Number(gz.batchId) };
    const [cd] = await t.dataSource.query('SELECT id FROM certificates WHERE institution_id = ? ORDER BY id LIMIT 1', [
      cd1,
    ]);
    cdCertificate = Number(cd.id);
  }, 120_000);
  afterAll(() => t.close());

  it('POST records a complaint (201) with the reply due 5 working days later and the phone masked', async () => {
    const res = await create('gz_admin', {
      certificateId: gzCertificate.id,
      batchId: gzCertificate.batchId,
      receivedOn: '2026-11-20',
      channel: 'online',
    });
    expect(res.status).toBe(201);
    const detail = res.body as ComplaintDetail;
    expect(detail).toEqual({
      id: expect.any(Number),
      holderName: '李四',
      contactPhoneMasked: '139****5678',
      institutionId: gz1,
      institutionName: GZ1,
      certificateId: gzCertificate.id,
      certificateNumber: expect.any(String),
      batchId: gzCertificate.batchId,
      channel: 'online',
      channelLabel: '网上留言',
      receivedOn: '2026-11-20',
      recordedOn: '2026-11-23',
      recordedAt: expect.any(String),
      dueDate: '2026-11-30',
      workingDaysLeft: 5,
      overdue: false,
      dueText: '剩余 5 个工作日（2026-11-30 到期）',
      lateReply: false,
      status: 'open',
      statusLabel: '待机构答复',
      responderOrganisationId: gz1,
      responderOrganisation: GZ1,
      reopenCount: 0,
      version: 1,
      content: '9月取得的证书至今在全国联网查询系统查不到',
      recordedByName: '林晓东',
      recordingOrganisation: '广州市职业技能鉴定指导中心',
      reply: null,
      repliedAt: null,
      repliedByName: null,
      reopenReason: null,
      reopenedAt: null,
      closingNote: null,
      closedAt: null,
      closedByName: null,
      actions: [],
    });
    expect(JSON.stringify(res.body)).not.toContain(PHONE);
  });

  it('refuses bad input: 400 for the body, 422 with a Chinese message for the rules, 404 outside the jurisdiction', async () => {
    for (const overrides of [
      { content: 'x'.repeat(2001) },
      { content: '   ' },
      { holderName: '' },
      { channel: 'fax' },
      { institutionId: 'abc' },
      { receivedOn: '2026-13-01' },
      { receivedOn: '2026-02-30' },
      { contactPhone: '1'.repeat(40) },
    ]) {
      expect((await create('gz_admin', overrides)).status).toBe(400);
    }
    expect((await create('gz_admin', { content: '查'.repeat(2000) })).status).toBe(201);
    const cases: [object, string][] = [
      [{ contactPhone: '12345678' }, 'COMPLAINT_PHONE_INVALID'],
      [{ certificateId: cdCertificate }, 'COMPLAINT_CERTIFICATE_NOT_OF_INSTITUTION'],
      [{ receivedOn: '2026-11-24' }, 'COMPLAINT_RECEIVED_IN_FUTURE'],
      [
        { institutionId: await organisationId(t.dataSource, '广州市职业技能鉴定指导中心') },
        'COMPLAINT_NOT_AN_INSTITUTION',
      ],
    ];
    for (const [overrides, code] of cases) {
      const res = await create('gz_admin', overrides);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    // Another province's institution does not exist for Guangzhou; an institution or a head may not record.
    expect((await create('gz_admin', { institutionId: cd1 })).status).toBe(404);
    expect((await create('inst_gz1')).status).toBe(403);
    expect((await create('gz_head')).status).toBe(403);
    expect((await create('auditor')).status).toBe(403);
  });

  it('list: react-admin shape, Content-Range, filters, masked phone; an institution sees its own only', async () => {
    const letter = (await create('gd_reviewer', { channel: 'letter' })).body as ComplaintDetail;
    const res = await call(
      'gd_admin',
      'get',
      `/api/admin/complaints?filter=${encodeURIComponent(JSON.stringify({ status: 'open', channel: 'letter', institutionId: gz1 }))}&sort=["id","DESC"]&range=[0,9]`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^complaints 0-\d+\/\d+$/);
    const rows = res.body as ComplaintRow[];
    expect(rows[0]).toMatchObject({ id: letter.id, channelLabel: '来信', contactPhoneMasked: '139****5678' });
    expect(rows[0]).not.toHaveProperty('content');
    expect(rows.every((r) => r.channel === 'letter' && r.institutionId === gz1)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(PHONE);
    expect((await call('gd_admin', 'get', '/api/admin/complaints?filter={"status":"lost"}')).status).toBe(400);
    expect((await call('gd_admin', 'get', '/api/admin/complaints?filter={"due":"overdue"}')).body).toEqual([]);

    const cd = (await create('sc_reviewer', { institutionId: cd1, certificateId: cdCertificate })).body;
    const own = (await call('inst_gz1', 'get', '/api/admin/complaints?range=[0,499]')).body as ComplaintRow[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.institutionId === gz1)).toBe(true);
    const national = (await call('nat_reviewer', 'get', '/api/admin/complaints?range=[0,499]')).body as ComplaintRow[];
    expect(national.map((r) => r.id)).toEqual(expect.arrayContaining([letter.id, cd.id]));
    const guangdong = (await call('gd_admin', 'get', '/api/admin/complaints?range=[0,499]')).body as ComplaintRow[];
    expect(guangdong.map((r) => r.id)).not.toContain(cd.id);
    expect((await call('auditor', 'get', '/api/admin/complaints')).status).toBe(403);
  });

  it('reply → reopen → reply → close, with 409 for a wrong state or a stale version, each step audited', async () => {
    const created = (await create('gz_admin')).body as ComplaintDetail;
    const path = `/api/admin/complaints/${created.id}`;
    expect((await call('inst_gz1', 'get', path)).body.actions).toEqual(['reply']);
    expect((await call('gz_admin', 'post', `${path}/close`, { version: 1, note: '办结' })).body.code).toBe(
      'COMPLAINT_WRONG_STATUS',
    );
    expect((await call('inst_gz1', 'post', `${path}/reply`, { version: 9, reply: '答复' })).status).toBe(409);
    expect((await call('inst_gz1', 'post', `${path}/reply`, { version: 1, reply: '' })).status).toBe(400);
    // The centre may not answer for an active institution.
    const centre = await call('gz_admin', 'post', `${path}/reply`, { version: 1, reply: '答复' });
    expect(centre.status).toBe(403);
    expect(centre.body.code).toBe('COMPLAINT_REPLY_NOT_ASSIGNED');

    const replied = await call('inst_gz1', 'post', `${path}/reply`, { version: 1, reply: '已补报，审核后可查' });
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ status: 'replied', repliedByName: '周敏', version: 2 });
    const again = await call('inst_gz1', 'post', `${path}/reply`, { version: 2, reply: '再答复' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'COMPLAINT_WRONG_STATUS',
      message: expect.stringContaining('机构已答复'),
    });

    const reopened = await call('gd_admin', 'post', `${path}/reopen`, { version: 2, reason: '未说明补报时间' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', dueDate: '2026-11-30', reopenCount: 1, version: 3 });
    await call('inst_gz1', 'post', `${path}/reply`, { version: 3, reply: '11月25日补报' });
    expect((await call('gz_admin', 'post', `${path}/close`, { version: 3, note: '办结' })).status).toBe(409);
    const closed = await call('gz_admin', 'post', `${path}/close`, { version: 4, note: '已可查询，已告知投诉人' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', statusLabel: '已办结', closedByName: '林晓东', actions: [] });
    expect((await call('gz_admin', 'post', `${path}/reopen`, { version: 5, reason: '再退回' })).status).toBe(409);

    const audit = await call(
      'auditor',
      'get',
      `/api/admin/audit-logs?filter=${encodeURIComponent(JSON.stringify({ targetType: 'complaint', targetId: String(created.id) }))}&sort=["id","ASC"]`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual([
      'complaint.create',
      'complaint.reply',
      'complaint.reopen',
      'complaint.reply',
      'complaint.close',
    ]);
    expect(audit.body[0]).toMatchObject({
      actionLabel: '登记投诉',
      targetName: `投诉 #${created.id} · ${GZ1}`,
      after: expect.objectContaining({ contactPhoneMasked: '139****5678', dueDate: '2026-11-30' }),
    });
    expect(audit.body[4]).toMatchObject({
      username: 'gz_admin',
      before: expect.objectContaining({ status: 'replied', version: 4 }),
      after: expect.objectContaining({ status: 'closed', version: 5 }),
    });
    // No plaintext phone anywhere in the trail (refused requests included).
    const trail: { n: number }[] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM audit_logs WHERE `before` LIKE ? OR `after` LIKE ? OR detail LIKE ?',
      [`%${PHONE}%`, `%${PHONE}%`, `%${PHONE}%`],
    );
    expect(Number(trail[0].n)).toBe(0);
  });

  it('roles × another province’s complaint: 404 outside the jurisdiction, 403 without the permission', async () => {
    const cd = (await create('sc_reviewer', { institutionId: cd1 })).body as ComplaintDetail;
    const path = `/api/admin/complaints/${cd.id}`;
    const expectations: [string, Method, string, object | undefined, number][] = [
      ['nat_admin', 'get', path, undefined, 200],
      ['nat_reviewer', 'get', path, undefined, 200],
      ['cd_admin', 'get', path, undefined, 200],
      ['inst_cd1', 'get', path, undefined, 200],
      ['gd_admin', 'get', path, undefined, 404],
      ['gd_reviewer', 'get', path, undefined, 404],
      ['gz_admin', 'get', path, undefined, 404],
      ['gz_head', 'get', path, undefined, 404],
      ['inst_gz1', 'get', path, undefined, 404],
      ['auditor', 'get', path, undefined, 403],
      ['inst_gz1', 'post', `${path}/reply`, { version: 1, reply: '答复' }, 404],
      ['gz_admin', 'post', `${path}/reply`, { version: 1, reply: '答复' }, 404],
      ['gd_admin', 'post', `${path}/reply`, { version: 1, reply: '答复' }, 404],
      ['gd_reviewer', 'post', `${path}/reply`, { version: 1, reply: '答复' }, 403],
      ['gz_head', 'post', `${path}/reply`, { version: 1, reply: '答复' }, 403],
      ['gd_admin', 'post', `${path}/close`, { version: 1, note: '办结' }, 404],
      ['gd_reviewer', 'post', `${path}/reopen`, { version: 1, reason: '退回' }, 404],
      ['gz_admin', 'post', `${path}/close`, { version: 1, note: '办结' }, 404],
      ['inst_gz1', 'post', `${path}/close`, { version: 1, note: '办结' }, 403],
      ['inst_cd1', 'post', `${path}/reopen`, { version: 1, reason: '退回' }, 403],
      ['gz_head', 'post', `${path}/reopen`, { version: 1, reason: '退回' }, 403],
      ['auditor', 'post', `${path}/close`, { version: 1, note: '办结' }, 403],
      ['cd_admin', 'post', `${path}/reply`, { version: 1, reply: '答复' }, 403],
    ];
    const results = [];
    for (const [username, method, url, body] of expectations) {
      results.push((await call(username, method, url, body)).status);
    }
    expect(results).toEqual(expectations.map((e) => e[4]));
    // Nothing changed it; its own institution answers.
    const reply = await call('inst_cd1', 'post', `${path}/reply`, { version: 1, reply: '已补报' });
    expect(reply.status).toBe(200);
  });

  it('an open complaint is on its institution’s deadline board as 投诉', async () => {
    const created = (await create('gz_admin')).body as ComplaintDetail;
    const board = await call(
      'inst_gz1',
      'get',
      `/api/admin/deadlines?filter=${encodeURIComponent(JSON.stringify({ kind: 'complaint' }))}&range=[0,499]`,
    );
    expect(board.status).toBe(200);
    const item = (board.body as DeadlineItem[]).find((i) => i.id === `complaint-${created.id}`);
    expect(item).toMatchObject({
      kind: 'complaint',
      complaintId: created.id,
      statusLabel: '待机构答复',
      dueDate: '2026-11-30',
      responsibleOrganisation: GZ1,
      responsibleRole: '评价机构操作员',
      linkPath: `/complaints/${created.id}/show`,
    });
    const other = await call('inst_cd1', 'get', '/api/admin/deadlines?range=[0,499]');
    expect((other.body as DeadlineItem[]).map((i) => i.id)).not.toContain(`complaint-${created.id}`);
  });
});
