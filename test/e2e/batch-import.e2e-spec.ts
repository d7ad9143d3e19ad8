import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SAMPLE_FIRST_SERIAL, demoInstitution, demoInstitutionKeys } from '../../bench/data/demo-institution';
import { generateBenchData } from '../../bench/data/generate';
import { writeCertificatesXlsx } from '../../bench/data/write-xlsx';
import { loadOccupationCatalogue } from '../../apps/api/src/organisations/occupation-catalogue.loader';
import { TEMPLATE_HEADERS } from '../../apps/api/src/batches/excel/template-layout';
import { buildSheet, binaryParser, certificateNumber, validRow } from './support/batch-sheets';
import { createTestApp, organisationId, TEST_TODAY, TestApp } from './support/test-app';

// template, streaming validation, all-or-nothing import, error report,
// encrypted ID numbers, submission with overdue statement and 6-month cutoff — over HTTP. The seed
// rules (R-8 seeds 003/004, R-18) and re-upload are checked on the services in test/medium/batch-import.medium-spec.ts.
describe('batch import (R-8, R-12, R-42)', () => {
  let t: TestApp;
  let inst: string;
  let auth: { Authorization: string };

  const upload = (
    file: Buffer,
    name = '证书数据.xlsx',
    fields: Record<string, string> = { kind: 'skill_level' },
    headers = auth,
  ) => {
    const req = t.http.post('/api/admin/batches').set(headers);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, name);
  };
  const counts = async () => {
    const [{ n: batches }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM batches');
    const [{ n: certificates }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM certificates');
    return { batches: Number(batches), certificates: Number(certificates) };
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { IMPORT_MAX_ROWS: '50' } });
    inst = await t.login('inst_gz1');
    auth = { Authorization: `Bearer ${inst}` };
  });
  afterAll(() => t.close());

  it('serves the template with the headers in order, drop-downs and a hidden version marker', async () => {
    const res = await t.http
      .get('/api/admin/batches/template?kind=skill_level')
      .set(auth)
      .buffer(true)
      .parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const data = workbook.worksheets.find((ws) => ws.getRow(1).getCell(1).text === '姓名')!;
    // The exact headers are pinned by the template's unit spec; here: the served file carries them.
    expect((data.getRow(1).values as string[]).slice(1)).toEqual([...TEMPLATE_HEADERS]);
    expect(workbook.worksheets.some((ws) => ws.state === 'veryHidden' || ws.state === 'hidden')).toBe(true);
  });

  it("the README's sample sheet (npm run bench:data -- --institution <key>) imports cleanly for every demo institution", async () => {
    const catalogue = loadOccupationCatalogue(join(__dirname, '../../config/occupations.csv'));
    const dir = mkdtempSync(join(tmpdir(), 'cert-sample-'));
    try {
      for (const key of demoInstitutionKeys()) {
        const file = join(dir, `${key}.xlsx`);
        const data = generateBenchData({
          count: 20,
          today: TEST_TODAY,
          seed: 7,
          catalogue,
          spanDays: 10,
          institution: demoInstitution(key),
          firstSerial: DEMO_SAMPLE_FIRST_SERIAL,
        });
        await writeCertificatesXlsx(file, data.certificates, 'skill_level', catalogue);
        const res = await upload(
          readFileSync(file),
          `${key}.xlsx`,
          { kind: 'skill_level' },
          {
            Authorization: `Bearer ${await t.login(key)}`,
          },
        );
        expect({ key, status: res.status, body: res.body }).toMatchObject({
          key,
          status: 201,
          body: { recordCount: 20, status: 'draft', warnings: 0 },
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports a valid sheet as a draft batch; ID numbers encrypted, masked in lists, revealed only with an audit record', async () => {
    const rows = [validRow(1), validRow(2), validRow(3, { 职业技能等级: '3' })];
    const res = await upload(await buildSheet(t, inst, rows));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recordCount: 3, status: 'draft', version: 1 });

    const [stored] = await t.dataSource.query(
      'SELECT id_number_enc, id_number_masked FROM certificates WHERE certificate_number = ?',
      [rows[0].证书编号],
    );
    expect(stored.id_number_enc).not.toContain(rows[0].证件号码.slice(6, 14));
    expect(stored.id_number_masked).toBe(`${'*'.repeat(14)}${rows[0].证件号码.slice(-4)}`);

    const list = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ batchId: res.body.id }) })
      .set(auth);
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toBe('certificates 0-2/3');
    expect(list.body[0]).toMatchObject({
      holderName: rows[0].姓名,
      idNumberMasked: stored.id_number_masked,
      status: 'draft',
      level: 4,
    });
    expect(list.body[2].level).toBe(3);
    expect(JSON.stringify(list.body)).not.toContain(rows[0].证件号码);

    const reveal = await t.http.post(`/api/admin/certificates/${list.body[0].id}/reveal-id`).set(auth);
    expect(reveal.body.idNumber).toBe(rows[0].证件号码);
    const auditor = { Authorization: `Bearer ${await t.login('auditor')}` };
    const logs = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ action: 'certificate.id.reveal' }) })
      .set(auditor);
    expect(logs.body[0]).toMatchObject({ username: 'inst_gz1', targetId: String(list.body[0].id) });

    // Exact search by ID number goes through the blind index.
    const byId = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ idNumber: rows[1].证件号码 }) })
      .set(auth);
    expect(byId.body.map((c: { certificateNumber: string }) => c.certificateNumber)).toEqual([rows[1].证书编号]);
    // the same person's legacy 15-digit number finds the record stored under its 18-digit form.
    const id18 = String(rows[1].证件号码);
    expect(id18.slice(6, 8)).toBe('19');
    const legacy = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ idNumber: id18.slice(0, 6) + id18.slice(8, 17) }) })
      .set(auth);
    expect(legacy.body.map((c: { certificateNumber: string }) => c.certificateNumber)).toEqual([rows[1].证书编号]);
  });

  it('refuses a sheet with bad rows whole, naming row, column and reason, and offers the error report', async () => {
    const before = await counts();
    const duplicateNumber = certificateNumber(4);
    const rows = [
      validRow(10),
      validRow(11, { 证件号码: '440111199001011234' }), // wrong check character
      validRow(12, { 职业编码: '6-18-02-04', 职业名称: '焊工' }), // outside the institution's scope
      validRow(13, { 证书编号: duplicateNumber }),
      validRow(14, { 证书编号: duplicateNumber }), // duplicate inside the file
      validRow(15, { 发证日期: '2027-01-05' }), // in the future
    ];
    const res = await upload(await buildSheet(t, inst, rows));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_VALIDATION_FAILED');
    expect(res.body.message).toContain('未保存任何数据');
    const at = (row: number) => res.body.errors.filter((e: { row: number }) => e.row === row);
    expect(at(2)).toEqual([]);
    expect(at(3)[0]).toMatchObject({ column: '证件号码' });
    expect(at(4).map((e: { column: string }) => e.column)).toContain('职业编码');
    expect(at(6)[0]).toMatchObject({ column: '证书编号' });
    expect(at(6)[0].message).toContain('第5行');
    expect(at(7)[0]).toMatchObject({ column: '发证日期' });
    expect(await counts()).toEqual(before);

    const report = await t.http
      .get(`/api/admin/batches/error-reports/${res.body.errorReportId}`)
      .set(auth)
      .buffer(true)
      .parse(binaryParser);
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.body as ArrayBuffer);
    const sheet = workbook.worksheets.find((ws) => ws.getRow(1).getCell(1).text === '姓名')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers[headers.length - 1]).toBe('错误说明');
    expect(sheet.getRow(3).getCell(headers.length).text).toContain('证件号码');
    expect(sheet.getRow(2).getCell(headers.length).text).toBe('');

    // Another city's administrator cannot download it.
    const other = await t.http
      .get(`/api/admin/batches/error-reports/${res.body.errorReportId}`)
      .set({ Authorization: `Bearer ${await t.login('cd_admin')}` });
    expect(other.status).toBe(404);
  });

  it('refuses certificate numbers already in the national database, and the same file twice', async () => {
    const first = [validRow(20)];
    const file = await buildSheet(t, inst, first);
    expect((await upload(file)).status).toBe(201);
    const again = await upload(file);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('IMPORT_DUPLICATE_FILE');
    const reused = await upload(await buildSheet(t, inst, [validRow(21, { 证书编号: first[0].证书编号 })]));
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0]).toMatchObject({ row: 2, column: '证书编号' });
    expect(reused.body.errors[0].message).toContain('已存在');
  });

  it.each([
    ['not an .xlsx', () => Promise.resolve(Buffer.from('姓名,证件号码\n张三,1')), '数据.csv', 'IMPORT_NOT_XLSX'],
    ['a renamed text file', () => Promise.resolve(Buffer.from('hello')), '数据.xlsx', 'IMPORT_NOT_XLSX'],
    [
      'a foreign layout',
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Sheet1').addRow(['姓名', '身份证号']);
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      '自制表格.xlsx',
      'IMPORT_FOREIGN_TEMPLATE',
    ],
    ['an empty sheet', async () => buildSheet(t, inst, []), '空表.xlsx', 'IMPORT_EMPTY'],
    [
      'more rows than the limit',
      async () =>
        buildSheet(
          t,
          inst,
          Array.from({ length: 51 }, (_, i) => validRow(100 + i)),
        ),
      '超限.xlsx',
      'IMPORT_TOO_MANY_ROWS',
    ],
  ])('refuses %s with a Chinese message and stores nothing', async (_label, file, name, code) => {
    const before = await counts();
    const res = await upload(await file(), name);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await counts()).toEqual(before);
  });

  it('refuses formula cells', async () => {
    const buffer = await buildSheet(t, inst, [validRow(30)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((ws) => ws.getRow(1).getCell(1).text === '姓名')!;
    sheet.getRow(2).getCell(14).value = { formula: 'SUM(1,2)', result: 3 };
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_FORMULA_CELL');
  });

  it('lets a municipal centre upload for an institution in its city only', async () => {
    const gz = { Authorization: `Bearer ${await t.login('gz_admin')}` };
    const instGz1 = await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校');
    const instCd1 = await organisationId(t.dataSource, '成都市锦江区蜀味烹饪职业技能培训学校');
    const sheet = await buildSheet(t, inst, [validRow(40)]);
    expect((await upload(sheet, 'a.xlsx', { kind: 'skill_level' }, gz)).body.code).toBe('VALIDATION_FAILED');
    expect((await upload(sheet, 'a.xlsx', { kind: 'skill_level', institutionId: String(instCd1) }, gz)).status).toBe(
      404,
    );
    // a centre uploads for an active institution only with a recorded reason.
    const noReason = await upload(sheet, 'a.xlsx', { kind: 'skill_level', institutionId: String(instGz1) }, gz);
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('BATCH_PROXY_REASON_REQUIRED');
    expect(
      (
        await upload(
          sheet,
          'a.xlsx',
          { kind: 'skill_level', institutionId: String(instGz1), proxyReason: '机构书面委托市中心代传' },
          gz,
        )
      ).status,
    ).toBe(201);
    // Reviewers do not upload.
    expect(
      (
        await upload(
          sheet,
          'b.xlsx',
          { kind: 'skill_level' },
          { Authorization: `Bearer ${await t.login('gd_reviewer')}` },
        )
      ).status,
    ).toBe(403);
  });

  it('refuses files over the size limit with 413', async () => {
    const small = await createTestApp({ env: { IMPORT_MAX_BYTES: '2000' } });
    try {
      const token = await small.login('inst_gz1');
      const big = await buildSheet(small, token, [validRow(50)]);
      const res = await small.http
        .post('/api/admin/batches')
        .set('Authorization', `Bearer ${token}`)
        .field('kind', 'skill_level')
        .attach('file', big, 'big.xlsx');
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('IMPORT_FILE_TOO_LARGE');
      expect(res.body.message).toContain('上限');
    } finally {
      await small.close();
    }
  });
});

