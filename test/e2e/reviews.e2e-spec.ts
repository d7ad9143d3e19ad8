import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { buildSheet, validRow } from './support/batch-sheets';
import { createTestApp, TestApp } from './support/test-app';

// Issue #5: municipal → head → provincial → national → published; returns whole and partial; deadlines;
// optimistic locking; resubmission; decision trail.
describe('review workflow (R-11, R-13)', () => {
  let t: TestApp;
  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });

  /** Uploads and submits a batch for 广州市白云区粤厨职业培训学校 (issued 2026-11-16, so on time). */
  async function submittedBatch(rows = 3) {
    const token = await t.login('inst_gz1');
    const file = await buildSheet(t, token, Array.from({ length: rows }, (_, i) => validRow(Math.floor(Math.random() * 1e6) + i, { 发证日期: '2026-11-16' })));
    const uploaded = await t.http.post('/api/admin/batches').set('Authorization', `Bearer ${token}`).field('kind', 'skill_level').attach('file', file, 'r.xlsx');
    if (uploaded.status !== 201) throw new Error(JSON.stringify(uploaded.body));
    const submitted = await t.http.post(`/api/admin/batches/${uploaded.body.id}/submit`).set('Authorization', `Bearer ${token}`).send({ version: 1 });
    return submitted.body as { id: number; version: number; status: string };
  }
  const approve = async (user: string, id: number, version: number, comment?: string) =>
    t.http.post(`/api/admin/batches/${id}/approve`).set(await as(user)).send({ version, comment });

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
    expect(byHead.body).toMatchObject({ status: 'provincial_review', stageReceivedOn: '2026-11-23', dueDate: '2026-12-14' });
    const byProvince = await approve('gd_reviewer', batch.id, byHead.body.version);
    expect(byProvince.body).toMatchObject({ status: 'national_review', dueDate: '2026-12-14' });
    const byNation = await approve('nat_reviewer', batch.id, byProvince.body.version, '同意发布');
    expect(byNation.body).toMatchObject({ status: 'published', publishedOn: '2026-11-23', dueDate: null, overdue: false });

    const certificates = await t.http.get('/api/admin/certificates').query({ filter: JSON.stringify({ batchId: batch.id }) }).set(await as('gd_reviewer'));
    expect(certificates.body.map((c: { status: string }) => c.status)).toEqual(['published', 'published', 'published']);
    expect(certificates.body[0].publishedOn).toBe('2026-11-23');

    const history = await t.http.get(`/api/admin/batches/${batch.id}/history`).set(await as('inst_gz1'));
    expect(history.body.map((d: { action: string; stage: string; actorName: string }) => [d.action, d.stage, d.actorName])).toEqual([
      ['upload', 'draft', '周敏（粤厨培训学校）'],
      ['submit', 'draft', '周敏（粤厨培训学校）'],
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

  it('lets exactly one of two reviewers acting at once succeed', async () => {
    const batch = await submittedBatch(2);
    const [a, b] = await Promise.all([
      t.http.post(`/api/admin/batches/${batch.id}/approve`).set(await as('gz_admin')).send({ version: batch.version }),
      t.http.post(`/api/admin/batches/${batch.id}/return`).set(await as('gz_admin')).send({ version: batch.version, reason: '同时退回' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM batch_decisions WHERE batch_id = ? AND action IN ('approve','return')", [batch.id]);
    expect(Number(n)).toBe(1);
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
    expect(res.body).toMatchObject({ status: 'returned', returnedFrom: 'provincial_review', dueDate: '2026-12-07', dueRule: 'correction_after_provincial_return' });
    const certs = await t.http.get('/api/admin/certificates').query({ filter: JSON.stringify({ batchId: batch.id }) }).set(await as('inst_gz1'));
    expect(certs.body[0]).toMatchObject({ status: 'returned', returnReason: '工种填写不规范' });

    const again = await t.http.post(`/api/admin/batches/${batch.id}/submit`).set(await as('inst_gz1')).send({ version: res.body.version });
    expect(again.body).toMatchObject({ status: 'municipal_review', round: 2 });
    const history = await t.http.get(`/api/admin/batches/${batch.id}/history`).set(await as('inst_gz1'));
    expect(history.body.map((d: { action: string }) => d.action)).toEqual(['upload', 'submit', 'approve', 'approve', 'return', 'submit']);
  });

  it('lets the institution fix a returned batch by editing records or uploading a corrected sheet', async () => {
    const batch = await submittedBatch(2);
    const returned = await t.http.post(`/api/admin/batches/${batch.id}/return`).set(await as('gz_admin')).send({ version: batch.version, reason: '姓名有误' });
    const inst = await as('inst_gz1');
    const [record] = (await t.http.get('/api/admin/certificates').query({ filter: JSON.stringify({ batchId: batch.id }) }).set(inst)).body;

    const bad = await t.http.put(`/api/admin/certificates/${record.id}`).set(inst).send({ version: record.version, reason: '更正', idNumber: '440111199001011234' });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('CERTIFICATE_INVALID');
    expect(bad.body.errors[0].column).toBe('证件号码');
    const fixed = await t.http.put(`/api/admin/certificates/${record.id}`).set(inst).send({ version: record.version, reason: '更正姓名', holderName: '陈志明' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ holderName: '陈志明', idNumberMasked: record.idNumberMasked, version: record.version + 1 });
    const [kept] = await t.dataSource.query('SELECT snapshot FROM certificate_history WHERE certificate_id = ?', [record.id]);
    expect(JSON.parse(kept.snapshot).holderName).toBe(record.holderName);
    // Reviewers do not edit institutions' data.
    expect((await t.http.put(`/api/admin/certificates/${record.id}`).set(await as('gd_reviewer')).send({ version: 2, reason: 'x改', holderName: '王五' })).status).toBe(403);

    const token = await t.login('inst_gz1');
    const corrected = await buildSheet(t, token, [validRow(4242, { 发证日期: '2026-11-16' }), validRow(4243, { 发证日期: '2026-11-16' }), validRow(4244, { 发证日期: '2026-11-16' })]);
    const batchNow = await t.http.get(`/api/admin/batches/${batch.id}`).set(inst);
    const reup = await t.http.post(`/api/admin/batches/${batch.id}/reupload`).set(inst).attach('file', corrected, '更正后.xlsx');
    expect(reup.status).toBe(200);
    expect(reup.body).toMatchObject({ status: 'returned', recordCount: 3, version: batchNow.body.version + 1 });
    const again = await t.http.post(`/api/admin/batches/${batch.id}/submit`).set(inst).send({ version: reup.body.version });
    expect(again.body).toMatchObject({ status: 'municipal_review', round: 2 });
    const history = await t.http.get(`/api/admin/batches/${batch.id}/history`).set(inst);
    expect(history.body.map((d: { action: string }) => d.action)).toEqual(['upload', 'submit', 'return', 'record_edit', 'reupload', 'submit']);
    expect(returned.body.status).toBe('returned');
  });

  it('returns selected records into a child batch with per-record reasons; the rest stay at the stage', async () => {
    const batch = await submittedBatch(4);
    const gz = await as('gz_admin');
    const records = await t.http.get('/api/admin/certificates').query({ filter: JSON.stringify({ batchId: batch.id }) }).set(gz);
    const [first, second] = records.body as { id: number }[];
    const res = await t.http
      .post(`/api/admin/batches/${batch.id}/return`)
      .set(gz)
      .send({ version: batch.version, reason: '部分记录有误', records: [{ id: first.id, reason: '姓名与证件不符' }, { id: second.id, reason: '成绩缺失' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'municipal_review', recordCount: 2 });
    const child = await t.http.get(`/api/admin/batches/${res.body.childBatchId}`).set(gz);
    expect(child.body).toMatchObject({ status: 'returned', parentId: batch.id, recordCount: 2, returnedFrom: 'municipal_review', dueDate: '2026-12-07' });
    const moved = await t.http.get('/api/admin/certificates').query({ filter: JSON.stringify({ batchId: res.body.childBatchId }) }).set(gz);
    expect(moved.body.map((c: { returnReason: string }) => c.returnReason).sort()).toEqual(['姓名与证件不符', '成绩缺失'].sort());
    const history = await t.http.get(`/api/admin/batches/${batch.id}/history`).set(gz);
    const ret = history.body.find((d: { action: string }) => d.action === 'return');
    expect(ret).toMatchObject({ childBatchId: res.body.childBatchId, recordCount: 2 });
    expect(ret.records).toHaveLength(2);
    // The rest continue: the city approves the parent.
    expect((await approve('gz_admin', batch.id, res.body.version)).body.status).toBe('municipal_head_approval');
  });

  it('approves many small batches at once and reports each one', async () => {
    const a = await submittedBatch(1);
    const b = await submittedBatch(1);
    const res = await t.http
      .post('/api/admin/batches/bulk-approve')
      .set(await as('gz_admin'))
      .send({ items: [{ id: a.id, version: a.version }, { id: b.id, version: b.version + 5 }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ approved: 1, failed: 1 });
    expect(res.body.results[1]).toMatchObject({ id: b.id, ok: false, code: 'STALE_VERSION' });
  });

  it('shows the queue "待我处理" for each role, sorted by due date', async () => {
    const gd = await t.http.get('/api/admin/batches').query({ filter: JSON.stringify({ queue: 'mine' }), sort: '["dueDate","ASC"]' }).set(await as('gd_reviewer'));
    expect(gd.status).toBe(200);
    expect(gd.body.every((b: { status: string }) => b.status === 'provincial_review')).toBe(true);
    const gz = await t.http.get('/api/admin/batches').query({ filter: JSON.stringify({ queue: 'mine' }) }).set(await as('gz_admin'));
    expect(gz.body.length).toBeGreaterThan(0);
    expect(gz.body.every((b: { status: string }) => b.status === 'municipal_review')).toBe(true);
    const inst = await t.http.get('/api/admin/batches').query({ filter: JSON.stringify({ queue: 'mine' }) }).set(await as('inst_gz1'));
    expect(inst.body.every((b: { status: string }) => ['draft', 'returned'].includes(b.status))).toBe(true);
  });

  it('lists open items on the deadline board with who must act, filterable by stage and state', async () => {
    const board = await t.http.get('/api/admin/deadlines').query({ range: '[0,99]' }).set(await as('gd_admin'));
    expect(board.status).toBe(200);
    const review = board.body.find((i: { status: string }) => i.status === 'municipal_review');
    expect(review).toMatchObject({ kind: 'review', responsibleOrganisation: '广州市职业技能鉴定指导中心', responsibleRole: '市级证书数据管理员' });
    const correction = board.body.find((i: { status: string }) => i.status === 'returned');
    expect(correction).toMatchObject({ kind: 'correction', responsibleOrganisation: '广州市白云区粤厨职业培训学校' });
    const due = board.body.map((i: { dueDate: string }) => i.dueDate);
    expect(due).toEqual([...due].sort());
    const onlyReturned = await t.http.get('/api/admin/deadlines').query({ filter: JSON.stringify({ status: 'returned' }) }).set(await as('gd_admin'));
    expect(onlyReturned.body.every((i: { status: string }) => i.status === 'returned')).toBe(true);
    // Sichuan sees its own open items only, none of Guangdong's.
    const sichuan = await t.http.get('/api/admin/deadlines').query({ range: '[0,99]' }).set(await as('sc_reviewer'));
    expect(sichuan.body.length).toBeGreaterThan(0);
    expect(sichuan.body.every((i: { institutionName: string }) => i.institutionName.startsWith('成都'))).toBe(true);
    const overdue = await t.http.get('/api/admin/deadlines').query({ filter: JSON.stringify({ state: 'overdue' }) }).set(await as('gd_admin'));
    expect(overdue.body.length).toBeGreaterThan(0);
    expect(overdue.body.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const soon = await t.http.get('/api/admin/deadlines').query({ filter: JSON.stringify({ state: 'due_soon' }) }).set(await as('gd_admin'));
    expect(soon.body.every((i: { workingDaysLeft: number }) => i.workingDaysLeft >= 0 && i.workingDaysLeft <= 3)).toBe(true);
  });
});

describe('overdue reviews (R-17)', () => {
  it('shows a stage past its due date as overdue and never approves it by itself', async () => {
    const early = await createTestApp({ today: '2026-11-02' });
    let batchId: number;
    try {
      const token = await early.login('inst_gz1');
      const file = await buildSheet(early, token, [validRow(777, { 发证日期: '2026-10-20' })]);
      const up = await early.http.post('/api/admin/batches').set('Authorization', `Bearer ${token}`).field('kind', 'skill_level').attach('file', file, 'x.xlsx');
      const sub = await early.http.post(`/api/admin/batches/${up.body.id}/submit`).set('Authorization', `Bearer ${token}`).send({ version: 1 });
      expect(sub.body.dueDate).toBe('2026-11-23');
      batchId = up.body.id;
    } finally {
      await early.app.close();
    }
    // The same database, a month later.
    const later = await createApp(loadConfig({ NODE_ENV: 'test', DATABASE_URL: early.database.url, APP_TODAY: '2026-12-02' }));
    await later.init();
    try {
      const request = supertest(later.getHttpServer());
      const login = await request.post('/api/auth/login').send({ username: 'gz_admin', password: 'Demo@2026' });
      const batch = await request.get(`/api/admin/batches/${batchId}`).set('Authorization', `Bearer ${login.body.token}`);
      // 2026-11-23 → 2026-12-02: seven working days overdue (11-24 … 12-02).
      expect(batch.body).toMatchObject({ status: 'municipal_review', overdue: true, workingDaysLeft: -7 });
      const board = await request.get('/api/admin/deadlines').query({ filter: JSON.stringify({ state: 'overdue' }) }).set('Authorization', `Bearer ${login.body.token}`);
      expect(board.body.map((i: { id: number }) => i.id)).toContain(batchId);
      const approved = await request.post(`/api/admin/batches/${batchId}/approve`).set('Authorization', `Bearer ${login.body.token}`).send({ version: batch.body.version });
      const decisions = await later.get(DataSource).query('SELECT late FROM batch_decisions WHERE batch_id = ? AND action = ?', [batchId, 'approve']);
      expect(approved.status).toBe(200);
      expect(Boolean(Number(decisions[0].late))).toBe(true);
    } finally {
      await later.close();
      await early.database.drop();
    }
  });
});
