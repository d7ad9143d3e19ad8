import * as ExcelJS from 'exceljs';
import { creditCodeCheckChar, residentIdCheckChar } from '@app/domain';
import { FieldCipher } from '../../apps/api/src/crypto/field-cipher';
import { binaryParser } from './support/batch-sheets';
import { createTestApp, TestApp } from './support/test-app';

const PASSWORD = 'Lookup#2026x';
const CREDIT = '91110108MA01ABCD3' + creditCodeCheckChar('91110108MA01ABCD3');
const STRANGER_ID = '11010519800101002' + residentIdCheckChar('11010519800101002');

interface Holder {
  name: string;
  idNumber: string;
  certificateNumber: string;
}

async function sheet(rows: (string | { formula: string })[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('批量查询');
  ws.addRow(['姓名', '证件号码', '证书编号']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// the HTTP contract of public lookup accounts against the real app with the demo data
// (today 2026-11-23: both kinds in the new mode by the default schedule).
describe('public lookup accounts (e2e)', () => {
  let t: TestApp;
  let holder: Holder;
  let personToken: string;
  let entityToken: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp({ env: { LOOKUP_PERSON_DAILY_QUOTA: '4', LOOKUP_BATCH_MAX_ROWS: '60' } });
    const [row] = await t.dataSource.query(
      "SELECT holder_name AS name, id_number_enc AS enc, certificate_number AS certificateNumber FROM certificates WHERE status = 'published' AND lookup_status = 'visible' AND kind = 'skill_level' AND id_type = 1 ORDER BY id LIMIT 1",
    );
    holder = {
      name: row.name,
      idNumber: t.app.get(FieldCipher).decrypt(row.enc),
      certificateNumber: row.certificateNumber,
    };
  });
  afterAll(() => t.close());

  it('registers a person and a legal entity; validation, duplicates and wrong fields are refused', async () => {
    const person = await t.http.post('/api/lookup/auth/register').send({
      type: 'person',
      name: holder.name,
      idType: '居民身份证',
      idNumber: holder.idNumber,
      mobile: '13800138001',
      password: PASSWORD,
    });
    expect(person.status).toBe(201);
    expect(person.body).toEqual({
      id: expect.any(Number),
      type: 'person',
      name: holder.name,
      identifierMasked: `**************${holder.idNumber.slice(-4)}`,
      mobileMasked: '138****8001',
    });
    const again = await t.http.post('/api/lookup/auth/register').send({
      type: 'person',
      name: holder.name,
      idType: 1,
      idNumber: holder.idNumber,
      mobile: '13800138009',
      password: PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LOOKUP_ACCOUNT_EXISTS');
    const bad = await t.http.post('/api/lookup/auth/register').send({
      type: 'legal_entity',
      name: '某人力资源服务有限公司',
      creditCode: CREDIT.slice(0, 17) + (CREDIT[17] === 'A' ? 'B' : 'A'),
      contactName: '王五',
      mobile: '13900139001',
      password: PASSWORD,
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({
      code: 'LOOKUP_REGISTRATION_INVALID',
      problems: [{ field: 'creditCode' }],
    });
    const entity = await t.http.post('/api/lookup/auth/register').send({
      type: 'legal_entity',
      name: '某人力资源服务有限公司',
      creditCode: CREDIT,
      contactName: '王五',
      mobile: '13900139001',
      password: PASSWORD,
    });
    expect(entity.status).toBe(201);
    const stranger = await t.http.post('/api/lookup/auth/register').send({
      type: 'person',
      name: '路人甲',
      idType: 1,
      idNumber: STRANGER_ID,
      mobile: '13700137001',
      password: PASSWORD,
    });
    expect(stranger.status).toBe(201);
  });

  it('logs in by mobile, ID number or credit code; locks after five wrong passwords', async () => {
    const byId = await t.http.post('/api/lookup/auth/login').send({ account: holder.idNumber, password: PASSWORD });
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({ token: expect.any(String), account: expect.objectContaining({ type: 'person' }) });
    personToken = byId.body.token;
    const byCode = await t.http.post('/api/lookup/auth/login').send({ account: CREDIT, password: PASSWORD });
    expect(byCode.status).toBe(200);
    entityToken = byCode.body.token;
    const me = await t.http.get('/api/lookup/auth/me').set(bearer(personToken));
    expect(me.status).toBe(200);
    expect(me.body.name).toBe(holder.name);
    for (let i = 0; i < 5; i++) {
      const res = await t.http.post('/api/lookup/auth/login').send({ account: '13700137001', password: 'Wrong#2026x' });
      expect(res.status).toBe(i < 4 ? 401 : 423);
    }
    const locked = await t.http.post('/api/lookup/auth/login').send({ account: '13700137001', password: PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('keeps the token kinds apart: lookup tokens 401 on staff areas, staff tokens 401 on lookup routes', async () => {
    for (const path of ['/api/admin/certificates', '/api/admin/users', '/api/auth/me']) {
      const res = await t.http.get(path).set(bearer(personToken));
      expect(res.status).toBe(401);
    }
    const staff = await t.login('gd_reviewer');
    for (const path of ['/api/lookup/auth/me', '/api/lookup/mine', '/api/lookup/quota']) {
      const res = await t.http.get(path).set(bearer(staff));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_REQUIRED');
    }
    expect((await t.http.get('/api/lookup/mine')).status).toBe(401);
  });

  it('mine shows the person’s own certificates in full; legal entities have none to show', async () => {
    const res = await t.http.get('/api/lookup/mine').set(bearer(personToken));
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(res.body.results).toContainEqual(
      expect.objectContaining({
        certificateNumber: holder.certificateNumber,
        idNumber: holder.idNumber,
        masked: false,
      }),
    );
    expect((await t.http.get('/api/lookup/mine').set(bearer(entityToken))).status).toBe(403);
  });

  it('others: masked with all three fields, an empty 200 otherwise; the quota refuses the fifth with its reset time', async () => {
    const query = {
      kind: 'skill_level',
      name: holder.name,
      idNumber: holder.idNumber,
      certificateNumber: holder.certificateNumber,
    };
    const found = await t.http.post('/api/lookup/others').set(bearer(personToken)).send(query);
    expect(found.status).toBe(200);
    expect(found.body.results).toEqual([
      expect.objectContaining({
        idNumber: `**************${holder.idNumber.slice(-4)}`,
        certificateNumber: '*'.repeat(holder.certificateNumber.length - 3) + holder.certificateNumber.slice(-3),
        masked: true,
      }),
    ]);
    const missing = await t.http
      .post('/api/lookup/others')
      .set(bearer(personToken))
      .send({ ...query, name: '某某' });
    expect(missing.status).toBe(200);
    expect(missing.text).toBe('{"results":[]}');
    const bad = await t.http
      .post('/api/lookup/others')
      .set(bearer(personToken))
      .send({ kind: 'skill_level', name: 'x' });
    expect(bad.status).toBe(400);
    await t.http.post('/api/lookup/others').set(bearer(personToken)).send(query);
    await t.http.post('/api/lookup/others').set(bearer(personToken)).send(query);
    const over = await t.http.post('/api/lookup/others').set(bearer(personToken)).send(query);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({
      code: 'LOOKUP_DAILY_QUOTA_EXCEEDED',
      limit: 4,
      used: 4,
      resetsAt: '2026-11-23T16:00:00.000Z',
    });
    const quota = await t.http.get('/api/lookup/quota').set(bearer(personToken));
    expect(quota.body).toEqual({ used: 4, limit: 4, resetsAt: '2026-11-23T16:00:00.000Z' });
  });

  it('codes: generate, list, stop, resume; by-code answers in full, and every bad code with the same 404', async () => {
    const none = await t.http.post('/api/lookup/codes').set(bearer(personToken)).send({ kind: 'qualification' });
    const created = await t.http.post('/api/lookup/codes').set(bearer(personToken)).send({ kind: 'skill_level' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      kind: 'skill_level',
      code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/),
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      status: 'active',
    });
    expect(
      new Date(created.body.expiresAt).getTime() - new Date(created.body.createdAt).getTime(),
    ).toBeGreaterThanOrEqual(365 * 86_400_000);
    if (none.status !== 201) expect(none.body.code).toBe('LOOKUP_CODE_NO_CERTIFICATE');
    const list = await t.http.get('/api/lookup/codes').set(bearer(personToken));
    expect(list.body).toContainEqual(created.body);
    expect((await t.http.post('/api/lookup/codes').set(bearer(entityToken)).send({ kind: 'skill_level' })).status).toBe(
      403,
    );

    const byCode = await t.http.post('/api/lookup/by-code').set(bearer(entityToken)).send({ code: created.body.code });
    expect(byCode.status).toBe(200);
    expect(byCode.body.results).toContainEqual(
      expect.objectContaining({
        certificateNumber: holder.certificateNumber,
        idNumber: holder.idNumber,
        masked: false,
      }),
    );
    const stop = await t.http.post(`/api/lookup/codes/${created.body.id}/stop`).set(bearer(personToken));
    expect(stop.status).toBe(200);
    expect(stop.body.status).toBe('stopped');
    const stopped = await t.http.post('/api/lookup/by-code').set(bearer(entityToken)).send({ code: created.body.code });
    const wrong = await t.http
      .post('/api/lookup/by-code')
      .set(bearer(entityToken))
      .send({ code: '2222-2222-2222-2222' });
    const malformed = await t.http.post('/api/lookup/by-code').set(bearer(entityToken)).send({ code: 'hello' });
    for (const res of [stopped, wrong, malformed]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        statusCode: 404,
        code: 'LOOKUP_CODE_INVALID',
        message: '授权码无效、已停止授权或已过期',
      });
    }
    const resume = await t.http.post(`/api/lookup/codes/${created.body.id}/resume`).set(bearer(personToken));
    expect(resume.body).toEqual(created.body);
    expect(
      (await t.http.post('/api/lookup/by-code').set(bearer(entityToken)).send({ code: created.body.code })).status,
    ).toBe(200);
    expect((await t.http.post(`/api/lookup/codes/${created.body.id}/stop`).set(bearer(entityToken))).status).toBe(403);
  });

  it('batch: template, upload with warning and quota, paged masked rows, export; persons 403; limits and checks', async () => {
    const template = await t.http
      .get('/api/lookup/batch/template?kind=skill_level')
      .set(bearer(entityToken))
      .buffer(true)
      .parse(binaryParser);
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, '姓名', '证件号码', '证书编号']);
    expect((await t.http.get('/api/lookup/batch/template?kind=skill_level').set(bearer(personToken))).status).toBe(403);

    const lines = [
      [holder.name, holder.idNumber, holder.certificateNumber],
      ...Array.from({ length: 50 }, (_, i) => [`某${i}`, STRANGER_ID, i === 0 ? '=A1' : `S${i}`]),
    ];
    const upload = await t.http
      .post('/api/lookup/batch')
      .set(bearer(entityToken))
      .field('kind', 'skill_level')
      .attach('file', await sheet(lines), '查询.xlsx');
    expect(upload.status).toBe(201);
    expect(upload.body).toEqual({
      id: expect.any(Number),
      kind: 'skill_level',
      rows: 51,
      found: 1,
      warning: expect.stringContaining('50'),
    });
    expect((await t.http.get('/api/lookup/quota').set(bearer(entityToken))).body.used).toBe(53); // 2 code queries before

    const page = await t.http.get(`/api/lookup/batch/${upload.body.id}?range=[0,9]`).set(bearer(entityToken));
    expect(page.status).toBe(200);
    expect(page.headers['content-range']).toBe('lookup-batch-rows 0-9/51');
    expect(page.body[0]).toEqual({
      rowNumber: 2,
      queriedName: '*'.repeat(holder.name.length - 1) + holder.name.slice(-1),
      queriedIdNumberMasked: `**************${holder.idNumber.slice(-4)}`,
      queriedCertificateNumber: '*'.repeat(holder.certificateNumber.length - 3) + holder.certificateNumber.slice(-3),
      results: [expect.objectContaining({ masked: true, idNumber: `**************${holder.idNumber.slice(-4)}` })],
    });
    expect(JSON.stringify(page.body)).not.toContain(holder.idNumber);
    const other = await t.http.post('/api/lookup/auth/login').send({ account: '13800138001', password: PASSWORD });
    expect((await t.http.get(`/api/lookup/batch/${upload.body.id}`).set(bearer(other.body.token))).status).toBe(403);

    const exported = await t.http
      .get(`/api/lookup/batch/${upload.body.id}/export`)
      .set(bearer(entityToken))
      .buffer(true)
      .parse(binaryParser);
    expect(exported.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.body as ArrayBuffer);
    const first = book.worksheets[0];
    expect(first.rowCount).toBe(52);
    const cells = first.getSheetValues().flat().map(String).join('|');
    expect(cells).not.toContain(holder.idNumber);
    expect(cells).not.toContain(STRANGER_ID);
    // A queried value short enough to stay unmasked, that a spreadsheet would run as a formula, is escaped.
    expect(first.getRow(3).getCell(8).value).toBe("'=A1");

    const formula = await t.http
      .post('/api/lookup/batch')
      .set(bearer(entityToken))
      .field('kind', 'skill_level')
      .attach('file', await sheet([[holder.name, { formula: 'A1' }, 'x']]), 'f.xlsx');
    expect(formula.status).toBe(422);
    expect(formula.body.code).toBe('IMPORT_FORMULA_CELL');
    const notXlsx = await t.http
      .post('/api/lookup/batch')
      .set(bearer(entityToken))
      .field('kind', 'skill_level')
      .attach('file', Buffer.from('姓名,证件号码'), 'a.xlsx');
    expect(notXlsx.status).toBe(422);
    expect(notXlsx.body.code).toBe('IMPORT_NOT_XLSX');
    // A kind the validation refuses (before the service runs) leaves no temporary copy of the queried IDs.
    const badKind = await t.http
      .post('/api/lookup/batch')
      .set(bearer(entityToken))
      .field('kind', 'x')
      .attach('file', await sheet([[holder.name, 'x', 'x']]), 'k.xlsx');
    expect(badKind.status).toBe(400);
    expect(await t.uploadsLeft()).toEqual([]);
    const tooMany = await t.http
      .post('/api/lookup/batch')
      .set(bearer(entityToken))
      .field('kind', 'skill_level')
      .attach('file', await sheet(Array.from({ length: 61 }, (_, i) => [`某${i}`, STRANGER_ID, 'S1'])), 'm.xlsx');
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.code).toBe('LOOKUP_BATCH_TOO_MANY_ROWS');
    // 30 left: a batch of 31 is refused whole, nothing counted.
    await t.dataSource.query('UPDATE lookup_quotas SET used = 470');
    const over = await t.http
      .post('/api/lookup/batch')
      .set(bearer(entityToken))
      .field('kind', 'skill_level')
      .attach('file', await sheet(Array.from({ length: 31 }, (_, i) => [`某${i}`, STRANGER_ID, 'S1'])), 'q.xlsx');
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: 'LOOKUP_DAILY_QUOTA_EXCEEDED', used: 470, requested: 31 });
  });

  it('logs out: the token stops working', async () => {
    expect((await t.http.post('/api/lookup/auth/logout').set(bearer(personToken))).status).toBe(204);
    expect((await t.http.get('/api/lookup/auth/me').set(bearer(personToken))).status).toBe(401);
  });
});