describe('batch submission (R-14, R-16)', () => {
  let t: TestApp;
  let inst: string;
  let auth: { Authorization: string };
  const importRows = async (rows: ReturnType<typeof validRow>[], token = inst) => {
    const file = await buildSheet(t, token, rows);
    const res = await t.http
      .post('/api/admin/batches')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'skill_level')
      .attach('file', file, 'x.xlsx');
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: number; version: number };
  };

  beforeAll(async () => {
    t = await createTestApp(); // today is 2026-11-23
    inst = await t.login('inst_gz1');
    auth = { Authorization: `Bearer ${inst}` };
  });
  afterAll(() => t.close());

  it('enters municipal review with the Guangdong 15-working-day deadline', async () => {
    const batch = await importRows([validRow(60, { 发证日期: '2026-11-10' })]);
    const res = await t.http.post(`/api/admin/batches/${batch.id}/submit`).set(auth).send({ version: batch.version });
    expect(res.status).toBe(200);
    // Received 2026-11-23 (Mon); 15 working days later (no holidays in between) is 2026-12-14 (Mon).
    expect(res.body).toMatchObject({
      status: 'municipal_review',
      stageReceivedOn: '2026-11-23',
      dueDate: '2026-12-14',
      lateSubmission: false,
      version: 2,
    });
    expect(res.body.dueText).toBe('剩余 15 个工作日（2026-12-14 到期）');
    expect(res.body.workingDaysLeft).toBe(15);
    const certs = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ batchId: batch.id }) })
      .set(auth);
    expect(certs.body[0]).toMatchObject({ status: 'in_review', uploadDue: '2026-12-10' });
    const again = await t.http.post(`/api/admin/batches/${batch.id}/submit`).set(auth).send({ version: 2 });
    expect(again.body.code).toBe('BATCH_WRONG_STATE');
  });

  it('starts a provincial-level institution at provincial review', async () => {
    const token = await t.login('inst_gd1');
    const row = validRow(61, {
      职业编码: '4-07-05-03',
      职业名称: '消防设施操作员',
      '工种/职业方向': '消防设施监控操作',
      发证日期: '2026-11-16',
    });
    const batch = await importRows([row], token);
    const res = await t.http
      .post(`/api/admin/batches/${batch.id}/submit`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: batch.version });
    expect(res.body.status).toBe('provincial_review');
  });

  it('requires the 附件3 overdue statement for records past the upload deadline, and marks the batch late', async () => {
    // Issued 2026-09-01: Guangdong "30 days" ends 2026-10-01, a holiday, so the deadline rolls to 2026-10-08.
    const batch = await importRows([
      validRow(62, { 发证日期: '2026-09-01' }),
      validRow(63, { 发证日期: '2026-11-12' }),
    ]);
    const refused = await t.http
      .post(`/api/admin/batches/${batch.id}/submit`)
      .set(auth)
      .send({ version: batch.version });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('BATCH_OVERDUE_STATEMENT_REQUIRED');
    expect(refused.body.count).toBe(1);
    expect(refused.body.records[0]).toMatchObject({ rowNumber: 2, issueDate: '2026-09-01', due: '2026-10-08' });
    const statement = { reason: '考点系统故障导致数据整理延误', responsiblePerson: '周敏', contact: '020-86000000' };
    const ok = await t.http
      .post(`/api/admin/batches/${batch.id}/submit`)
      .set(auth)
      .send({ version: batch.version, overdueStatement: statement });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'municipal_review',
      lateSubmission: true,
      overdueStatement: { ...statement, recordCount: 1 },
    });
  });

  it('refuses records past the 6-month cutoff unless the province grants an exemption', async () => {
    const batch = await importRows([validRow(64, { 发证日期: '2026-04-20' })]);
    const statement = { reason: '历史数据补报', responsiblePerson: '周敏', contact: '020-86000000' };
    const refused = await t.http
      .post(`/api/admin/batches/${batch.id}/submit`)
      .set(auth)
      .send({ version: batch.version, overdueStatement: statement });
    expect(refused.body.code).toBe('BATCH_PAST_ACCEPTANCE_CUTOFF');
    expect(refused.body.records[0].due).toBe('2026-10-20');
    // Only a provincial centre may exempt; a city may not.
    expect(
      (
        await t.http
          .post(`/api/admin/batches/${batch.id}/exemption`)
          .set({ Authorization: `Bearer ${await t.login('gz_admin')}` })
          .send({ version: batch.version, reason: '同意受理' })
      ).status,
    ).toBe(403);
    const province = { Authorization: `Bearer ${await t.login('gd_reviewer')}` };
    // R-16 with optimistic locking: an exemption decided on a version of the batch that is no longer current is 409.
    const stale = await t.http
      .post(`/api/admin/batches/${batch.id}/exemption`)
      .set(province)
      .send({ version: batch.version + 1, reason: '经省中心研究同意受理' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const granted = await t.http
      .post(`/api/admin/batches/${batch.id}/exemption`)
      .set(province)
      .send({ version: batch.version, reason: '经省中心研究同意受理' });
    expect(granted.status).toBe(200);
    expect(granted.body.exemption).toMatchObject({
      reason: '经省中心研究同意受理',
      approverName: '黄丽萍',
      organisationName: '广东省职业技能服务指导中心',
    });
    const ok = await t.http
      .post(`/api/admin/batches/${batch.id}/submit`)
      .set(auth)
      .send({ version: granted.body.version, overdueStatement: statement });
    expect(ok.status).toBe(200);
    expect(ok.body.lateSubmission).toBe(true);
  });

  it('answers what submitting now would meet (submission-check): nothing, the 附件3 statement, or the cutoff', async () => {
    const check = (id: number, headers = auth) => t.http.get(`/api/admin/batches/${id}/submission-check`).set(headers);
    const onTime = await importRows([validRow(66, { 发证日期: '2026-11-18' })]);
    expect((await check(onTime.id)).body).toEqual({ refusal: null });

    const late = await importRows([validRow(67, { 发证日期: '2026-09-01' }), validRow(68, { 发证日期: '2026-11-12' })]);
    const lateCheck = await check(late.id);
    expect(lateCheck.status).toBe(200);
    // The same body the submission would refuse with.
    const refused = await t.http.post(`/api/admin/batches/${late.id}/submit`).set(auth).send({ version: late.version });
    expect(refused.status).toBe(422);
    expect(lateCheck.body.refusal).toEqual({
      code: refused.body.code,
      message: refused.body.message,
      records: refused.body.records,
      count: refused.body.count,
    });
    expect(lateCheck.body.refusal).toMatchObject({
      code: 'BATCH_OVERDUE_STATEMENT_REQUIRED',
      count: 1,
      records: [{ rowNumber: 2, issueDate: '2026-09-01', due: '2026-10-08' }],
    });
    expect(lateCheck.body.refusal.message).toContain('有 1 条证书已超过上报期限');

    const pastCutoff = await importRows([validRow(69, { 发证日期: '2026-04-20' })]);
    expect((await check(pastCutoff.id)).body.refusal).toMatchObject({
      code: 'BATCH_PAST_ACCEPTANCE_CUTOFF',
      count: 1,
      records: [{ issueDate: '2026-04-20', due: '2026-10-20' }],
    });

    // Same access as submitting: a centre of another city does not see the batch, a reviewer may not submit.
    const shenzhen = { Authorization: `Bearer ${await t.login('sz_admin')}` };
    expect((await check(late.id, shenzhen)).status).toBe(404);
    const province = { Authorization: `Bearer ${await t.login('gd_reviewer')}` };
    expect((await check(late.id, province)).status).toBe(403);
    // Nothing changed: the batch is still a draft at its version.
    const after = await t.http.get(`/api/admin/batches/${late.id}`).set(auth);
    expect(after.body).toMatchObject({ status: 'draft', version: late.version });
  });

  it('refuses a stale version with 409', async () => {
    const batch = await importRows([validRow(65, { 发证日期: '2026-11-18' })]);
    const res = await t.http
      .post(`/api/admin/batches/${batch.id}/submit`)
      .set(auth)
      .send({ version: batch.version + 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_VERSION');
  });

  it('keeps the history of upload, exemption and submission', async () => {
    const list = await t.http
      .get('/api/admin/batches')
      .query({ filter: JSON.stringify({ lateSubmission: true }) })
      .set(auth);
    const history = await t.http.get(`/api/admin/batches/${list.body[0].id}/history`).set(auth);
    expect(history.body.map((d: { action: string }) => d.action)).toEqual(expect.arrayContaining(['upload', 'submit']));
  });
});

// Validation against seeds 003/004 and the 2013 upload days for qualification data.
