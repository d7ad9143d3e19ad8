import type { Page } from 'playwright-core';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// In real Chromium (R-43): 广州's data administrator records a complaint that a certificate of 粤厨 is not online,
// 粤厨's operator answers it from 投诉处理, and 广州 closes it; on a second complaint someone else acted first and the
// page says so (409) and shows it as it now is. The phone is only ever shown masked. APP_TODAY=2026-11-23 (Monday).

const GZ1 = '广州市白云区粤厨职业培训学校';
const PHONE = '13912345678';

interface ComplaintDetail {
  id: number;
  status: string;
  version: number;
  dueDate: string;
  contactPhoneMasked: string;
}

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;
let certificateNumber = '';
let complaintId = 0;

const q = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
const rowWith = (text: string) => page.locator('tbody tr').filter({ hasText: text });

/** How far the widest table of the page would scroll sideways in its box (0: every column fits). */
function tableOverflow(): Promise<number> {
  return page.evaluate<number>(
    "Math.max(0, ...[...document.querySelectorAll('.RaDataTable-tableWrapper')].map((w) => w.scrollWidth - w.clientWidth))",
  );
}

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchConsoleBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  ui = consoleActions(page, app.baseUrl);
  const asCity = await apiAs(app.baseUrl, 'gz_admin');
  const [institution] = await asCity<{ id: number }[]>(`/api/admin/organisations?${q({ q: GZ1 })}`);
  const [batch] = await asCity<{ id: number }[]>(
    `/api/admin/batches?${q({ institutionId: institution.id, status: ['published'] })}&range=[0,0]`,
  );
  const [certificate] = await asCity<{ certificateNumber: string }[]>(
    `/api/admin/certificates?${q({ batchId: batch.id })}&range=[0,0]`,
  );
  certificateNumber = certificate.certificateNumber;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(browser.takeProblems()).toEqual([]);
});

