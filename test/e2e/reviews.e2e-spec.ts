import { buildSheet, validRow } from './support/batch-sheets';
import { createTestApp, TestApp } from './support/test-app';

// Over HTTP: municipal → head → provincial → national → published; whole returns; deadlines; stage roles
// and jurisdiction; resubmission; the decision trail. Concurrent decisions, partial returns, bulk
// approval and overdue stages are checked on the services in test/medium/reviews.medium-spec.ts, the deadline board in
// test/medium/deadline-board.medium-spec.ts.
describe('review workflow (R-11, R-13)', () => {
  let t: TestApp;
  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });

  /** Uploads and submits a batch for 广州市白云区粤厨职业培训学校 (issued 2026-11-16, so on time). */
  async function submittedBatch(rows = 3) {
    const token = await t.login('inst_gz1');
    const file = await buildSheet(
      t,
      token,
      Array.from({ length: rows }, (_, i) => validRow(Math.floor(Math.random() * 1e6) + i, { 发证日期: '2026-11-16' })),
    );
    const uploaded = await t.http
      .post('/api/admin/batches')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'skill_level')
      .attach('file', file, 'r.xlsx');
    if (uploaded.status !== 201) throw new Error(JSON.stringify(uploaded.body));
    const submitted = await t.http
      .post(`/api/admin/batches/${uploaded.body.id}/submit`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: 1 });
    return submitted.body as { id: number; version: number; status: string };
  }
  const approve = async (user: string, id: number, version: number, comment?: string) =>
    t.http
      .post(`/api/admin/batches/${id}/approve`)
      .set(await as(user))
      .send({ version, comment });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('walks a batch through every stage to publication, each stage on its own clock', async () => {
    const batch = await submittedBatch();
    expect(batch.status).toBe('municipal_review');

    const byCity = await approve('gz_admin', batch.id, batch.version, '初审通过');
    expect(byCity.body).toMatchObject({ status: 'municipal_head_approval', dueDate: '2026-12-14' }); // keeps the city's period
    const byHead = await approve('gz_head', batch.id, byCity.body.version);
    // Guangdong provincial review: 15 working days from 2026-11-23.
    expect(byHead.body).toMatchObject({
      status: 'provincial_review',
      stageReceivedOn: '2026-11-23',
      dueDate: '2026-12-14',
    });
    const byProvince = await approve('gd_reviewer', batch.id, byHead.body.version);
    expect(byProvince.body).toMatchObject({ status: 'national_review', dueDate: '2026-12-14' });
    const byNation = await approve('nat_reviewer', batch.id, byProvince.body.version, '同意发布');
    expect(byNation.body).toMatchObject({
      status: 'published',
      publishedOn: '2026-11-23',
      dueDate: null,
      overdue: false,
    });

    const certificates = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ batchId: batch.id }) })
      .set(await as('gd_reviewer'));
    expect(certificates.body.map((c: { status: string }) => c.status)).toEqual(['published', 'published', 'published']);
    expect(certificates.body[0].publishedOn).toBe('2026-11-23');

    const history = await t.http.get(`/api/admin/batches/${batch.id}/history`).set(await as('inst_gz1'));
    expect(
      history.body.map((d: { action: string; stage: string; actorName: string }) => [d.action, d.stage, d.actorName]),
    ).toEqual([
      ['upload', 'draft', '周敏'],
      ['submit', 'draft', '周敏'],
      ['approve', 'municipal_review', '林晓东'],
      ['approve', 'municipal_head_approval', '梁伟明'],
      ['approve', 'provincial_review', '黄丽萍'],
      ['approve', 'national_review', '李静'],
    ]);
    expect(history.body[2].comment).toBe('初审通过');
  });

  it('lets only the stage role act: others 403, other jurisdictions 404, done stages 422', async () => {
    const batch = await submittedBatch(1);
    expect((await approve('gz_head', batch.id, batch.version)).status).toBe(403);
    expect((await approve('gd_reviewer', batch.id, batch.version)).status).toBe(403);
    expect((await approve('sz_admin', batch.id, batch.version)).status).toBe(404);
    expect((await approve('cd_admin', batch.id, batch.version)).status).toBe(404);
    expect((await approve('inst_gz1', batch.id, batch.version)).status).toBe(403);
    const ok = await approve('gz_admin', batch.id, batch.version);
    expect(ok.status).toBe(200);
    expect((await approve('gz_head', batch.id, ok.body.version + 1)).status).toBe(409);
    const stale = await approve('gz_admin', batch.id, batch.version);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
  });

  it('returns a whole batch with the correction deadline, then accepts it again after resubmission', async () => {
    const batch = await submittedBatch(2);
    const city = await approve('gz_admin', batch.id, batch.version);
    const head = await approve('gz_head', batch.id, city.body.version);
    const res = await t.http
      .post(`/api/admin/batches/${batch.id}/return`)
      .set(await as('gd_reviewer'))
      .send({ version: head.body.version, reason: '工种填写不规范' });
    expect(res.status).toBe(200);
    // Guangdong: correction within 10 working days of a provincial return → 2026-12-07.
    expect(res.body).toMatchObject({
      status: 'returned',
      returnedFrom: 'provincial_review',
      dueDate: '2026-12-07',
      dueRule: 'correction_after_provincial_return',
    });
    const certs = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ batchId: batch.id }) })
      .set(await as('inst_gz1'));
    expect(certs.body[0]).toMatchObject({ status: 'returned', returnReason: '工种填写不规范' });
    // the batch keeps the return's reason; its records carry the same one, so nothing differs.
    expect(res.body.returnReason).toBe('工种填写不规范');
    const detail = await t.http.get(`/api/admin/batches/${batch.id}`).set(await as('inst_gz1'));
    expect(detail.body).toMatchObject({ returnReason: '工种填写不规范', recordReasonsDiffer: false, splitFrom: null });
    const queue = await t.http
      .get('/api/admin/batches')
      .query({ filter: JSON.stringify({ queue: 'mine', id: [batch.id] }) })
      .set(await as('inst_gz1'));
    expect(queue.body.map((b: { returnReason: string }) => b.returnReason)).toEqual(['工种填写不规范']);

    const again = await t.http
      .post(`/api/admin/batches/${batch.id}/submit`)
      .set(await as('inst_gz1'))
      .send({ version: res.body.version });
    expect(again.body).toMatchObject({ status: 'municipal_review', round: 2, returnReason: null });
    const history = await t.http.get(`/api/admin/batches/${batch.id}/history`).set(await as('inst_gz1'));
    expect(history.body.map((d: { action: string }) => d.action)).toEqual([
      'upload',
      'submit',
      'approve',
      'approve',
      'return',
      'submit',
    ]);
  });

  it('lets the institution fix a returned batch by editing records or uploading a corrected sheet', async () => {
    const batch = await submittedBatch(2);
    const returned = await t.http
      .post(`/api/admin/batches/${batch.id}/return`)
      .set(await as('gz_admin'))
      .send({ version: batch.version, reason: '姓名有误' });
    const inst = await as('inst_gz1');
    const [record] = (
      await t.http
        .get('/api/admin/certificates')
        .query({ filter: JSON.stringify({ batchId: batch.id }) })
        .set(inst)
    ).body;

    const bad = await t.http
      .put(`/api/admin/certificates/${record.id}`)
      .set(inst)
      .send({ version: record.version, reason: '更正', idNumber: '440111199001011234' });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('CERTIFICATE_INVALID');
    expect(bad.body.errors[0].column).toBe('证件号码');
    const fixed = await t.http
      .put(`/api/admin/certificates/${record.id}`)
      .set(inst)
      .send({ version: record.version, reason: '更正姓名', holderName: '陈志明' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      holderName: '陈志明',
      idNumberMasked: record.idNumberMasked,
      version: record.version + 1,
    });
    const [kept] = await t.dataSource.query('SELECT snapshot FROM certificate_history WHERE certificate_id = ?', [
      record.id,
    ]);
    expect(JSON.parse(kept.snapshot).holderName).toBe(record.holderName);
    // Reviewers do not edit institutions' data.
    expect(
      (
        await t.http
          .put(`/api/admin/certificates/${record.id}`)
          .set(await as('gd_reviewer'))
          .send({ version: 2, reason: 'x改', holderName: '王五' })
      ).status,
    ).toBe(403);

    const token = await t.login('inst_gz1');
    const corrected = await buildSheet(t, token, [
      validRow(4242, { 发证日期: '2026-11-16' }),
      validRow(4243, { 发证日期: '2026-11-16' }),
      validRow(4244, { 发证日期: '2026-11-16' }),
    ]);
    const batchNow = await t.http.get(`/api/admin/batches/${batch.id}`).set(inst);
    const reup = await t.http
      .post(`/api/admin/batches/${batch.id}/reupload`)
      .set(inst)
      .attach('file', corrected, '更正后.xlsx');
    expect(reup.status).toBe(200);
    expect(reup.body).toMatchObject({ status: 'returned', recordCount: 3, version: batchNow.body.version + 1 });
    const again = await t.http
      .post(`/api/admin/batches/${batch.id}/submit`)
      .set(inst)
      .send({ version: reup.body.version });
    expect(again.body).toMatchObject({ status: 'municipal_review', round: 2 });
    const history = await t.http.get(`/api/admin/batches/${batch.id}/history`).set(inst);
    expect(history.body.map((d: { action: string }) => d.action)).toEqual([
      'upload',
      'submit',
      'return',
      'record_edit',
      'reupload',
      'submit',
    ]);
    expect(returned.body.status).toBe('returned');
  });

  it("gives a partial return's child batch the return's reason and its split, until it is submitted itself", async () => {
    const batch = await submittedBatch(3);
    const inst = await as('inst_gz1');
    const certs = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ batchId: batch.id }), sort: '["id","ASC"]' })
      .set(inst);
    const [first, second] = certs.body as { id: number }[];
    const res = await t.http
      .post(`/api/admin/batches/${batch.id}/return`)
      .set(await as('gz_admin'))
      .send({
        version: batch.version,
        reason: '部分记录有误，退回更正',
        records: [
          { id: first.id, reason: '部分记录有误，退回更正' },
          { id: second.id, reason: '证件号码与姓名不一致' },
        ],
      });
    expect(res.status).toBe(200);
    // The parent stays in review with no return reason of its own.
    expect(res.body).toMatchObject({ status: 'municipal_review', returnReason: null });
    const parent = await t.http.get(`/api/admin/batches/${batch.id}`).set(inst);
    const child = await t.http.get(`/api/admin/batches/${res.body.childBatchId}`).set(inst);
    expect(child.body).toMatchObject({
      status: 'returned',
      parentId: batch.id,
      returnReason: '部分记录有误，退回更正',
      // One record's own reason differs from the batch's.
      recordReasonsDiffer: true,
      // the records keep the parent's submission time until the child is submitted itself.
      submittedAt: parent.body.submittedAt,
      splitFrom: { parentId: batch.id, submittedSince: false },
    });
    const history = await t.http.get(`/api/admin/batches/${res.body.childBatchId}/history`).set(inst);
    const split = history.body.find((d: { action: string }) => d.action === 'return');
    expect(child.body.splitFrom.at).toBe(split.createdAt);

    const submitted = await t.http
      .post(`/api/admin/batches/${res.body.childBatchId}/submit`)
      .set(inst)
      .send({ version: child.body.version });
    expect(submitted.body).toMatchObject({ status: 'municipal_review', returnReason: null });
    const after = await t.http.get(`/api/admin/batches/${res.body.childBatchId}`).set(inst);
    expect(after.body).toMatchObject({ recordReasonsDiffer: false, splitFrom: { submittedSince: true } });
  });

  it("seeds the demo's returned batches with their reasons", async () => {
    const returned = await t.http
      .get('/api/admin/batches')
      .query({ filter: JSON.stringify({ status: ['returned'] }), sort: '["id","ASC"]' })
      .set(await as('gd_admin'));
    const reasons = returned.body.map((b: { parentId: number | null; returnReason: string }) => [
      b.parentId === null ? 'whole' : 'child',
      b.returnReason,
    ]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['whole', '工种/职业方向填写不规范，请按国家职业标准更正'],
        ['child', '部分记录有误，退回更正'],
      ]),
    );
  });

  it('shows the queue "待我处理" for each role, sorted by due date', async () => {
    const gd = await t.http
      .get('/api/admin/batches')
      .query({ filter: JSON.stringify({ queue: 'mine' }), sort: '["dueDate","ASC"]' })
      .set(await as('gd_reviewer'));
    expect(gd.status).toBe(200);
    expect(gd.body.every((b: { status: string }) => b.status === 'provincial_review')).toBe(true);
    const gz = await t.http
      .get('/api/admin/batches')
      .query({ filter: JSON.stringify({ queue: 'mine' }) })
      .set(await as('gz_admin'));
    expect(gz.body.length).toBeGreaterThan(0);
    expect(gz.body.every((b: { status: string }) => b.status === 'municipal_review')).toBe(true);
    const inst = await t.http
      .get('/api/admin/batches')
      .query({ filter: JSON.stringify({ queue: 'mine' }) })
      .set(await as('inst_gz1'));
    expect(inst.body.every((b: { status: string }) => ['draft', 'returned'].includes(b.status))).toBe(true);
  });
});
