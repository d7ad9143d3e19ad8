import { isReviewStage, nextStatus, REVIEW_STAGES, ReviewStage, STAGE_ROLE } from '../../libs/domain/src';
import { DEMO_USERS } from '../../apps/api/src/seeds/demo-organisations';
import { buildSheet, SheetRow, validRow } from './support/batch-sheets';
import { createTestApp, organisationId, TestApp } from './support/test-app';

// Workflow rules: who may maintain data, separation of duties, the review chain per province,
// exemptions at (re)submission, the trail of child batches. Correction periods, re-upload due dates and
// statements are checked on the services in test/medium (correction-period, batch-import).

const STATEMENT = { reason: '考点系统故障导致数据整理延误', responsiblePerson: '周敏', contact: '020-86000000' };
let seed = 900_000;
const row = (overrides: Partial<SheetRow> = {}) => validRow((seed += 7), overrides);

describe('workflow rules', () => {
  let t: TestApp;
  let as: (username: string) => Promise<{ Authorization: string }>;

  async function upload(username: string, rows: SheetRow[], fields: Record<string, string> = {}) {
    const file = await buildSheet(t, await t.login('inst_gz1'), rows);
    const req = t.http
      .post('/api/admin/batches')
      .set(await as(username))
      .field('kind', 'skill_level');
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    const res = await req.attach('file', file, `s${seed}.xlsx`);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; version: number };
  }
  async function reupload(username: string, id: number, rows: SheetRow[], fields: Record<string, string> = {}) {
    const file = await buildSheet(t, await t.login('inst_gz1'), rows);
    const req = t.http.post(`/api/admin/batches/${id}/reupload`).set(await as(username));
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, `r${seed}.xlsx`);
  }
  const submit = async (username: string, id: number, version: number, overdueStatement?: typeof STATEMENT) =>
    t.http
      .post(`/api/admin/batches/${id}/submit`)
      .set(await as(username))
      .send(overdueStatement ? { version, overdueStatement } : { version });
  const approve = async (username: string, id: number, version: number, extra: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/admin/batches/${id}/approve`)
      .set(await as(username))
      .send({ version, ...extra });
  const batch = async (id: number) => (await t.http.get(`/api/admin/batches/${id}`).set(await as('nat_admin'))).body;
  const records = async (id: number) =>
    (
      await t.http
        .get('/api/admin/certificates')
        .query({ filter: JSON.stringify({ batchId: id }) })
        .set(await as('nat_reviewer'))
    ).body as {
      id: number;
      version: number;
      certificateNumber: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp(); // today 2026-11-23
    as = async (username) => ({ Authorization: `Bearer ${await t.login(username)}` });
  });
  afterAll(() => t.close());

  // Runs first, on the demo data as loaded.
  it('R-11, R-3: every open demo batch can be acted on by a demo account that did not upload or submit it, at every stage still ahead', async () => {
    const all = (
      await t.http
        .get('/api/admin/batches')
        .query({ range: '[0,99]' })
        .set(await as('nat_admin'))
    ).body as {
      id: number;
      status: string;
      version: number;
      orgPath: string;
      institutionId: number;
      institutionName: string;
      nextStatus: string | null;
    }[];
    const open = all.filter((b) => b.status !== 'published');
    expect(open.length).toBeGreaterThan(10);
    const users = await t.dataSource.query(
      'SELECT u.username AS username, o.path AS path FROM users u JOIN organisations o ON o.id = u.organisation_id',
    );
    const pathOf = new Map<string, string>(users.map((u: { username: string; path: string }) => [u.username, u.path]));
    const orgs = await t.dataSource.query('SELECT id, deadline_profile AS profile FROM organisations');
    const profileOf = new Map<number, 'national' | 'guangdong'>(
      orgs.map((o: { id: number; profile: 'national' | 'guangdong' }) => [Number(o.id), o.profile]),
    );
    const unactionable: string[] = [];
    for (const b of open) {
      if (isReviewStage(b.status)) {
        let ok = false;
        for (const u of DEMO_USERS) {
          if (!b.orgPath.startsWith(pathOf.get(u.username)!)) continue;
          const res = await approve(u.username, b.id, b.version, { dryRun: true });
          if (res.status === 200 && res.body.dryRun === true) ok = true;
          if (ok) break;
        }
        if (!ok) unactionable.push(`#${b.id} ${b.institutionName} at ${b.status}`);
        // Each stage still ahead on the province's chain has a demo account holding its role in jurisdiction.
        const profile = profileOf.get(b.institutionId)!;
        for (let s: string = b.status; s !== 'published'; s = nextStatus(s as ReviewStage, profile)) {
          const role = STAGE_ROLE[s as ReviewStage];
          const holder = DEMO_USERS.find(
            (u) => u.roles.includes(role) && b.orgPath.startsWith(pathOf.get(u.username)!),
          );
          if (!holder) unactionable.push(`#${b.id} ${b.institutionName}: nobody for ${s}`);
        }
      } else {
        let ok = false;
        for (const u of DEMO_USERS) {
          const queue = await t.http
            .get('/api/admin/batches')
            .query({ filter: JSON.stringify({ queue: 'mine', id: [b.id] }) })
            .set(await as(u.username));
          if (queue.status === 200 && queue.body.some((q: { id: number }) => q.id === b.id)) ok = true;
          if (ok) break;
        }
        if (!ok) unactionable.push(`#${b.id} ${b.institutionName} at ${b.status}`);
      }
    }
    expect(unactionable).toEqual([]);
    expect(REVIEW_STAGES).toContain('municipal_head_approval');
  });

  it('R-11: a Sichuan batch (national profile) goes municipal review → provincial review → national review, with no head approval', async () => {
    const created = await upload('inst_cd1', [row({ 发证日期: '2026-11-16' })]);
    const submitted = await submit('inst_cd1', created.id, created.version);
    expect(submitted.body.status).toBe('municipal_review');
    const city = await approve('cd_admin', created.id, submitted.body.version);
    expect(city.status).toBe(200);
    // National 指南 第十条: the province reviews within 30 working days of receipt (2026-11-23 → 2027-01-05).
    expect(city.body).toMatchObject({
      status: 'provincial_review',
      stageReceivedOn: '2026-11-23',
      dueRule: 'provincial_review',
      nextStatus: 'national_review',
    });
    const province = await approve('sc_reviewer', created.id, city.body.version);
    expect(province.body.status).toBe('national_review');
    expect((await approve('nat_reviewer', created.id, province.body.version)).body.status).toBe('published');
    // Guangdong keeps its head's approval.
    const gd = await upload('inst_gz1', [row({ 发证日期: '2026-11-16' })]);
    const gdSubmitted = await submit('inst_gz1', gd.id, gd.version);
    expect(gdSubmitted.body.nextStatus).toBe('municipal_head_approval');
    expect((await approve('gz_admin', gd.id, gdSubmitted.body.version)).body.status).toBe('municipal_head_approval');
  });

  it('R-3: whoever uploaded or submitted a batch cannot approve it, alone or in bulk; someone else can', async () => {
    const gz1 = String(await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校'));
    const created = await upload('gz_admin', [row({ 发证日期: '2026-11-16' })], {
      institutionId: gz1,
      proxyReason: '机构书面委托市中心代为上传',
    });
    const submitted = await submit('gz_admin', created.id, created.version);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'municipal_review', proxyReason: '机构书面委托市中心代为上传' });

    // Not theirs to decide, so not in their 待我处理 either; the batch is still in the stage's list.
    const queue = await t.http
      .get('/api/admin/batches')
      .query({ filter: JSON.stringify({ queue: 'mine' }), range: '[0,499]' })
      .set(await as('gz_admin'));
    expect(queue.body.map((b: { id: number }) => b.id)).not.toContain(created.id);
    const stage = await t.http
      .get('/api/admin/batches')
      .query({ filter: JSON.stringify({ status: 'municipal_review' }), range: '[0,499]' })
      .set(await as('gz_admin'));
    expect(stage.body.map((b: { id: number }) => b.id)).toContain(created.id);

    const refused = await approve('gz_admin', created.id, submitted.body.version);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('BATCH_SEPARATION_OF_DUTIES');
    expect(refused.body.message).toContain('职责分离');
    expect((await approve('gz_admin', created.id, submitted.body.version, { dryRun: true })).status).toBe(403);
    const bulk = await t.http
      .post('/api/admin/batches/bulk-approve')
      .set(await as('gz_admin'))
      .send({ items: [{ id: created.id, version: submitted.body.version }] });
    expect(bulk.body).toMatchObject({ approved: 0, failed: 1 });
    expect(bulk.body.results[0].code).toBe('BATCH_SEPARATION_OF_DUTIES');
    expect((await batch(created.id)).status).toBe('municipal_review');

    // The recorded reason is in the batch's history and audit trail.
    const history = await t.http.get(`/api/admin/batches/${created.id}/history`).set(await as('gz_admin'));
    expect(history.body[0]).toMatchObject({ action: 'upload', actorName: '林晓东' });
    expect(history.body[0].comment).toContain('机构书面委托市中心代为上传');
    const [audit] = await t.dataSource.query(
      "SELECT `after` AS after FROM audit_logs WHERE action = 'batch.upload' AND target_type = 'batch' AND target_id = ?",
      [String(created.id)],
    );
    expect(JSON.parse(audit.after).proxyReason).toBe('机构书面委托市中心代为上传');
  });

  it('R-3: a re-upload counts — the centre that re-uploaded a returned batch cannot approve its resubmission', async () => {
    const created = await upload('inst_gz1', [row({ 发证日期: '2026-11-16' })]);
    const submitted = await submit('inst_gz1', created.id, created.version);
    const returned = await t.http
      .post(`/api/admin/batches/${created.id}/return`)
      .set(await as('gz_admin'))
      .send({ version: submitted.body.version, reason: '姓名有误' });
    expect(returned.body.status).toBe('returned');
    // A centre acting for an active institution must say why.
    const noReason = await reupload('gz_admin', created.id, [row({ 发证日期: '2026-11-16' })]);
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('BATCH_PROXY_REASON_REQUIRED');
    const reup = await reupload('gz_admin', created.id, [row({ 发证日期: '2026-11-16' })], {
      proxyReason: '机构委托代为更正',
    });
    expect(reup.status).toBe(200);
    const again = await submit('inst_gz1', created.id, reup.body.version);
    expect(again.body.status).toBe('municipal_review');
    expect((await approve('gz_admin', created.id, again.body.version)).body.code).toBe('BATCH_SEPARATION_OF_DUTIES');
  });

  it('R-16: an exemption covers the records it was granted for — a re-upload drops it, and an edited record past the cutoff needs a new one', async () => {
    const created = await upload('inst_gz1', [row({ 发证日期: '2026-04-20' }), row({ 发证日期: '2026-11-16' })]);
    const granted = await t.http
      .post(`/api/admin/batches/${created.id}/exemption`)
      .set(await as('gd_reviewer'))
      .send({ version: created.version, reason: '经省中心研究同意受理' });
    expect(granted.body.exemption).toMatchObject({ recordCount: 1 });

    // An on-time record edited to an issue date past the cutoff is not covered by the exemption.
    const onTime = (await records(created.id))[1];
    const edited = await t.http
      .put(`/api/admin/certificates/${onTime.id}`)
      .set(await as('inst_gz1'))
      .send({ version: onTime.version, reason: '更正发证日期', issueDate: '2026-04-21' });
    expect(edited.status).toBe(200);
    const notCovered = await submit('inst_gz1', created.id, (await batch(created.id)).version, STATEMENT);
    expect(notCovered.status).toBe(422);
    expect(notCovered.body.code).toBe('BATCH_PAST_ACCEPTANCE_CUTOFF');
    expect(notCovered.body.count).toBe(1);
    expect(notCovered.body.records[0]).toMatchObject({ id: onTime.id, issueDate: '2026-04-21' });

    // A re-upload replaces the records the exemption was granted for, and drops it.
    const reup = await reupload('inst_gz1', created.id, [row({ 发证日期: '2026-04-20' })]);
    expect(reup.status).toBe(200);
    expect(reup.body.exemption).toBeNull();
    const refused = await submit('inst_gz1', created.id, reup.body.version, STATEMENT);
    expect(refused.body.code).toBe('BATCH_PAST_ACCEPTANCE_CUTOFF');
    const refusedVersion = reup.body.version;
    const history = await t.http.get(`/api/admin/batches/${created.id}/history`).set(await as('inst_gz1'));
    expect(history.body.find((d: { action: string }) => d.action === 'reupload').comment).toContain('受理豁免');
    const regranted = await t.http
      .post(`/api/admin/batches/${created.id}/exemption`)
      .set(await as('gd_reviewer'))
      .send({ version: refusedVersion, reason: '重新研究同意受理' });
    expect((await submit('inst_gz1', created.id, regranted.body.version, STATEMENT)).status).toBe(200);
  });

  it('R-13: a child batch from a partial return carries the trail of its records', async () => {
    const created = await upload('inst_gz1', [
      row({ 发证日期: '2026-11-16' }),
      row({ 发证日期: '2026-11-16' }),
      row({ 发证日期: '2026-11-16' }),
    ]);
    const submitted = await submit('inst_gz1', created.id, created.version);
    const [first] = await records(created.id);
    const res = await t.http
      .post(`/api/admin/batches/${created.id}/return`)
      .set(await as('gz_admin'))
      .send({
        version: submitted.body.version,
        reason: '部分记录有误',
        records: [{ id: first.id, reason: '姓名与证件不符' }],
      });
    const history = await t.http.get(`/api/admin/batches/${res.body.childBatchId}/history`).set(await as('inst_gz1'));
    expect(
      history.body.map((d: { action: string; actorName: string; inheritedFromBatchId: number | null }) => [
        d.action,
        d.actorName,
        d.inheritedFromBatchId,
      ]),
    ).toEqual([
      ['upload', '周敏', created.id],
      ['submit', '周敏', created.id],
      ['return', '林晓东', created.id],
    ]);
    expect(history.body[2]).toMatchObject({
      resultStatus: 'returned',
      childBatchId: res.body.childBatchId,
      recordCount: 1,
    });
    // The child's uploader is still its records' uploader (R-3) once resubmitted.
    const child = await batch(res.body.childBatchId);
    const again = await submit('inst_gz1', child.id, child.version);
    expect(again.body.status).toBe('municipal_review');
  });

  // Last: changes an institution's status.
  it('R-44: a dissolved institution’s operators can no longer upload, re-upload, edit, submit or reveal; the city maintains its data; a ceased one keeps its duties', async () => {
    const electrician = { 职业编码: '6-31-01-03', 职业名称: '电工', '工种/职业方向': '电工', 发证日期: '2026-11-16' };
    const draft = await upload('inst_sz1', [row(electrician)]);
    const [record] = await records(draft.id);
    const sz1 = await organisationId(t.dataSource, '深圳市宝安区高级技工学校');
    await t.dataSource.query("UPDATE organisations SET status = 'dissolved' WHERE id = ?", [sz1]);

    const inst = await as('inst_sz1');
    const expectDissolved = (res: { status: number; body: { code: string } }) => {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('INSTITUTION_DISSOLVED');
    };
    const file = await buildSheet(t, await t.login('inst_gz1'), [row(electrician)]);
    expectDissolved(
      await t.http.post('/api/admin/batches').set(inst).field('kind', 'skill_level').attach('file', file, 'd1.xlsx'),
    );
    expectDissolved(
      await t.http.post(`/api/admin/batches/${draft.id}/reupload`).set(inst).attach('file', file, 'd2.xlsx'),
    );
    expectDissolved(
      await t.http
        .put(`/api/admin/certificates/${record.id}`)
        .set(inst)
        .send({ version: record.version, reason: '更正姓名', holderName: '陈志明' }),
    );
    expectDissolved(await submit('inst_sz1', draft.id, draft.version));
    expectDissolved(await t.http.post(`/api/admin/certificates/${record.id}/reveal-id`).set(inst));

    // The parent centre maintains the data, without a proxy reason (the rules make it the maintainer).
    const sz = await as('sz_admin');
    const byCity = await t.http
      .post('/api/admin/batches')
      .set(sz)
      .field('kind', 'skill_level')
      .field('institutionId', String(sz1))
      .attach('file', file, 'd3.xlsx');
    expect(byCity.status).toBe(201);
    const edited = await t.http
      .put(`/api/admin/certificates/${record.id}`)
      .set(sz)
      .send({ version: record.version, reason: '更正姓名', holderName: '陈志明' });
    expect(edited.status).toBe(200);
    expect((await t.http.post(`/api/admin/certificates/${record.id}/reveal-id`).set(sz)).status).toBe(200);
    const submitted = await submit('sz_admin', draft.id, (await batch(draft.id)).version);
    expect(submitted.body.status).toBe('municipal_review');

    // 停止认定: still maintains its data.
    await t.dataSource.query("UPDATE organisations SET status = 'ceased' WHERE id = ?", [sz1]);
    const ceased = await t.http
      .post('/api/admin/batches')
      .set(inst)
      .field('kind', 'skill_level')
      .attach('file', await buildSheet(t, await t.login('inst_gz1'), [row(electrician)]), 'c1.xlsx');
    expect(ceased.status).toBe(201);
    expect((await submit('inst_sz1', ceased.body.id, ceased.body.version)).status).toBe(200);
  });
});

/**
 * R-14 (粤 二（三）): a returned batch is judged by its correction period — 10 working days from the day the
 * institution received the return — not by the records' upload deadlines or the 6-month cutoff.
 */
