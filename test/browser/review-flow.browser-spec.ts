import type { Page } from 'playwright-core';
import { buildSheet, guangzhouRow, loginToken, uploadSheet } from './support/batch-sheet';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// In real Chromium: a batch goes from 广州市白云区粤厨职业培训学校 through
// the 广州 data administrator, the 广州 head, the 广东 reviewer and the national reviewer to published; a second
// batch is partly returned; the deadline board names who is responsible. APP_TODAY=2026-11-23.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface BatchRow {
  id: number;
  status: string;
  statusLabel: string;
  recordCount: number;
  version: number;
  parentId: number | null;
}

interface CertificateRow {
  id: number;
  rowNumber: number;
  certificateNumber: string;
  status: string;
  returnReason: string | null;
}

interface AuditRow {
  action: string;
  targetType: string;
  targetId: string;
  outcome: string;
  detail: string | null;
}

interface BatchDetail extends BatchRow {
  returnReason: string | null;
  submittedAt: string | null;
  splitFrom: { parentId: number; at: string; submittedSince: boolean } | null;
}

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;
let asNational: Awaited<ReturnType<typeof apiAs>>;
let operatorToken: string;
let publishedBatchId = 0;
let firstIdNumber = '';

const batch = (id: number) => asNational<BatchRow>(`/api/admin/batches/${id}`);
const records = (id: number) =>
  asNational<CertificateRow[]>(`/api/admin/certificates?filter=${encodeURIComponent(JSON.stringify({ batchId: id }))}`);

/** The table row whose 批次号 cell is `id`. */
const batchRow = (id: number) =>
  page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: String(id), exact: true }) });

async function openBatch(id: number) {
  await page.goto(`${app.baseUrl}/#/batches/${id}/show`);
  await page.getByTestId('batch-header').waitFor();
}

/** How far the page scrolls sideways (0: it fits the window). */
function sidewaysScroll(): Promise<number> {
  return page.evaluate<number>(
    'Math.max(0, document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth)',
  );
}

async function headerText(): Promise<string> {
  return page.getByTestId('batch-header').innerText();
}

async function approveInDialog(comment?: string) {
  const dialog = page.getByRole('dialog');
  if (comment) await dialog.getByLabel('审核意见（选填）').fill(comment);
  await dialog.getByRole('button', { name: '通过' }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchConsoleBrowser();
  page = browser.page;
  ui = consoleActions(page, app.baseUrl);
  asNational = await apiAs(app.baseUrl, 'nat_reviewer');
  operatorToken = await loginToken(app.baseUrl, 'inst_gz1');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(browser.takeProblems()).toEqual([]);
});

