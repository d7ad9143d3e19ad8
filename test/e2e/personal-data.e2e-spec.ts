import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportErrorReportsService } from '../../apps/api/src/batches/import-error-reports.service';
import { binaryParser, buildSheet, validRow } from './support/batch-sheets';
import { createTestApp, organisationId, TestApp } from './support/test-app';

const MAX_ERRORS = 5;
const SEARCH_LIMIT = 3;
const REVEAL_LIMIT = 2;
const FUTURE = '2027-01-05'; // one error per row: an issue date after today

// personal data in refused uploads, ID-number search and reveal; bounded cost of bad uploads.
describe('personal data (R-9, R-38, R-42)', () => {
  let t: TestApp;
  let storage: string;
  const bearer = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  const upload = (file: Buffer, headers: { Authorization: string }, fields: Record<string, string> = {}) => {
    const req = t.http.post('/api/admin/batches').set(headers).field('kind', 'skill_level');
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, '证书数据.xlsx');
  };
  const download = async (id: number, username: string) =>
    t.http
      .get(`/api/admin/batches/error-reports/${id}`)
      .set(await bearer(username))
      .buffer(true)
      .parse(binaryParser);
  /** A refused upload by `username` (rows with a future issue date); returns its error report id and the rows. */
  const refusedUpload = async (username: string, seed: number, fields: Record<string, string> = {}) => {
    const rows = [validRow(seed), validRow(seed + 1, { 发证日期: FUTURE })];
    const res = await upload(await buildSheet(t, await t.login(username), rows), await bearer(username), fields);
    expect(res.status).toBe(422);
    return { id: res.body.errorReportId as number, rows };
  };
  const storedFiles = (): string[] =>
    (readdirSync(storage, { recursive: true }) as string[])
      .map((f) => join(storage, f))
      .filter((f) => statSync(f).isFile());
  const reportFiles = async (id: number): Promise<string[]> => {
    const [row] = await t.dataSource.query('SELECT file_key, errors_key FROM import_error_reports WHERE id = ?', [id]);
    return [join(storage, row.file_key), join(storage, row.errors_key)];
  };
  const auditCount = async (action: string, targetId: number | string, username?: string) => {
    const [{ n }] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM audit_logs WHERE action = ? AND target_id = ?${username ? ' AND username = ?' : ''}`,
      username ? [action, String(targetId), username] : [action, String(targetId)],
    );
    return Number(n);
  };

  beforeAll(async () => {
    storage = mkdtempSync(join(tmpdir(), 'pdata-files-'));
    t = await createTestApp({
      env: {
        STORAGE_DIR: storage,
        IMPORT_MAX_ERRORS: String(MAX_ERRORS),
        ID_SEARCH_LIMIT_PER_HOUR: String(SEARCH_LIMIT),
        ID_REVEAL_LIMIT_PER_HOUR: String(REVEAL_LIMIT),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(storage, { recursive: true, force: true });
  });

  it('R-9: a refused upload is stored encrypted — no ID number, no xlsx zip signature, no error list in clear — and its report still downloads', async () => {
    const { id, rows } = await refusedUpload('inst_gz1', 100);
    const files = await reportFiles(id);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThan(16);
      expect(bytes.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
      for (const row of rows) expect(bytes.includes(Buffer.from(row.证件号码))).toBe(false);
      expect(bytes.includes(Buffer.from('发证日期'))).toBe(false);
      expect(bytes.includes(Buffer.from('"row"'))).toBe(false);
    }
    const report = await download(id, 'inst_gz1');
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.body as ArrayBuffer);
    const sheet = workbook.worksheets.find((ws) => ws.getRow(1).getCell(1).text === '姓名')!;
    expect(sheet.getRow(3).getCell(3).text).toBe(rows[1].证件号码);
    expect(sheet.getRow(3).getCell(18).text).toContain('发证日期');
  });

  it('R-9, R-38: an error report goes only to the uploading organisation — not the centres above, not national staff — and each download is audited', async () => {
    const byInstitution = await refusedUpload('inst_gz1', 110);
    for (const username of ['gz_admin', 'gd_admin', 'nat_admin', 'cd_admin']) {
      expect({ username, status: (await download(byInstitution.id, username)).status }).toEqual({
        username,
        status: 404,
      });
    }
    expect((await download(byInstitution.id, 'inst_gz1')).status).toBe(200);
    expect((await download(byInstitution.id, 'inst_gz1')).status).toBe(200);
    expect(await auditCount('batch.error_report.download', byInstitution.id, 'inst_gz1')).toBe(2);
    expect(await auditCount('batch.error_report.download', byInstitution.id)).toBe(2);

    // A centre uploading on an institution's behalf gets its own report; the province above does not.
    const institutionId = await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校');
    const byCentre = await refusedUpload('gz_admin', 120, {
      institutionId: String(institutionId),
      proxyReason: '机构委托市中心代为上报',
    });
    expect((await download(byCentre.id, 'gz_admin')).status).toBe(200);
    expect((await download(byCentre.id, 'gz_head')).status).toBe(200); // staff of the same centre
    expect((await download(byCentre.id, 'gd_admin')).status).toBe(404);
    expect(await auditCount('batch.error_report.download', byCentre.id)).toBe(2);
  });

  it('R-9: error reports and their stored files are deleted after import.errorReportRetentionDays (sweep and on access)', async () => {
    const kept = await refusedUpload('inst_gz1', 130);
    const expiring = await refusedUpload('inst_gz1', 140);
    const keptFiles = await reportFiles(kept.id);
    const expiringFiles = await reportFiles(expiring.id);
    const sweeper = t.app.get(ImportErrorReportsService);

    // Uploaded on 2026-11-23 with the default 7 days: still there on the 29th, gone from the 30th.
    await sweeper.sweepExpired('2026-11-29');
    expect(keptFiles.concat(expiringFiles).every((f) => existsSync(f))).toBe(true);

    // On access: a report whose time is up answers 404 and is removed with its files.
    await t.dataSource.query('UPDATE import_error_reports SET expires_on = ? WHERE id = ?', [
      '2026-11-23',
      expiring.id,
    ]);
    const gone = await download(expiring.id, 'inst_gz1');
    expect(gone.status).toBe(404);
    expect(JSON.parse(String(gone.body)).code).toBe('NOT_FOUND');
    expect(expiringFiles.some((f) => existsSync(f))).toBe(false);
    expect(await t.dataSource.query('SELECT id FROM import_error_reports WHERE id = ?', [expiring.id])).toEqual([]);

    // The periodic sweep, run as on 2026-11-30, twice (idempotent).
    expect(await sweeper.sweepExpired('2026-11-30')).toBeGreaterThanOrEqual(1);
    expect(await sweeper.sweepExpired('2026-11-30')).toBe(0);
    expect(keptFiles.some((f) => existsSync(f))).toBe(false);
    expect((await download(kept.id, 'inst_gz1')).status).toBe(404);
    expect(await auditCount('batch.error_report.expire', kept.id, 'system')).toBe(1);
    expect(storedFiles()).toEqual([]);
  });

  it('R-9: exact search by ID number needs certificates.unmask — 403 before the value is validated', async () => {
    const id = validRow(150).证件号码;
    for (const filter of [{ idNumber: id }, { idNumber: {} }, { idNumber: 'x' }]) {
      const res = await t.http
        .get('/api/admin/certificates')
        .query({ filter: JSON.stringify(filter) })
        .set(await bearer('nat_admin'));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const auditor = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ idNumber: {} }) })
      .set(await bearer('auditor'));
    expect(auditor.status).toBe(403);
  });

  it('R-9, R-38: ID-number searches are audited without the number and limited per user, counted in the database (429)', async () => {
    const ids = [validRow(160).证件号码, validRow(161).证件号码, validRow(162).证件号码];
    const search = async (username: string, idNumber: unknown) =>
      t.http
        .get('/api/admin/certificates')
        .query({ filter: JSON.stringify({ idNumber }) })
        .set(await bearer(username));
    expect((await search('inst_gz1', ids[0])).status).toBe(200);
    expect((await search('inst_gz1', ids[1])).status).toBe(200);
    expect((await search('inst_gz1', {})).status).toBe(400); // an invalid value counts too
    const limited = await search('inst_gz1', ids[2]);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.body.message).toContain(`${SEARCH_LIMIT} 次`);
    // Per user: another person still searches.
    expect((await search('gz_admin', ids[2])).status).toBe(200);

    const [user] = await t.dataSource.query("SELECT id FROM users WHERE username = 'inst_gz1'");
    const [counter] = await t.dataSource.query('SELECT hits FROM rate_limits WHERE bucket = ?', [
      `certificates.id-search:user:${user.id}`,
    ]);
    expect(Number(counter.hits)).toBe(SEARCH_LIMIT);

    const logs: { username: string; detail: string }[] = await t.dataSource.query(
      "SELECT username, detail FROM audit_logs WHERE action = 'certificate.id.search' ORDER BY seq",
    );
    expect(logs.map((l) => l.username)).toEqual(['inst_gz1', 'inst_gz1', 'gz_admin']);
    expect(logs[0].detail).toContain(`**************${ids[0].slice(-4)}`);
    const everything = JSON.stringify(await t.dataSource.query('SELECT * FROM audit_logs'));
    for (const id of ids) expect(everything).not.toContain(id);
  });

  it('R-9: revealing full ID numbers is limited per user, also under concurrent requests (429)', async () => {
    const institutionId = await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校');
    const [certificate] = await t.dataSource.query(
      'SELECT id FROM certificates WHERE institution_id = ? ORDER BY id LIMIT 1',
      [institutionId],
    );
    expect(certificate).toBeDefined();
    const reveal = async (username: string) =>
      t.http.post(`/api/admin/certificates/${certificate.id}/reveal-id`).set(await bearer(username));
    await bearer('inst_gz1');
    const burst = await Promise.all(Array.from({ length: REVEAL_LIMIT + 4 }, () => reveal('inst_gz1')));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(REVEAL_LIMIT);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(4);
    expect(burst.find((r) => r.status === 429)!.body.message).toMatch(/过于频繁/);
    expect(await auditCount('certificate.id.reveal', certificate.id, 'inst_gz1')).toBe(REVEAL_LIMIT);
    expect((await reveal('gz_admin')).status).toBe(200);
  });

  it('R-9: lists cannot be sorted by the encrypted number, its blind index, its masked form or the birth date', async () => {
    const institutionId = await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校');
    const [batch] = await t.dataSource.query('SELECT id FROM batches WHERE institution_id = ? ORDER BY id LIMIT 1', [
      institutionId,
    ]);
    for (const field of ['idNumberEnc', 'idNumberHash', 'idNumberMasked', 'birthDate']) {
      const res = await t.http
        .get('/api/admin/certificates')
        .query({ filter: JSON.stringify({ batchId: batch.id }), sort: JSON.stringify([field, 'ASC']) })
        .set(await bearer('gz_admin'));
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
    }
  });

  it('R-42: a sheet with more bad rows than import.maxErrors lists that many errors, counts the rest and says how many were not listed', async () => {
    const bad = MAX_ERRORS + 3;
    const rows = [validRow(200), ...Array.from({ length: bad }, (_, i) => validRow(201 + i, { 发证日期: FUTURE }))];
    const res = await upload(await buildSheet(t, await t.login('inst_gz1'), rows), await bearer('inst_gz1'));
    expect(res.status).toBe(422);
    expect(res.body.errorCount).toBe(bad);
    expect(res.body.errors).toHaveLength(MAX_ERRORS);
    expect(res.body.unlistedErrorCount).toBe(3);
    expect(res.body.message).toContain(`共发现 ${bad} 处错误`);
    expect(res.body.message).toContain('另有 3 处错误未列出');

    const report = await download(res.body.errorReportId, 'inst_gz1');
    expect(report.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.body as ArrayBuffer);
    const sheet = workbook.worksheets.find((ws) => ws.getRow(1).getCell(1).text === '姓名')!;
    const notes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(18).text) notes.push(row.getCell(18).text);
    });
    expect(notes).toHaveLength(MAX_ERRORS + 1);
    expect(notes.slice(0, MAX_ERRORS).every((n) => n.includes('发证日期'))).toBe(true);
    expect(notes[MAX_ERRORS]).toContain('另有 3 处错误未列出');
    const [stored] = await t.dataSource.query('SELECT error_count FROM import_error_reports WHERE id = ?', [
      res.body.errorReportId,
    ]);
    expect(Number(stored.error_count)).toBe(bad);
  });
});
