import type { Locator, Page } from 'playwright-core';
import { createSeededRng, generateResidentId } from '../../libs/domain/src';
import { pdfFile } from '../e2e/support/attachment-files';
import { buildSheet, guangzhouRow, loginToken, uploadSheet } from './support/batch-sheet';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// In real Chromium against the built app (APP_TODAY=2026-11-23): a published certificate's holder name is corrected
// . The institution asks with its 数据勘误说明 (附件5-1) — first with the name and the ID number together,
// which the API refuses in Chinese — then the municipal, provincial and national reviewers each approve from
// 更正审核, and the certificate page shows version 2 beside version 1 with the changed name highlighted. A second
// request is returned with a reason, amended and resubmitted, and meets a colleague's decision first (409).

interface CertificateRow {
  id: number;
  certificateNumber: string;
  holderName: string;
  status: string;
}

interface CorrectionDetail {
  id: number;
  status: string;
  stage: string | null;
  version: number;
  appliedVersion: number | null;
}

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;
let certificate: CertificateRow;
/** The second certificate of the batch: its request is returned, resubmitted, then decided by someone else first. */
let second: CertificateRow;
/** A certificate of a batch submitted but not yet published: its correction is a work order. */
let inReview: CertificateRow;
let newName = '';
let correctionId = 0;

const q = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Submit and approve at every stage through the API, up to 已发布. */
async function publish(batchId: number) {
  const asOperator = await apiAs(app.baseUrl, 'inst_gz1');
  const draft = await asOperator<{ version: number }>(`/api/admin/batches/${batchId}`);
  await asOperator(`/api/admin/batches/${batchId}/submit`, { method: 'POST', body: { version: draft.version } });
  for (const user of ['gz_admin', 'gz_head', 'gd_reviewer', 'nat_reviewer']) {
    const as = await apiAs(app.baseUrl, user);
    const { version } = await as<{ version: number }>(`/api/admin/batches/${batchId}`);
    await as(`/api/admin/batches/${batchId}/approve`, { method: 'POST', body: { version } });
  }
}

/** How far the page itself would scroll sideways (0: it fits the window). */
function pageOverflow(): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

async function correction(id = correctionId): Promise<CorrectionDetail> {
  const asNational = await apiAs(app.baseUrl, 'nat_reviewer');
  return asNational<CorrectionDetail>(`/api/admin/corrections/${id}`);
}

/** Waits for a dialog to close; when it stays open, fails with what the page said (a refusal, a field's error). */
async function closed(dialog: Locator) {
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (error) {
    const said = await page.locator('.MuiSnackbar-root, .Mui-error').allInnerTexts();
    throw new Error(`the dialog stayed open: ${JSON.stringify(said)}`, { cause: error });
  }
}

/** Waits for a notification; when another shows instead (a refusal, 409), fails with what the page said. */
async function told(text: string) {
  try {
    await page.getByText(text).waitFor();
  } catch (error) {
    const said = await page.locator('.MuiSnackbar-root').allInnerTexts();
    throw new Error(`expected “${text}”, the page said ${JSON.stringify(said)}`, { cause: error });
  }
}

