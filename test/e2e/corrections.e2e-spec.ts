import type { CertificateVersionView, CorrectionDetail, CorrectionRow } from '@app/contracts';
import { pdfFile } from './support/attachment-files';
import { createTestApp, organisationId, TestApp } from './support/test-app';

const GZ1 = '广州市白云区粤厨职业培训学校';

type Method = 'get' | 'post';

// the HTTP contract of correction and deletion requests against the real app and the demo
// data (today 2026-11-23): both published routes end to end, a work order, the refusals in the rules' order, versions,
// logical deletion, cited attachments, and who may do what (404 outside the jurisdiction, 403 for the wrong role).
describe('corrections, versions and logical deletion (e2e)', () => {
  let t: TestApp;
  let published: number[];
  let inReview: number;
  let draft: number;

  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  async function call(username: string, method: Method, path: string, body?: object) {
    const req = t.http[method](path).set(await as(username));
    return body ? req.send(body) : req;
  }
  async function upload(username: string, purpose: string): Promise<number> {
    const res = await t.http
      .post('/api/admin/attachments')
      .set(await as(username))
      .field('purpose', purpose)
      .attach('file', pdfFile(`${username}-${purpose}-${Math.random()}`), {
        filename: '说明.pdf',
        contentType: 'application/pdf',
      });
    expect(res.status).toBe(201);
    return res.body.id as number;
  }
  async function certificatesOf(status: string, extra = ''): Promise<number[]> {
    const id = await organisationId(t.dataSource, GZ1);
    const rows: { id: number }[] = await t.dataSource.query(
      `SELECT id FROM certificates WHERE institution_id = ? AND status = ? ${extra} ORDER BY id LIMIT 6`,
      [id, status],
    );
    return rows.map((r) => Number(r.id));
  }
  const detail = async (id: number) =>
    (await call('gz_admin', 'get', `/api/admin/corrections/${id}`)).body as CorrectionDetail;
  const certificate = async (id: number) => (await call('gd_reviewer', 'get', `/api/admin/certificates/${id}`)).body;
  const audits = async (action: string, targetId: number) =>
    Number(
      (
        await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_logs WHERE action = ? AND target_id = ?', [
          action,
          String(targetId),
        ])
      )[0].n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    published = await certificatesOf('published', "AND lookup_status = 'visible'");
    [inReview] = await certificatesOf('in_review');
    [draft] = await certificatesOf('draft');
    expect(published.length).toBeGreaterThanOrEqual(4);
    expect(inReview).toBeDefined();
  }, 120_000);
  afterAll(() => t.close());

  it('a published modification goes municipal → provincial → national and applies as version 2 (R-19, R-22)', async () => {
    const id = published[0];
    const before = await certificate(id);
    const statement = await upload('inst_gz1', 'erratum_statement');
    const newName = `${before.holderName}华`;
    const created = await call('inst_gz1', 'post', '/api/admin/corrections', {
      certificateId: id,
      type: 'modify',
      changes: { holderName: newName },
      reason: '考生姓名录入错误',
      attachmentIds: [statement],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', route: 'published_modification', version: 1 });
    expect(created.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const cid = created.body.id as number;

    // Wrong stage role, other city, stale version.
    expect((await call('gd_reviewer', 'post', `/api/admin/corrections/${cid}/approve`, { version: 1 })).status).toBe(
      403,
    );
    expect((await call('sz_admin', 'post', `/api/admin/corrections/${cid}/approve`, { version: 1 })).status).toBe(404);
    expect((await call('sc_reviewer', 'get', `/api/admin/corrections/${cid}`)).status).toBe(404);
    expect((await call('gz_admin', 'post', `/api/admin/corrections/${cid}/approve`, { version: 9 })).status).toBe(409);
    // The reviewing centres read the cited statement.
    expect((await call('gz_admin', 'get', `/api/admin/attachments/${statement}`)).status).toBe(200);
    expect((await call('sc_reviewer', 'get', `/api/admin/attachments/${statement}`)).status).toBe(404);

    const d1 = await detail(cid);
    expect(d1.stages.map((s) => s.stage)).toEqual(['municipal_review', 'provincial_review', 'national_review']);
    expect(d1.changes).toEqual([
      { field: 'holderName', fieldLabel: '姓名', before: before.holderName, after: newName },
    ]);
    const m = await call('gz_admin', 'post', `/api/admin/corrections/${cid}/approve`, { version: 1 });
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ stage: 'provincial_review', status: 'pending', version: 2 });
    // A colleague who saw version 1 is told it was handled (409), not that the new stage is not theirs.
    expect(
      (await call('gz_admin', 'post', `/api/admin/corrections/${cid}/return`, { version: 1, reason: '晚了' })).body
        .code,
    ).toBe('STALE_VERSION');
    expect((await certificate(id)).holderName).toBe(before.holderName);
    const p = await call('gd_reviewer', 'post', `/api/admin/corrections/${cid}/approve`, { version: 2 });
    expect(p.body).toMatchObject({ stage: 'national_review' });
    const n = await call('nat_reviewer', 'post', `/api/admin/corrections/${cid}/approve`, { version: 3 });
    expect(n.status).toBe(200);
    expect(n.body).toMatchObject({ status: 'applied', stage: null, appliedVersion: 2 });
    expect(n.body.decisions.map((d: { action: string }) => d.action)).toEqual(['approve', 'approve', 'approve']);
    expect((await call('nat_reviewer', 'post', `/api/admin/corrections/${cid}/approve`, { version: 4 })).status).toBe(
      409,
    );

    const after = await certificate(id);
    expect(after.holderName).toBe(newName);
    const versions = (await call('gz_admin', 'get', `/api/admin/certificates/${id}/versions`))
      .body as CertificateVersionView[];
    expect(versions.map((v) => [v.version, v.source, v.correctionId])).toEqual([
      [1, 'import', null],
      [2, 'correction', cid],
    ]);
    expect(versions[1].changes).toEqual([
      { field: 'holderName', fieldLabel: '姓名', before: before.holderName, after: newName },
    ]);
    expect(versions[0].values.holderName).toBe(before.holderName);
    expect(versions[0].values.idNumber).toMatch(/^\*+[0-9X]{4}$/);
    expect(await audits('correction.apply', cid)).toBe(1);
    expect(await audits('certificate.correct', id)).toBe(1);
  });

  it('refuses in the rules order: pending, already used (until a provincial override), name and ID, statement, invalid (R-20, R-22, R-8)', async () => {
    const id = published[0]; // modified once above (its name)
    const statement = await upload('inst_gz1', 'erratum_statement');
    const ask = (changes: object, attachmentIds = [statement]) =>
      call('inst_gz1', 'post', '/api/admin/corrections', {
        certificateId: id,
        type: 'modify',
        changes,
        reason: '再次更正',
        attachmentIds,
      });
    expect((await ask({ workType: '中式烹调' })).body.code).toBe('CORRECTION_ALREADY_USED');
    // Only the owning province records an override.
    expect(
      (await call('sc_reviewer', 'post', '/api/admin/corrections/overrides', { certificateId: id, reason: '核实' }))
        .status,
    ).toBe(404);
    expect(
      (await call('inst_gz1', 'post', '/api/admin/corrections/overrides', { certificateId: id, reason: '核实' }))
        .status,
    ).toBe(403);
    const o = await call('gd_reviewer', 'post', '/api/admin/corrections/overrides', {
      certificateId: id,
      reason: '经核实同意再次修改',
    });
    expect(o.status).toBe(201);
    expect(
      (await call('gd_reviewer', 'post', '/api/admin/corrections/overrides', { certificateId: id, reason: '再登记' }))
        .body.code,
    ).toBe('CORRECTION_OVERRIDE_NOT_NEEDED');

    const id18 = '11010519491231002X';
    const nameAndId = await ask({ idNumber: id18 });
    expect([nameAndId.status, nameAndId.body.code]).toEqual([422, 'CORRECTION_NAME_AND_ID']);
    expect(JSON.stringify(nameAndId.body)).not.toContain(id18);
    expect((await ask({ birthDate: '1991-01-01' }, [])).body.code).toBe('CORRECTION_STATEMENT_REQUIRED');
    const invalid = await ask({ birthDate: '1991-01-01' });
    expect(invalid.body).toMatchObject({ code: 'CORRECTION_INVALID' });
    expect(invalid.body.message).toMatch(/出生日期/);

    const ok = await ask({ admissionTicket: 'ZKZ20260001' });
    expect(ok.status).toBe(201);
    expect((await ask({ admissionTicket: 'ZKZ20260002' })).body.code).toBe('CORRECTION_PENDING');
    // Withdrawn by the requester, the certificate is free again.
    expect(
      (await call('gz_admin', 'post', `/api/admin/corrections/${ok.body.id}/withdraw`, { version: 1 })).status,
    ).toBe(403);
    const w = await call('inst_gz1', 'post', `/api/admin/corrections/${ok.body.id}/withdraw`, {
      version: 1,
      reason: '填写有误',
    });
    expect(w.body).toMatchObject({ status: 'withdrawn' });
  });

  it('return and resubmit: the reason reaches the requester, who amends and sends it back to the first stage', async () => {
    const id = published[1];
    const statement = await upload('inst_gz1', 'erratum_statement');
    const created = await call('inst_gz1', 'post', '/api/admin/corrections', {
      certificateId: id,
      type: 'modify',
      changes: { admissionTicket: 'ZKZ-A' },
      reason: '准考证号录入错误',
      attachmentIds: [statement],
    });
    const cid = created.body.id as number;
    const r = await call('gz_admin', 'post', `/api/admin/corrections/${cid}/return`, {
      version: 1,
      reason: '请加盖公章',
    });
    expect(r.body).toMatchObject({ status: 'returned', returnReason: '请加盖公章', stage: null });
    expect((await call('gz_admin', 'post', `/api/admin/corrections/${cid}/approve`, { version: 2 })).body.code).toBe(
      'CORRECTION_WRONG_STATE',
    );
    const again = await call('inst_gz1', 'post', `/api/admin/corrections/${cid}/resubmit`, {
      version: 2,
      changes: { admissionTicket: 'ZKZ-B' },
    });
    expect(again.body).toMatchObject({ status: 'pending', stage: 'municipal_review', returnReason: null });
    expect(again.body.changes[0]).toMatchObject({ field: 'admissionTicket', after: 'ZKZ-B' });
    expect(again.body.attachments.map((a: { id: number }) => a.id)).toEqual([statement]);
  });

  it('a deletion: asked by the province with the holder commitment, applied by national, logical only (R-23)', async () => {
    const id = published[2];
    const commitment = await upload('gd_reviewer', 'holder_commitment');
    const body = { certificateId: id, type: 'delete', reason: '持证人放弃证书', attachmentIds: [commitment] };
    expect((await call('inst_gz1', 'post', '/api/admin/corrections', { ...body, attachmentIds: [] })).status).toBe(403);
    expect(
      (await call('gd_reviewer', 'post', '/api/admin/corrections', { ...body, attachmentIds: [] })).body.code,
    ).toBe('DELETION_COMMITMENT_REQUIRED');
    // Another province's upload is not within reach (404).
    const foreign = await upload('sc_reviewer', 'holder_commitment');
    expect(
      (await call('gd_reviewer', 'post', '/api/admin/corrections', { ...body, attachmentIds: [foreign] })).status,
    ).toBe(404);
    // A colleague's upload of another organisation within reach is still not the requester's own paper.
    const cityUpload = await upload('gz_admin', 'holder_commitment');
    expect(
      (await call('gd_reviewer', 'post', '/api/admin/corrections', { ...body, attachmentIds: [cityUpload] })).body.code,
    ).toBe('CORRECTION_ATTACHMENT_NOT_OWN');

    const created = await call('gd_reviewer', 'post', '/api/admin/corrections', body);
    expect(created.body).toMatchObject({ route: 'published_deletion', status: 'pending' });
    const cid = created.body.id as number;
    expect((await call('gz_admin', 'post', `/api/admin/corrections/${cid}/approve`, { version: 1 })).status).toBe(403);
    const n = await call('nat_reviewer', 'post', `/api/admin/corrections/${cid}/approve`, { version: 1 });
    expect(n.body).toMatchObject({ status: 'applied' });

    const [row] = await t.dataSource.query('SELECT lookup_status, deleted_at FROM certificates WHERE id = ?', [id]);
    expect(row.lookup_status).toBe('deleted');
    expect(row.deleted_at).not.toBeNull();
    // The certificate's own trail says it left lookup and by which request.
    expect(await audits('certificate.delete', id)).toBe(1);
    const got = await certificate(id);
    expect(got).toMatchObject({ id, lookupStatus: 'deleted' });
    const batchId = got.batchId as number;
    const list = await call(
      'gd_reviewer',
      'get',
      `/api/admin/certificates?filter=${encodeURIComponent(JSON.stringify({ batchId }))}&range=[0,99]`,
    );
    expect(list.body.map((c: { id: number }) => c.id)).not.toContain(id);
    const deleted = await call(
      'gd_reviewer',
      'get',
      `/api/admin/certificates?filter=${encodeURIComponent(JSON.stringify({ batchId, lookupStatus: 'deleted' }))}`,
    );
    expect(deleted.body.map((c: { id: number }) => c.id)).toEqual([id]);
    expect(
      (
        await call(
          'gd_reviewer',
          'get',
          `/api/admin/corrections?filter=${encodeURIComponent(JSON.stringify({ certificateId: id }))}`,
        )
      ).body,
    ).toHaveLength(1);
    expect((await call('gd_reviewer', 'post', '/api/admin/corrections', body)).body.code).toBe(
      'CORRECTION_CERTIFICATE_DELETED',
    );
  });

  it('a work order for data in review: 附件4 fields required, due by urgency, on the board, applied by the city (R-21)', async () => {
    const base = {
      certificateId: inReview,
      type: 'modify',
      changes: { admissionTicket: 'WO-1' },
      reason: '准考证号错误',
      attachmentIds: [],
    };
    expect((await call('inst_gz1', 'post', '/api/admin/corrections', base)).body.code).toBe(
      'CORRECTION_WORK_ORDER_REQUIRED',
    );
    const created = await call('inst_gz1', 'post', '/api/admin/corrections', {
      ...base,
      workOrder: {
        urgency: 'urgent',
        changeType: 'data_modification',
        module: '职业技能等级认定监管',
        reason: '准考证号错误',
      },
    });
    expect(created.body).toMatchObject({ route: 'work_order', status: 'pending' });
    const cid = created.body.id as number;
    const row = (
      await call(
        'gz_admin',
        'get',
        `/api/admin/corrections?filter=${encodeURIComponent(JSON.stringify({ id: [cid] }))}`,
      )
    ).body[0] as CorrectionRow;
    expect(row).toMatchObject({ stage: 'work_order', urgency: 'urgent', urgencyLabel: '紧急' });
    expect(Date.parse(row.dueAt!) - Date.parse(row.requestedAt)).toBe(24 * 3600 * 1000);
    const board = await call(
      'gz_admin',
      'get',
      `/api/admin/deadlines?filter=${encodeURIComponent(JSON.stringify({ kind: 'correction_request' }))}&range=[0,99]`,
    );
    expect(board.status).toBe(200);
    expect(board.body.map((i: { id: string }) => i.id)).toContain(`correction-${cid}`);
    const applied = await call('gz_admin', 'post', `/api/admin/corrections/${cid}/approve`, { version: 1 });
    expect(applied.body).toMatchObject({ status: 'applied' });
    expect((await certificate(inReview)).admissionTicket).toBe('WO-1');
    // Draft data is edited directly.
    expect(
      (await call('inst_gz1', 'post', '/api/admin/corrections', { ...base, certificateId: draft })).body.code,
    ).toBe('CORRECTION_DIRECT_EDIT');
  });

  it('a confirmed re-check opens a correction for the institution, which ends the suspension once applied (R-26)', async () => {
    const id = published[3];
    const suspended = await call('nat_reviewer', 'post', `/api/admin/certificates/${id}/suspend`, {
      reason: '疑似信息有误',
    });
    expect(suspended.status).toBe(200);
    // While the province re-checks, the institution files nothing of its own (the confirmation opens the request).
    const early = await call('inst_gz1', 'post', '/api/admin/corrections', {
      certificateId: id,
      type: 'modify',
      changes: { admissionTicket: 'EARLY-1' },
      reason: '抢先提出',
      attachmentIds: [],
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CORRECTION_UNDER_RECHECK');
    const [task] = await t.dataSource.query(
      "SELECT id, version FROM rechecks WHERE certificate_id = ? AND status = 'open'",
      [id],
    );
    const confirmed = await call('gd_reviewer', 'post', `/api/admin/rechecks/${task.id}/confirm`, {
      version: task.version,
      reason: '出生日期与档案不符',
      outcome: 'correct',
    });
    expect(confirmed.status).toBe(200);
    const [opened] = (
      await call(
        'inst_gz1',
        'get',
        `/api/admin/corrections?filter=${encodeURIComponent(JSON.stringify({ certificateId: id }))}`,
      )
    ).body as CorrectionRow[];
    expect(opened).toMatchObject({ status: 'awaiting', type: 'modify', route: 'published_modification', stage: null });
    expect((await detail(opened.id)).recheckId).toBe(Number(task.id));
    // Owed within Guangdong's period for correcting after a provincial return (10 working days from Monday 11-23),
    // on the province's deadline board for the institution that must act.
    expect(opened.dueDate).toBe('2026-12-07');
    const board = await call(
      'gd_admin',
      'get',
      `/api/admin/deadlines?filter=${encodeURIComponent(JSON.stringify({ kind: 'correction_request' }))}&range=[0,99]`,
    );
    expect((board.body as { id: string }[]).find((i) => i.id === `correction-${opened.id}`)).toMatchObject({
      statusLabel: '修改申请 · 待补充提交',
      dueDate: '2026-12-07',
      overdue: false,
      responsibleOrganisationId: opened.institutionId,
      responsibleRole: '评价机构操作员',
    });
    // Waiting for the institution: nobody can approve it yet, and it blocks a second request.
    expect(
      (await call('gz_admin', 'post', `/api/admin/corrections/${opened.id}/approve`, { version: 1 })).body.code,
    ).toBe('CORRECTION_WRONG_STATE');
    const statement = await upload('inst_gz1', 'erratum_statement');
    const filed = await call('inst_gz1', 'post', `/api/admin/corrections/${opened.id}/resubmit`, {
      version: 1,
      changes: { admissionTicket: 'RC-1' },
      attachmentIds: [statement],
    });
    expect(filed.body).toMatchObject({ status: 'pending', stage: 'municipal_review' });
    let version = filed.body.version as number;
    for (const who of ['gz_admin', 'gd_reviewer', 'nat_reviewer']) {
      const r = await call(who, 'post', `/api/admin/corrections/${opened.id}/approve`, { version });
      expect(r.status).toBe(200);
      version = r.body.version;
    }
    const after = await certificate(id);
    expect(after).toMatchObject({ admissionTicket: 'RC-1', lookupStatus: 'visible' });
    expect(await audits('certificate.resume_lookup', id)).toBe(1);
  });
});