describe('complaints in Chromium (R-43)', () => {
  it('gz_admin records a complaint for 粤厨 with its certificate: due in 5 working days, the phone masked', async () => {
    await ui.login('gz_admin');
    await ui.openFromMenu('投诉处理');
    await page.getByRole('link', { name: '登记投诉' }).click();
    await page.getByRole('combobox', { name: '评价机构' }).fill('粤厨');
    await page.getByRole('option', { name: new RegExp(GZ1) }).click();
    await page.getByLabel('投诉人（持证人）').fill('李四');
    await page.getByLabel('联系电话').fill('12345');
    await page.getByRole('combobox', { name: '投诉渠道' }).click();
    await page.getByRole('option', { name: '12333热线', exact: true }).click();
    await page.getByLabel('证书编号').fill('S0000000000000000000');
    await page.getByLabel('投诉内容').fill('9月取得的中式烹调师证书至今在全国联网查询系统查不到');
    await page.getByRole('button', { name: '保存' }).click();
    // Checked before anything is sent: the phone's format and the certificate number within the jurisdiction.
    await page.getByText('联系电话格式不正确，请填写手机号码或带区号的固定电话').waitFor();
    await page.getByText('本辖区内没有该证书编号').waitFor();
    await page.getByLabel('联系电话').fill(PHONE);
    await page.getByLabel('证书编号').fill(certificateNumber);
    await ui.shot('complaint-create-gz_admin');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/complaints\/\d+\/show$/);
    complaintId = Number(/complaints\/(\d+)\/show/.exec(page.url())![1]);
    const facts = page.getByTestId('complaint-facts');
    await facts.getByTestId('complaint-status').getByText('待机构答复').waitFor();
    expect(await facts.getByTestId('complaint-phone').innerText()).toBe('139****5678');
    expect(await facts.getByTestId('due-chip').innerText()).toBe('剩余 5 个工作日');
    await facts.getByRole('link', { name: certificateNumber }).waitFor();
    expect(await page.content()).not.toContain(PHONE);
    // The centre waits for the institution: no step for it yet.
    expect(await page.getByTestId('complaint-reply').count()).toBe(0);
    expect(await page.getByRole('button', { name: '办结' }).count()).toBe(0);
    await ui.shot('complaint-show-gz_admin');
    await ui.logout();
  });

  it('inst_gz1 finds it in 投诉处理 with its countdown and answers it', async () => {
    await ui.login('inst_gz1');
    await ui.openFromMenu('投诉处理');
    const row = rowWith('李四');
    await row.first().waitFor();
    expect(await row.first().getByTestId('due-chip').innerText()).toBe('剩余 5 个工作日');
    expect(await row.first().getByTestId('complaint-phone').innerText()).toBe('139****5678');
    expect(await tableOverflow()).toBe(0);
    await ui.shot('complaints-list-inst_gz1');
    await page.goto(`${app.baseUrl}/#/complaints/${complaintId}/show`);
    await page.getByRole('button', { name: '答复' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '提交答复' }).click();
    await dialog.getByText('必填').waitFor();
    await dialog.getByRole('textbox', { name: /^答复内容/ }).fill('该批次已于11月20日发布，证书现可查询');
    await dialog.getByRole('button', { name: '提交答复' }).click();
    await page.getByText(`投诉 #${complaintId} 已答复`).waitFor();
    await page.getByTestId('complaint-facts').getByTestId('complaint-status').getByText('机构已答复').waitFor();
    expect(await page.getByTestId('complaint-reply').innerText()).toBe('该批次已于11月20日发布，证书现可查询');
    expect(await page.getByRole('button', { name: '答复' }).count()).toBe(0);
    await ui.logout();
  });

  it('gz_admin closes it; on another complaint someone else acted first (409) and the page shows it as it is', async () => {
    const asCity = await apiAs(app.baseUrl, 'gz_admin');
    const asProvince = await apiAs(app.baseUrl, 'gd_admin');
    const asOperator = await apiAs(app.baseUrl, 'inst_gz1');
    const [institution] = await asCity<{ id: number }[]>(`/api/admin/organisations?${q({ q: GZ1 })}`);
    const other = await asCity<ComplaintDetail>('/api/admin/complaints', {
      method: 'POST',
      body: {
        holderName: '王五',
        contactPhone: '020-83456789',
        institutionId: institution.id,
        channel: 'letter',
        content: '证书查不到',
      },
    });
    await asOperator(`/api/admin/complaints/${other.id}/reply`, {
      method: 'POST',
      body: { version: 1, reply: '已补报' },
    });

    await ui.login('gz_admin');
    await page.goto(`${app.baseUrl}/#/complaints/${complaintId}/show`);
    await page.getByRole('button', { name: '办结' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^办结意见/ }).fill('经核实证书已可查询，已电话告知投诉人');
    await dialog.getByRole('button', { name: '确认办结' }).click();
    await page.getByText(`投诉 #${complaintId} 已办结`).waitFor();
    await page.getByTestId('complaint-facts').getByTestId('complaint-status').getByText('已办结').waitFor();
    expect(await page.getByTestId('complaint-closing-note').innerText()).toBe('经核实证书已可查询，已电话告知投诉人');
    expect(await page.getByRole('button', { name: '退回重新答复' }).count()).toBe(0);
    await ui.shot('complaint-closed-gz_admin');

    await page.goto(`${app.baseUrl}/#/complaints/${other.id}/show`);
    await page.getByTestId('complaint-facts').getByText('020-****6789').waitFor();
    await page.getByRole('button', { name: '退回重新答复' }).waitFor();
    // The province sends it back while this page still shows the reply waiting.
    await asProvince(`/api/admin/complaints/${other.id}/reopen`, {
      method: 'POST',
      body: { version: 2, reason: '未说明补报时间' },
    });
    await page.getByRole('button', { name: '办结' }).click();
    const stale = page.getByRole('dialog');
    await stale.getByRole('textbox', { name: /^办结意见/ }).fill('办结');
    await stale.getByRole('button', { name: '确认办结' }).click();
    await page.getByText('该投诉已被他人处理或修改，页面已刷新为最新状态，请核对后再操作。').waitFor();
    await page.getByTestId('complaint-facts').getByTestId('complaint-status').getByText('待机构答复').waitFor();
    expect(await page.getByTestId('complaint-reopen-reason').innerText()).toBe('未说明补报时间');
    expect(await page.getByRole('button', { name: '办结' }).count()).toBe(0);

    const list = await asCity<ComplaintDetail[]>(`/api/admin/complaints?${q({ id: [complaintId, other.id] })}`);
    expect(Object.fromEntries(list.map((c) => [c.id, c.status]))).toEqual({
      [complaintId]: 'closed',
      [other.id]: 'open',
    });
    await ui.logout();
  });
});
