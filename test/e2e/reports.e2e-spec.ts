import * as ExcelJS from 'exceljs';
import type { QualityReport } from '@app/contracts';
import { binaryParser } from './support/batch-sheets';
import { createTestApp, organisationId, TestApp } from './support/test-app';

const GZ1 = '广州市白云区粤厨职业培训学校';

// the quality report's HTTP contract on the demo data — who may ask for which region, every institution a
// row, figures equal to the decision trail, the workbook read back (title, frozen header, totals as values,
// 暂无数据 for a figure without a source) and a formula-like institution name written safely.
describe('quality report (e2e)', () => {
  let t: TestApp;
  // The demo's decisions carry the database's own time: a period around it.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const period = `from=${day(-300)}&to=${day(30)}`;
  /** The period's instants as the database stores time (UTC text), for the hand-written SQL. */
  const utc = (date: string, days = 0) =>
    new Date(new Date(`${date}T00:00:00+08:00`).getTime() + days * 86_400_000)
      .toISOString()
      .replace('T', ' ')
      .replace('Z', '');
  const inPeriod = () => [utc(day(-300)), utc(day(30), 1)];
  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  const get = async (username: string, query: string) =>
    t.http.get(`/api/admin/reports/quality?${query}`).set(await as(username));

  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it('who may ask: national any region, a province or city its own subtree (404 elsewhere), institutions never', async () => {
    expect((await get('nat_reviewer', `${period}&regionCode=440000`)).status).toBe(200);
    expect((await get('nat_admin', `${period}&regionCode=510000`)).status).toBe(200);
    expect((await get('gd_reviewer', `${period}&regionCode=440100`)).status).toBe(200);
    expect((await get('gd_reviewer', `${period}&regionCode=510000`)).status).toBe(404);
    expect((await get('gz_admin', `${period}&regionCode=440300`)).status).toBe(404);
    expect((await get('inst_gz1', period)).status).toBe(403);
    expect((await get('auditor', period)).status).toBe(403);
    expect((await get('gd_reviewer', 'from=2026-12-31&to=2026-01-01')).body.code).toBe('REPORT_PERIOD_INVALID');
    expect((await get('gd_reviewer', 'from=2026-02-30&to=2026-03-01')).status).toBe(400);
  });

  it('every institution of the jurisdiction has a row; figures match the decision trail and the complaints', async () => {
    const res = await get('gd_reviewer', period);
    expect(res.status).toBe(200);
    const report = res.body as QualityReport;
    const [province] = await t.dataSource.query(
      "SELECT path FROM organisations WHERE region_code = '440000' AND level = 'provincial'",
    );
    const institutions: { id: number }[] = await t.dataSource.query(
      "SELECT id FROM organisations WHERE level = 'institution' AND path LIKE ?",
      [`${province.path}%`],
    );
    expect(report.rows.map((r) => r.institutionId).sort()).toEqual(institutions.map((i) => Number(i.id)).sort());
    const gz1 = await organisationId(t.dataSource, GZ1);
    const row = report.rows.find((r) => r.institutionId === gz1)!;
    const [submits] = await t.dataSource.query(
      "SELECT COUNT(*) AS n, COALESCE(SUM(d.record_count), 0) AS records FROM batch_decisions d JOIN batches b ON b.id = d.batch_id WHERE d.action = 'submit' AND d.stage = 'draft' AND b.institution_id = ? AND d.created_at >= ? AND d.created_at < ?",
      [gz1, ...inPeriod()],
    );
    expect([row.batches, row.records]).toEqual([Number(submits.n), Number(submits.records)]);
    const [returns] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM batch_decisions d JOIN batches b ON b.id = d.batch_id WHERE d.action = 'return' AND b.institution_id = ? AND d.created_at >= ? AND d.created_at < ?",
      [gz1, ...inPeriod()],
    );
    expect(row.returnsMunicipal! + row.returnsProvincial! + row.returnsNational!).toBe(Number(returns.n));
    const [complaints] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM complaints WHERE institution_id = ? AND recorded_on >= ? AND recorded_on <= ?',
      [gz1, day(-300), day(30)],
    );
    expect(row.complaints).toBe(Number(complaints.n));
    expect(report.unavailable).toEqual([]);
    expect(report.totals.batches).toBe(report.rows.reduce((s, r) => s + r.batches!, 0));
  });

  it('the workbook: title in A1, frozen header, one row per institution, totals as values, a formula-like name escaped', async () => {
    const gz1 = await organisationId(t.dataSource, GZ1);
    await t.dataSource.query('UPDATE organisations SET name = ? WHERE id = ?', ['=HYPERLINK("http://x","点我")', gz1]);
    const res = await t.http
      .get(`/api/admin/reports/quality?${period}&format=xlsx`)
      .set(await as('gd_reviewer'))
      .buffer(true)
      .parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const json = (await get('gd_reviewer', period)).body as QualityReport;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('质量通报')!;
    expect(sheet.getCell('A1').text).toMatch(/^质量通报（.+ 至 .+，广东省/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getRow(2).getCell(2).value).toBe('评价机构');
    const last = 2 + json.rows.length + 1;
    expect(sheet.getRow(last).getCell(1).value).toBe('合计');
    const batchesColumn = 4;
    expect(sheet.getRow(last).getCell(batchesColumn).value).toBe(json.totals.batches);
    expect(sheet.getRow(last).getCell(batchesColumn).formula).toBeUndefined();
    const names = json.rows.map((_, i) => sheet.getRow(3 + i).getCell(2).text);
    expect(names).toContain('\'=HYPERLINK("http://x","点我")');
    for (let r = 3; r <= last; r++) {
      sheet.getRow(r).eachCell((cell) => expect(cell.formula).toBeUndefined());
    }
  });
});