/** A scan uploaded through the API as `username`'s organisation (R-24). */
async function uploadPdf(username: string, purpose: string, note: string): Promise<number> {
  const token = await loginToken(app.baseUrl, username);
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([new Uint8Array(pdfFile(note))]), '数据勘误说明.pdf');
  const res = await fetch(`${app.baseUrl}/api/admin/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`attachment upload → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/** From 更正审核: the stage's table lists the request; 去处理 opens it, 通过 approves it. */
async function approveFromQueue(user: string, stageLabel: string, explanation: RegExp) {
  await ui.login(user);
  await ui.openFromMenu('更正审核');
  const row = page.locator('tbody tr').filter({ hasText: certificate.certificateNumber });
  await row.waitFor();
  expect(await row.getByTestId('due-chip').innerText()).toMatch(/^(剩余 \d+ 个工作日|今日到期)$/);
  expect(await pageOverflow()).toBe(0);
  await ui.shot(`correction-queue-${user}`);
  await row.getByRole('link', { name: '去处理' }).click();
  const facts = page.getByTestId('correction-facts');
  await facts.getByTestId('correction-status').getByText(`处理中 · ${stageLabel}`).waitFor();
  expect(await page.getByTestId('current-stage').innerText()).toContain(stageLabel);
  // Nobody but the stage's role is offered the requester's actions.
  expect(await page.getByRole('button', { name: '撤回' }).count()).toBe(0);
  await page.getByRole('button', { name: '通过', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(explanation).waitFor();
  await dialog.getByRole('button', { name: '确认通过' }).click();
  await page.getByText(`更正申请 #${correctionId} 已通过`).waitFor();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '通过', exact: true }).waitFor({ state: 'detached' });
  await ui.logout();
}

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchConsoleBrowser();
  page = browser.page;
  // The reviewers' common desktop: every page here must read without sideways scrolling at 1366 px.
  await page.setViewportSize({ width: 1366, height: 768 });
  ui = consoleActions(page, app.baseUrl);

  const token = await loginToken(app.baseUrl, 'inst_gz1');
  const sheet = await buildSheet(app.baseUrl, token, [guangzhouRow(701), guangzhouRow(702)]);
  const batchId = (await uploadSheet(app.baseUrl, token, sheet, '粤厨-更正.xlsx')).id;
  await publish(batchId);
  const asNational = await apiAs(app.baseUrl, 'nat_reviewer');
  [certificate, second] = await asNational<CertificateRow[]>(
    `/api/admin/certificates?${q({ batchId })}&sort=["rowNumber","ASC"]`,
  );
  expect([certificate.status, second.status]).toEqual(['published', 'published']);
  newName = `${certificate.holderName}华`;

  const submitted = (
    await uploadSheet(app.baseUrl, token, await buildSheet(app.baseUrl, token, [guangzhouRow(703)]), '粤厨-审核中.xlsx')
  ).id;
  const asOperator = await apiAs(app.baseUrl, 'inst_gz1');
  const draft = await asOperator<{ version: number }>(`/api/admin/batches/${submitted}`);
  await asOperator(`/api/admin/batches/${submitted}/submit`, { method: 'POST', body: { version: draft.version } });
  [inReview] = await asNational<CertificateRow[]>(`/api/admin/certificates?${q({ batchId: submitted })}`);
  expect(inReview.status).toBe('in_review');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(browser.takeProblems()).toEqual([]);
});