describe('batch review flow in Chromium', () => {
  it('inst_gz1: template download, a refused sheet with its error table and report, then upload and submit', async () => {
    await ui.login('inst_gz1');
    const menu = await page.getByTestId('app-menu').innerText();
    for (const entry of ['待我处理', '批次管理', '上传批次', '期限看板']) expect(menu).toContain(entry);

    await ui.openFromMenu('上传批次');
    await page.getByText('上传证书数据').waitFor();
    // Institution operators upload for their own institution: no institution picker.
    expect(await page.getByRole('combobox', { name: /评价机构/ }).count()).toBe(0);
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('职业技能等级证书数据导入模板.xlsx');

    // One bad row (wrong check character): nothing is stored, the error table names row and column.
    const good = guangzhouRow(101);
    const badId = good.证件号码.slice(0, 17) + (good.证件号码.endsWith('1') ? '2' : '1');
    const badSheet = await buildSheet(app.baseUrl, operatorToken, [good, guangzhouRow(102, { 证件号码: badId })]);
    await page
      .getByTestId('xlsx-file-input')
      .setInputFiles({ name: '粤厨-有误.xlsx', mimeType: XLSX, buffer: badSheet });
    await page.getByText('粤厨-有误.xlsx').waitFor();
    await page.getByRole('button', { name: '上传并校验' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const errorText = await errors.innerText();
    expect(errorText).toContain('共 1 处错误');
    expect(errorText).toMatch(/行号\s+列\s+错误说明/);
    expect(errorText).toMatch(/\n3\s+证件号码\s+\S+/);
    await ui.shot('batch-upload-errors');
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      errors.getByRole('button', { name: '下载错误报告' }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);

    // The corrected sheet becomes a draft batch.
    const rows = [guangzhouRow(201), guangzhouRow(202), guangzhouRow(203)];
    firstIdNumber = rows[0].证件号码;
    const sheet = await buildSheet(app.baseUrl, operatorToken, rows);
    await page
      .getByTestId('xlsx-file-input')
      .setInputFiles({ name: '粤厨-2026年11月.xlsx', mimeType: XLSX, buffer: sheet });
    await page.getByRole('button', { name: '上传并校验' }).click();
    await page.waitForURL(/#\/batches\/\d+\/show/);
    publishedBatchId = Number(/batches\/(\d+)\/show/.exec(page.url())![1]);
    await page.getByTestId('batch-header').getByText('草稿（待提交）').waitFor();
    await page.getByRole('cell', { name: rows[2].证书编号 }).waitFor();
    // ID numbers are masked in the list: all but the last 4.
    expect(await page.getByTestId('id-number').first().innerText()).toBe(`${'*'.repeat(14)}${firstIdNumber.slice(-4)}`);
    await ui.shot('batch-draft');

    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByTestId('batch-header').getByText('市级审核').waitFor();
    expect(await headerText()).toMatch(/剩余 \d+ 个工作日/);
    expect((await batch(publishedBatchId)).status).toBe('municipal_review');
    await ui.logout();
  });

  it('gz_admin approves from 待我处理, with a comment', async () => {
    await ui.login('gz_admin');
    await ui.openFromMenu('待我处理');
    const row = batchRow(publishedBatchId);
    await row.waitFor();
    expect(await row.innerText()).toContain('广州市白云区粤厨职业培训学校');
    expect(await row.getByTestId('due-chip').innerText()).toMatch(/^(剩余 \d+ 个工作日|今日到期|已逾期 \d+ 个工作日)$/);
    await ui.shot('queue-gz_admin');

    await row.getByRole('button', { name: '通过' }).click();
    await approveInDialog('数据核对无误，同意上报');
    await page.getByText(`批次 #${publishedBatchId} 已通过`).waitFor();
    await batchRow(publishedBatchId).waitFor({ state: 'detached' });
    expect((await batch(publishedBatchId)).status).toBe('municipal_head_approval');
    await ui.logout();
  });

  it('gz_head approves with 批量通过', async () => {
    await ui.login('gz_head');
    await ui.openFromMenu('待我处理');
    const row = batchRow(publishedBatchId);
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: '批量通过' }).click();
    await ui.shot('queue-bulk-approve-gz_head');
    await page.getByRole('dialog').getByRole('button', { name: '全部通过' }).click();
    await page.getByText('已通过 1 个批次').waitFor();
    expect((await batch(publishedBatchId)).status).toBe('provincial_review');
    await ui.logout();
  });

  it('gd_reviewer reveals one ID number and approves on the batch page', async () => {
    await ui.login('gd_reviewer');
    await openBatch(publishedBatchId);
    await page.getByTestId('batch-header').getByText('省级审核').waitFor();
    await page.getByRole('button', { name: '显示完整证件号码' }).first().click();
    await page.getByTestId('id-number').filter({ hasText: firstIdNumber }).waitFor();
    // Only that row is revealed.
    const shown = await page.getByTestId('id-number').allInnerTexts();
    expect(shown.filter((text) => !text.startsWith('*'))).toEqual([firstIdNumber]);
    await ui.shot('batch-provincial-review');

    await page.getByRole('button', { name: '通过' }).click();
    await approveInDialog();
    await page.getByTestId('batch-header').getByText('部中心审核').waitFor();
    await ui.logout();
  });

  it('nat_reviewer publishes; the batch page shows 已发布 and the whole timeline', async () => {
    await ui.login('nat_reviewer');
    await openBatch(publishedBatchId);
    await page.getByRole('button', { name: '通过' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('通过后批次即发布').waitFor();
    await approveInDialog();
    await page.getByTestId('batch-header').getByText('已发布').waitFor();
    expect(await page.getByRole('button', { name: '通过' }).count()).toBe(0);
    expect((await records(publishedBatchId)).every((r) => r.status === 'published')).toBe(true);

    await page.getByRole('tab', { name: '办理记录' }).click();
    await page.getByTestId('batch-history').waitFor();
    const actions = await page.getByTestId('history-action').allInnerTexts();
    expect(actions).toEqual(['上传', '提交', '审核通过', '审核通过', '审核通过', '审核通过']);
    const timeline = await page.getByTestId('batch-history').innerText();
    for (const step of [
      '市级审核 → 市级负责人审批',
      '市级负责人审批 → 省级审核',
      '省级审核 → 部中心审核',
      '部中心审核 → 已发布',
    ]) {
      expect(timeline).toContain(step);
    }
    for (const actor of [
      '林晓东（市级证书数据管理员）',
      '梁伟明（市级负责人）',
      '黄丽萍（省级审核员）',
      '李静（部中心审核员）',
    ]) {
      expect(timeline).toContain(actor);
    }
    expect(timeline).toContain('说明：数据核对无误，同意上报');
    await ui.shot('batch-published-history');
    await ui.logout();
  });

  it('gz_admin returns two records of a second batch, each with its reason (partial return)', async () => {
    const rows = [guangzhouRow(301), guangzhouRow(302), guangzhouRow(303), guangzhouRow(304)];
    const uploaded = await uploadSheet(
      app.baseUrl,
      operatorToken,
      await buildSheet(app.baseUrl, operatorToken, rows),
      '粤厨-补报.xlsx',
    );
    const asOperator = await apiAs(app.baseUrl, 'inst_gz1');
    await asOperator(`/api/admin/batches/${uploaded.id}/submit`, {
      method: 'POST',
      body: { version: uploaded.version },
    });

    await ui.login('gz_admin');
    await openBatch(uploaded.id);
    await page.getByTestId('batch-header').getByText('市级审核').waitFor();
    for (const row of [rows[1], rows[2]]) {
      await page.locator('tbody tr').filter({ hasText: row.证书编号 }).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: '退回所选记录' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('只退回所选的 2 条记录').waitFor();
    await dialog.getByRole('textbox', { name: /^退回原因/ }).fill('证件信息待核实');
    // Each record's reason starts as the batch reason; the second gets its own.
    const third = dialog.getByLabel('第 4 行的退回原因');
    await expect(third.inputValue()).resolves.toBe('证件信息待核实');
    await third.fill('姓名与证件号码不符');
    await ui.shot('batch-partial-return-dialog');
    await dialog.getByRole('button', { name: '退回所选记录' }).click();
    await page.getByText(/已退回 2 条记录，转入新批次 #\d+/).waitFor();

    const parent = await batch(uploaded.id);
    expect(parent).toMatchObject({ status: 'municipal_review', recordCount: 2 });
    const all = await asNational<BatchRow[]>(
      `/api/admin/batches?filter=${encodeURIComponent(JSON.stringify({ parentId: uploaded.id }))}`,
    );
    expect(all).toHaveLength(1);
    const child = all[0];
    expect(child).toMatchObject({ status: 'returned', recordCount: 2, parentId: uploaded.id });
    const childRecords = await records(child.id);
    expect(childRecords.map((r) => [r.certificateNumber, r.returnReason])).toEqual([
      [rows[1].证书编号, '证件信息待核实'],
      [rows[2].证书编号, '姓名与证件号码不符'],
    ]);

    await page.getByRole('tab', { name: '办理记录' }).click();
    const returned = page.getByTestId('returned-records');
    await returned.getByText(/姓名与证件号码不符/).waitFor();
    expect(await page.getByTestId('batch-history').innerText()).toContain(`批次 #${child.id}`);
    await ui.shot('batch-partial-return-history');
    await ui.logout();

    // The institution sees the child batch as returned, in its queue and on the batch page.
    await ui.login('inst_gz1');
    await ui.openFromMenu('待我处理');
    const queued = batchRow(child.id);
    await queued.getByText('已退回（待更正）').waitFor();
    await queued.click();
    await page.getByTestId('batch-header').getByText('已退回（待更正）').waitFor();
    expect(await headerText()).toContain('由“市级审核”环节退回');
    await page.getByRole('cell', { name: '姓名与证件号码不符' }).waitFor();
    for (const action of ['提交', '重新上传更正数据']) await page.getByRole('button', { name: action }).waitFor();
    await ui.shot('batch-returned-child-inst_gz1');

    // Correct the record in the console, then submit the child batch again.
    await page.getByRole('button', { name: '修改第 4 行' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByText('退回原因：姓名与证件号码不符').waitFor();
    await expect(edit.getByLabel(/^证书编号/).inputValue()).resolves.toBe(rows[2].证书编号);
    await edit.getByLabel(/^姓名/).fill('张军');
    await edit.getByLabel(/^修改原因/).fill('更正姓名录入错误');
    await ui.shot('record-edit-dialog');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('第 4 行记录已修改').waitFor();
    await page.getByRole('cell', { name: '张军', exact: true }).waitFor();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByTestId('batch-header').getByText('市级审核', { exact: true }).waitFor();
    expect((await batch(child.id)).status).toBe('municipal_review');
    await ui.logout();
  });

  it('late records: the cutoff stops submission, gd_reviewer grants 受理豁免, inst_gz1 submits with the 附件3 statement', async () => {
    // Guangdong: upload within 30 days of issue; not accepted after 6 months. Today is 2026-11-23.
    const rows = [guangzhouRow(401, { 发证日期: '2026-09-01' }), guangzhouRow(402, { 发证日期: '2026-04-01' })];
    const { id } = await uploadSheet(
      app.baseUrl,
      operatorToken,
      await buildSheet(app.baseUrl, operatorToken, rows),
      '粤厨-逾期.xlsx',
    );

    await ui.login('inst_gz1');
    await openBatch(id);
    // The submission check answers first: the cutoff dialog opens directly, nothing is submitted.
    await page.getByRole('button', { name: '提交' }).click();
    const refusal = page.getByRole('dialog');
    await refusal.getByText('无法提交：超过受理期限').waitFor();
    expect(await refusal.innerText()).toContain(rows[1].证书编号);
    expect(await refusal.innerText()).toContain('受理豁免');
    await ui.shot('batch-submit-cutoff');
    await refusal.getByRole('button', { name: '知道了' }).click();
    await ui.logout();

    await ui.login('gd_reviewer');
    await openBatch(id);
    await page.getByRole('button', { name: '受理豁免' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/豁免原因/)
      .fill('考点停电致数据延迟整理，经省中心研究同意受理');
    await page.getByRole('dialog').getByRole('button', { name: '办理豁免' }).click();
    await page
      .getByTestId('exemption')
      .getByText(/黄丽萍/)
      .waitFor();
    await ui.logout();

    await ui.login('inst_gz1');
    await openBatch(id);
    // Late records: 提交 opens the 附件3 form directly, with the late records listed.
    await page.getByRole('button', { name: '提交' }).click();
    const statement = page.getByRole('dialog');
    await statement.getByText('逾期上报情况说明（附件3）').waitFor();
    expect(await statement.innerText()).toMatch(/共 2 条/);
    await statement.getByLabel(/逾期原因/).fill('考点停电，证书数据未能按时整理上报');
    await statement.getByLabel(/责任人/).fill('周敏');
    await statement.getByLabel(/联系电话/).fill('020-12345678');
    await ui.shot('batch-overdue-statement');
    await statement.getByRole('button', { name: '附说明提交' }).click();
    await page.getByTestId('batch-header').getByText('市级审核').waitFor();
    const late = await page.getByTestId('late-submission').innerText();
    expect(late).toContain('2 条证书超过上报期限');
    expect(late).toContain('考点停电，证书数据未能按时整理上报');
    await ui.shot('batch-late-submission');
    await ui.logout();

    // The normal path refused no submission: the audit log holds the submission and no refused one.
    const asAuditor = await apiAs(app.baseUrl, 'auditor');
    const failures = await asAuditor<AuditRow[]>(
      `/api/admin/audit-logs?filter=${encodeURIComponent(JSON.stringify({ outcome: 'failure' }))}&range=[0,499]`,
    );
    const refusedSubmit = failures.filter(
      (r) =>
        (r.targetType === 'batch' && r.targetId === String(id)) ||
        r.targetId.includes(`/batches/${id}/submit`) ||
        (r.detail ?? '').includes(`/batches/${id}/submit`),
    );
    expect(refusedSubmit).toEqual([]);
    const submits = await asAuditor<AuditRow[]>(
      `/api/admin/audit-logs?filter=${encodeURIComponent(JSON.stringify({ action: 'batch.submit', targetId: String(id) }))}`,
    );
    expect(submits.map((r) => r.outcome)).toEqual(['success']);
  });

  it('gz_admin uploads for an institution only with a recorded reason, and may not approve what it uploaded (R-44, R-3)', async () => {
    await ui.login('gz_admin');
    await ui.openFromMenu('上传批次');
    await page.getByText('上传证书数据').waitFor();
    await page.getByRole('combobox', { name: /评价机构/ }).fill('粤厨');
    await page.getByRole('option', { name: /粤厨/ }).click();
    const sheet = await buildSheet(app.baseUrl, operatorToken, [guangzhouRow(501)]);
    await page.getByTestId('xlsx-file-input').setInputFiles({ name: '代传-粤厨.xlsx', mimeType: XLSX, buffer: sheet });
    await page.getByRole('button', { name: '上传并校验' }).click();
    await page.getByText(/须填写代为上传的原因/).waitFor();

    await page.getByLabel(/代为上传原因/).fill('机构系统故障，书面委托市中心代为上传');
    await page.getByRole('button', { name: '上传并校验' }).click();
    await page.waitForURL(/#\/batches\/\d+\/show/);
    const id = Number(/batches\/(\d+)\/show/.exec(page.url())![1]);
    await page
      .getByText(/书面委托市中心代为上传/)
      .first()
      .waitFor();
    await ui.shot('batch-proxy-upload');
    const history = await asNational<{ action: string; comment: string }[]>(`/api/admin/batches/${id}/history`);
    expect(history[0].comment).toContain('机构系统故障，书面委托市中心代为上传');

    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByTestId('batch-header').getByText('市级审核').waitFor();
    await page.getByRole('button', { name: '通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await page.getByText(/职责分离/).waitFor();
    await ui.shot('batch-separation-of-duties');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await batch(id)).status).toBe('municipal_review');
    await ui.logout();
  });

  it('gd_admin: the deadline board names the responsible organisation and role; a row opens its batch', async () => {
    await ui.login('gd_admin');
    await ui.openFromMenu('期限看板');
    const table = page.locator('table').first();
    await table.locator('tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    const board = await table.innerText();
    expect(board).toContain('责任单位');
    expect(board).toContain('广州市职业技能鉴定指导中心');
    expect(board).toContain('市级证书数据管理员');
    expect(board).toContain('评价机构操作员');
    expect(board).not.toContain('四川');
    await ui.shot('deadlines-gd_admin');

    await page.getByRole('combobox', { name: '期限状态' }).click();
    await page.getByRole('option', { name: '已逾期' }).click();
    // The list refetches after the filter's debounce: wait until no chip that is not overdue is left.
    await page
      .getByTestId('due-chip')
      .filter({ hasText: /剩余|今日/ })
      .first()
      .waitFor({ state: 'detached' });
    const chips = await page.getByTestId('due-chip').allInnerTexts();
    expect(chips.length).toBeGreaterThan(0);
    for (const chip of chips) expect(chip).toMatch(/^已逾期( \d+ 个工作日)?$/);
    await ui.shot('deadlines-overdue-gd_admin');

    await table.locator('tbody tr').first().click();
    await page.waitForURL(/#\/batches\/\d+\/show/);
    await page.getByTestId('batch-header').waitFor();

    await ui.openFromMenu('批次管理');
    await page.locator('table tbody tr').first().waitFor();
    await ui.shot('batches-gd_admin');
    await ui.logout();
  });

  it('a returned batch at 1366 × 768: 退回原因 once in the header and in 待我处理, record reasons only where they differ, no sideways scroll', async () => {
    const rows = [guangzhouRow(601), guangzhouRow(602), guangzhouRow(603)];
    const uploaded = await uploadSheet(
      app.baseUrl,
      operatorToken,
      await buildSheet(app.baseUrl, operatorToken, rows),
      '粤厨-退回.xlsx',
    );
    const asOperator = await apiAs(app.baseUrl, 'inst_gz1');
    const submitted = await asOperator<BatchRow>(`/api/admin/batches/${uploaded.id}/submit`, {
      method: 'POST',
      body: { version: uploaded.version },
    });
    // A long reason, as reviewers write them: one line would run far past the screen.
    const reason =
      '经核对，本批次证书数据存在多处问题：职业（工种）名称与国家职业资格目录不一致，部分证书的技能等级超出机构备案的评价范围，' +
      '理论知识考试成绩与操作技能考核成绩录入位置颠倒，发证日期早于考核日期。请对照《职业技能等级证书数据导入模板》逐项核对，' +
      '更正后在更正期限内重新上传并提交，如有疑问请联系广州市职业技能鉴定指导中心证书数据管理科。';
    const own = '证书编号ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789与发证日期不符，请核对';
    const ids = (await records(uploaded.id)).sort((a, b) => a.rowNumber - b.rowNumber);
    const asCity = await apiAs(app.baseUrl, 'gz_admin');
    await asCity(`/api/admin/batches/${uploaded.id}/return`, {
      method: 'POST',
      body: {
        version: submitted.version,
        reason,
        records: ids.map((r, i) => ({ id: r.id, reason: i === 1 ? own : reason.slice(0, 500) })),
      },
    });

    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await ui.login('inst_gz1');
      await ui.openFromMenu('待我处理');
      const queued = batchRow(uploaded.id);
      await queued.getByTestId('queue-return-reason').waitFor();
      expect(await queued.getByTestId('queue-return-reason').getAttribute('title')).toBe(reason);
      expect(await sidewaysScroll()).toBe(0);
      await ui.shot('queue-returned-1366');

      await openBatch(uploaded.id);
      const notice = page.getByTestId('return-reason');
      await notice.waitFor();
      const noticeText = await notice.innerText();
      expect(noticeText).toContain('退回原因（由“市级审核”环节退回）');
      expect(noticeText).toContain(reason);
      // Shown once: not repeated in every record's row.
      await page.getByRole('cell', { name: own }).waitFor();
      expect(await page.getByRole('cell', { name: reason }).count()).toBe(0);
      expect(await page.getByText(reason).count()).toBe(1);
      await page.waitForLoadState('networkidle');
      expect(await sidewaysScroll()).toBe(0);
      // The records table fits as well: nothing hidden to its right.
      expect(
        await page.evaluate<number>(
          "(b => b.scrollWidth - b.clientWidth)(document.querySelector('.RaLayout-content .RaDataTable-tableWrapper'))",
        ),
      ).toBe(0);
      await ui.shot('batch-returned-1366');
      await ui.logout();
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it("a child batch shows when and from which batch it was split off, not its parent's submit time, and its own history apart", async () => {
    const returned = await asNational<BatchRow[]>(
      `/api/admin/batches?filter=${encodeURIComponent(JSON.stringify({ status: ['returned'] }))}&range=[0,99]`,
    );
    const demoChild = returned.find((b) => b.parentId !== null && b.recordCount === 5)!;
    const child = await asNational<BatchDetail>(`/api/admin/batches/${demoChild.id}`);
    const parent = await asNational<BatchDetail>(`/api/admin/batches/${child.parentId}`);
    expect(child.splitFrom).toMatchObject({ parentId: parent.id, submittedSince: false });

    await ui.login('gz_admin');
    await openBatch(child.id);
    const split = await page.getByTestId('split-from').innerText();
    expect(split).toMatch(
      new RegExp(`^拆分自 批次 #${parent.id}，于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 部分退回时转出$`),
    );
    const header = await headerText();
    expect(header).toContain('拆分后尚未提交');
    const parentSubmitted = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(parent.submittedAt!));
    expect(header).not.toContain(parentSubmitted);
    expect(await page.getByTestId('return-reason').innerText()).toContain(child.returnReason!);

    await page.getByRole('tab', { name: '办理记录' }).click();
    const history = page.getByTestId('batch-history');
    await history.waitFor();
    const text = await history.innerText();
    expect(text).toContain(`拆分前：批次 #${parent.id} 的办理记录`);
    expect(text).toContain('本批次的办理记录');
    expect(await page.getByTestId('batch-history-inherited').getByTestId('history-action').allInnerTexts()).toEqual([
      '上传',
      '提交',
      '部分退回',
    ]);
    expect(await page.getByTestId('batch-history-own').innerText()).toContain('拆分后本批次尚无办理记录');
    await ui.shot('batch-child-history');
    await ui.logout();
  });
});