describe('a published certificate corrected through every stage, in Chromium', () => {
  it('inst_gz1 asks from the certificate page with 附件5-1; name and ID together are refused in Chinese', async () => {
    await ui.login('inst_gz1');
    await page.goto(`${app.baseUrl}/#/certificates/${certificate.id}/show`);
    await page.getByTestId('certificate-facts').waitFor();
    // Deletion is the province's: the institution is offered the modification only.
    expect(await page.getByTestId('request-delete').count()).toBe(0);
    await page.getByTestId('request-modify').click();

    await page.getByTestId('correction-form-title').getByText(certificate.certificateNumber).waitFor();
    expect(await page.getByTestId('correction-route').innerText()).toContain('数据勘误（已发布数据，附件5-1）');
    expect(await page.getByTestId('work-order-inputs').count()).toBe(0);

    await page.getByRole('checkbox', { name: '姓名', exact: true }).check();
    await page.getByRole('checkbox', { name: '证件号码', exact: true }).check();
    const nameRow = page.getByTestId('change-row-holderName');
    expect(await nameRow.getByTestId('current-value').innerText()).toBe(certificate.holderName);
    // The ID number is shown masked only.
    expect(await page.getByTestId('change-row-idNumber').getByTestId('current-value').innerText()).toMatch(/^\*{14}/);
    await nameRow.getByRole('textbox', { name: /^姓名/ }).fill(newName);
    const otherId = generateResidentId(createSeededRng(9701), {
      regionCode: '440111',
      birthDate: '1990-05-12',
      gender: 1,
    });
    await page.getByRole('textbox', { name: /^证件号码/ }).fill(otherId);
    await page.getByRole('textbox', { name: /^修改原因/ }).fill('考生姓名录入时错字，按身份证更正');
    await page
      .getByTestId('attachment-file-input')
      .setInputFiles({ name: '数据勘误说明（附件5-1）.pdf', mimeType: 'application/pdf', buffer: pdfFile('ccon') });
    await page.getByTestId('attachment-chosen').getByText('数据勘误说明（附件5-1）.pdf').waitFor();
    expect(await pageOverflow()).toBe(0);
    await ui.shot('correction-create-inst_gz1');

    await page.getByRole('button', { name: '提交修改申请' }).click();
    const refusal = page.getByTestId('correction-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('姓名和证件号码不能同时修改');
    await ui.shot('correction-refused-inst_gz1');

    await page.getByRole('checkbox', { name: '证件号码', exact: true }).uncheck();
    await page.getByRole('button', { name: '提交修改申请' }).click();
    await page.waitForURL(/#\/corrections\/\d+\/show/);
    correctionId = Number(/#\/corrections\/(\d+)\/show/.exec(page.url())![1]);
    await page.getByText(`更正申请 #${correctionId} 已提交`).waitFor();

    const facts = page.getByTestId('correction-facts');
    await facts.getByTestId('correction-status').getByText('处理中 · 市级审核').waitFor();
    expect(await page.getByTestId('correction-reason').innerText()).toBe('考生姓名录入时错字，按身份证更正');
    const change = page.getByTestId('change-holderName');
    expect(await change.innerText()).toMatch(new RegExp(`姓名\\s+${certificate.holderName}\\s+${newName}`));
    expect(await page.getByTestId('correction-changes').locator('tbody tr').count()).toBe(1);
    const steps = await page.getByTestId('correction-stepper').innerText();
    expect(steps.replace(/\s+/g, ' ')).toMatch(/市级审核.*省级审核.*部中心审核并执行/);
    expect(await page.getByTestId('current-stage').innerText()).toContain('市级审核');
    await page.getByTestId('correction-attachments').getByText('数据勘误说明（附件5-1）.pdf').waitFor();
    // The requester does not decide, and has nothing to amend while it is pending.
    for (const button of ['通过', '退回', '重新提交', '撤回']) {
      expect(await page.getByRole('button', { name: button, exact: true }).count()).toBe(0);
    }
    expect(await pageOverflow()).toBe(0);
    await ui.shot('correction-show-inst_gz1');
    await ui.logout();

    expect(await correction()).toMatchObject({ status: 'pending', stage: 'municipal_review' });
  });

  it('gz_admin, gd_reviewer and nat_reviewer each approve their stage from 更正审核', async () => {
    await approveFromQueue('gz_admin', '市级审核', /转到下一审核环节/);
    expect(await correction()).toMatchObject({ status: 'pending', stage: 'provincial_review' });
    await approveFromQueue('gd_reviewer', '省级审核', /转到下一审核环节/);
    expect(await correction()).toMatchObject({ status: 'pending', stage: 'national_review' });
    await approveFromQueue('nat_reviewer', '部中心审核并执行', /写入证书数据的新版本/);
    expect(await correction()).toMatchObject({ status: 'applied', stage: null, appliedVersion: 2 });
  });

  it('the request reads 已执行 with its decisions, and the certificate page shows version 2 beside version 1', async () => {
    await ui.login('gz_admin');
    await page.goto(`${app.baseUrl}/#/corrections/${correctionId}/show`);
    await page.getByTestId('correction-facts').getByTestId('correction-status').getByText('已执行').waitFor();
    expect(await page.getByTestId('correction-applied').innerText()).toContain('第 2 版');
    const decisions = await page.getByTestId('correction-decision').allInnerTexts();
    expect(decisions.map((d) => d.split('\n')[0])).toEqual([
      '市级审核：通过',
      '省级审核：通过',
      '部中心审核并执行：通过',
    ]);
    await ui.shot('correction-applied');

    await page.getByTestId('correction-certificate-link').click();
    await page.waitForURL(new RegExp(`#/certificates/${certificate.id}/show`));
    const versions = page.getByTestId('certificate-versions');
    await versions.waitFor();
    const heads = await versions.getByTestId('version-head').allInnerTexts();
    expect(heads).toHaveLength(2);
    expect(heads[0]).toContain('第 1 版');
    expect(heads[0]).toContain('导入');
    expect(heads[1]).toContain('第 2 版（当前）');
    expect(heads[1]).toContain('更正');
    expect(heads[1]).toContain(`更正申请 #${correctionId}`);

    const nameCells = versions.getByTestId('version-row-holderName').getByTestId('version-cell');
    expect(await nameCells.allInnerTexts()).toEqual([certificate.holderName, newName]);
    expect(await nameCells.nth(0).getAttribute('data-changed')).toBe('false');
    expect(await nameCells.nth(1).getAttribute('data-changed')).toBe('true');
    // Only the name changed; the ID number stays masked in every version.
    expect(await versions.locator('[data-testid="version-cell"][data-changed="true"]').count()).toBe(1);
    for (const id of await versions.getByTestId('version-row-idNumber').getByTestId('version-cell').allInnerTexts()) {
      expect(id).toMatch(/^\*{14}/);
    }
    expect(await page.getByTestId('certificate-facts').innerText()).toContain(newName);
    expect(await pageOverflow()).toBe(0);
    await ui.shot('certificate-versions');
    await ui.logout();
  });

  it('a returned request is amended and resubmitted; a decision someone made first is told in Chinese (409)', async () => {
    const asInstitution = await apiAs(app.baseUrl, 'inst_gz1');
    const statement = await uploadPdf('inst_gz1', 'erratum_statement', 'second');
    const { id } = await asInstitution<{ id: number }>('/api/admin/corrections', {
      method: 'POST',
      body: {
        certificateId: second.id,
        type: 'modify',
        changes: { holderName: `${second.holderName}明` },
        reason: '姓名漏字',
        attachmentIds: [statement],
      },
    });

    await ui.login('gz_admin');
    await page.goto(`${app.baseUrl}/#/corrections/${id}/show`);
    await page.getByRole('button', { name: '退回', exact: true }).click();
    const back = page.getByRole('dialog');
    await back.getByRole('button', { name: '确认退回' }).click();
    // The reason is required.
    await back.getByText('必填').waitFor();
    await back.getByRole('textbox', { name: /^退回原因/ }).fill('请附上持证人身份证复印件');
    await back.getByRole('button', { name: '确认退回' }).click();
    await page.getByText(`更正申请 #${id} 已退回`).waitFor();
    await page.getByTestId('correction-facts').getByTestId('correction-status').getByText('已退回').waitFor();
    // Only the requester amends a returned request.
    expect(await page.getByRole('button', { name: '重新提交' }).count()).toBe(0);
    await ui.logout();

    await ui.login('inst_gz1');
    await ui.openFromMenu('更正申请');
    const row = page.locator('tbody tr').filter({ hasText: second.certificateNumber });
    await row.getByTestId('correction-status').getByText('已退回').waitFor();
    expect(await pageOverflow()).toBe(0);
    await ui.shot('corrections-list-inst_gz1');
    await row.click();
    expect(await page.getByTestId('correction-return-reason').innerText()).toContain('请附上持证人身份证复印件');
    await page.getByRole('button', { name: '重新提交' }).click();
    const amend = page.getByRole('dialog');
    // The form starts from what was asked: the name, its new value, the reason and the statement.
    expect(await amend.getByRole('textbox', { name: /^姓名/ }).inputValue()).toBe(`${second.holderName}明`);
    await amend.getByTestId('attachment-chosen').getByText('数据勘误说明.pdf').waitFor();
    await amend.getByRole('textbox', { name: /^修改原因/ }).fill('姓名漏字，已附身份证复印件');
    await ui.shot('correction-resubmit-inst_gz1');
    await amend.getByRole('button', { name: '重新提交' }).click();
    await closed(amend);
    await told(`更正申请 #${id} 已重新提交`);
    await page
      .getByTestId('correction-facts')
      .getByTestId('correction-status')
      .getByText('处理中 · 市级审核')
      .waitFor();
    expect(await page.getByTestId('correction-reason').innerText()).toBe('姓名漏字，已附身份证复印件');
    const trail = await page.getByTestId('correction-decision').allInnerTexts();
    expect(trail.map((d) => d.split('\n')[0])).toEqual(['市级审核：退回', '市级审核：重新提交']);
    await ui.logout();

    // A colleague returns it again while gz_admin's page still offers 通过: the approval meets 409.
    await ui.login('gz_admin');
    await page.goto(`${app.baseUrl}/#/corrections/${id}/show`);
    await page.getByRole('button', { name: '通过', exact: true }).waitFor();
    const asColleague = await apiAs(app.baseUrl, 'gz_admin');
    await asColleague(`/api/admin/corrections/${id}/return`, {
      method: 'POST',
      body: { version: (await correction(id)).version, reason: '复印件不清晰' },
    });
    await page.getByRole('button', { name: '通过', exact: true }).click();
    const approve = page.getByRole('dialog');
    await approve.getByRole('button', { name: '确认通过' }).click();
    await approve.waitFor({ state: 'detached' });
    await page.getByText('该申请已被他人处理或修改，页面已刷新为最新状态').waitFor();
    await page.getByTestId('correction-facts').getByTestId('correction-status').getByText('已退回').waitFor();
    expect(await page.getByTestId('correction-return-reason').innerText()).toContain('复印件不清晰');
    expect(await page.getByRole('button', { name: '通过', exact: true }).count()).toBe(0);
    await ui.shot('correction-stale-gz_admin');
    await ui.logout();
    expect(await correction(id)).toMatchObject({ status: 'returned', stage: null });
  });

  it('a certificate in review is corrected by work order (附件4): 紧急 counts hours in 工单处理', async () => {
    await ui.login('inst_gz1');
    await page.goto(`${app.baseUrl}/#/certificates/${inReview.id}/show`);
    await page.getByTestId('request-modify').click();
    expect(await page.getByTestId('correction-route').innerText()).toContain('运维工单（未发布数据，附件4）');
    const order = page.getByTestId('work-order-inputs');
    // 普通 by default, each urgency with the form's note on its period.
    expect(await order.getByRole('radio', { name: '普通（一般5个工作日解决）' }).isChecked()).toBe(true);
    await order.getByRole('radio', { name: '紧急（一般24小时内解决）' }).check();
    expect(await order.getByRole('textbox', { name: /^变更模块名称/ }).inputValue()).toBe('职业技能等级认定监管');
    await page.getByRole('checkbox', { name: '姓名', exact: true }).check();
    await page
      .getByTestId('change-row-holderName')
      .getByRole('textbox', { name: /^姓名/ })
      .fill(`${inReview.holderName}华`);
    await page.getByRole('textbox', { name: /^修改原因/ }).fill('审核中发现姓名错字');
    expect(await pageOverflow()).toBe(0);
    await ui.shot('work-order-create-inst_gz1');
    await page.getByRole('button', { name: '提交修改申请' }).click();
    await page.waitForURL(/#\/corrections\/\d+\/show/);
    const facts = page.getByTestId('correction-facts');
    await facts.getByTestId('correction-status').getByText('处理中 · 工单处理').waitFor();
    expect(await facts.getByTestId('due-chip').innerText()).toMatch(/^剩余 2[34] 小时$/);
    const workOrder = await page.getByTestId('work-order-facts').innerText();
    for (const text of ['紧急', '一般24小时内解决', '02 数据修改', '职业技能等级认定监管']) {
      expect(workOrder).toContain(text);
    }
    await ui.shot('work-order-show-inst_gz1');
    await ui.logout();

    await ui.login('gz_admin');
    await ui.openFromMenu('更正审核');
    const row = page
      .getByTestId('queue-stage-work_order')
      .locator('tbody tr')
      .filter({ hasText: inReview.certificateNumber });
    await row.waitFor();
    await row.getByTestId('urgency-chip').getByText('紧急').waitFor();
    expect(await row.getByTestId('due-chip').innerText()).toMatch(/^剩余 2[34] 小时$/);
    expect(await pageOverflow()).toBe(0);
    await ui.shot('work-order-queue-gz_admin');
    await ui.logout();
  });

  it('gd_reviewer asks to delete a published certificate with 附件5-2, and is told in Chinese of the open request', async () => {
    await ui.login('gd_reviewer');
    await page.goto(`${app.baseUrl}/#/certificates/${second.id}/show`);
    await page.getByTestId('certificate-facts').waitFor();
    // The province deletes; modifications are the institution's.
    expect(await page.getByTestId('request-modify').count()).toBe(0);
    await page.getByTestId('request-delete').click();
    expect(await page.getByTestId('correction-route').innerText()).toContain('逻辑删除（已发布数据，附件5-2）');
    expect(await page.getByTestId('correction-field-inputs').count()).toBe(0);
    await page.getByRole('textbox', { name: /^删除原因/ }).fill('持证人书面放弃该证书');
    await page.getByRole('button', { name: '提交删除申请' }).click();
    // The commitment is required before anything is sent.
    await page.getByText('请上传或选择附件').waitFor();
    await page
      .getByTestId('attachment-file-input')
      .setInputFiles({ name: '证书持有人承诺书.pdf', mimeType: 'application/pdf', buffer: pdfFile('commitment') });
    await page.getByTestId('attachment-chosen').getByText('证书持有人承诺书.pdf').waitFor();
    expect(await pageOverflow()).toBe(0);
    await page.getByRole('button', { name: '提交删除申请' }).click();
    // Its returned modification is still open (R-20: one open request per certificate).
    const refusal = page.getByTestId('correction-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('该证书已有一项正在处理的修改或删除申请');
    expect(page.url()).toContain('#/corrections/create');
    await ui.shot('correction-delete-refused-gd_reviewer');
    // The app bar hides while the long form is scrolled down.
    await page.evaluate('window.scrollTo(0, 0)');
    await ui.logout();
  });
});
