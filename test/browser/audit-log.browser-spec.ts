import type { Page } from 'playwright-core';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// 审计日志 for auditors, not developers: Chinese actions and targets, before/after as a labelled table, no
// internal codes, API paths or JSON anywhere on the page, and the demo batches' history in the trail.

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;

/** What a developer would see and an auditor should not: codes like batch.submit, API paths, JSON. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\b(auth|batch|user|organisation|certificate|calendar|request|demo|mail|jobs)\.[a-z]/);
  expect(text).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
  expect(text).not.toContain('/api/');
  expect(text).not.toContain('{');
  expect(text).not.toContain('::ffff:');
}

async function chooseAction(label: string) {
  await page.getByRole('combobox', { name: '操作' }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
  // The list refetches: wait until every record row (not an expanded panel) shows the chosen action.
  await page.waitForFunction((action) => {
    // This runs in the page (no DOM types in the tests' compilation): only what it needs is declared.
    type Row = { children: { length: number }; innerText: string };
    const { document } = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Row> } };
    const rows = Array.from(document.querySelectorAll('table tbody tr')).filter((tr) => tr.children.length > 3);
    return rows.length > 0 && rows.every((tr) => tr.innerText.includes(action));
  }, label);
}

beforeAll(async () => {
  app = await startBuiltApp();
  // Something to read besides the demo history: an edit, a refused request and a failed login.
  const gzAdmin = await apiAs(app.baseUrl, 'gz_admin');
  const organisations = await gzAdmin<{ id: number; name: string; version: number }[]>(
    `/api/admin/organisations?filter=${encodeURIComponent(JSON.stringify({ q: '番禺精工' }))}`,
  );
  const panyu = organisations.find((o) => o.name === '广州番禺精工机械制造有限公司')!;
  await gzAdmin(`/api/admin/organisations/${panyu.id}`, {
    method: 'PUT',
    body: { version: panyu.version, status: 'ceased' },
  });
  await gzAdmin('/api/admin/organisations/999999', { method: 'PUT', body: { version: 1, name: '越权' } }).catch(
    () => undefined,
  );
  await fetch(`${app.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'gz_admin', password: 'Wrong#2026x' }),
  });
  browser = await launchConsoleBrowser();
  page = browser.page;
  ui = consoleActions(page, app.baseUrl);
  await ui.login('auditor');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(browser.takeProblems()).toEqual([]);
});

describe('the audit log without internal codes', () => {
  it('lists actions, people, targets and outcomes in Chinese, IPv4 addresses as IPv4', async () => {
    await ui.openFromMenu('审计日志');
    await page.locator('table tbody tr').first().waitFor();
    const text = await page.locator('table').innerText();
    expect(text).toContain('修改机构');
    expect(text).toContain('机构 广州番禺精工机械制造有限公司');
    expect(text).toContain('请求被拒绝');
    expect(text).toMatch(/127\.0\.0\.1/);
    expectNoInternals(await page.locator('body').innerText());
    await ui.shot('audit-log-list');
  });

  it('offers the 操作 filter in Chinese, without codes and without a blank first option', async () => {
    await page.getByRole('combobox', { name: '操作' }).click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options[0]).toBe('全部操作');
    expect(options).toContain('提交批次');
    for (const option of options) {
      expect(option.trim()).not.toBe('');
      expect(option).toMatch(/^[\u4e00-\u9fa5（）、]+$/);
    }
    await page.keyboard.press('Escape');
  });

  it('expands a change into a two-column table of labelled fields with the changed value highlighted', async () => {
    await chooseAction('修改机构');
    await page.locator('table tbody tr').first().click();
    const detail = page.getByTestId('audit-log-detail');
    await detail.waitFor();
    const changes = detail.getByTestId('audit-log-changes');
    await expect(changes.locator('thead').innerText()).resolves.toMatch(/修改前\s+修改后/);
    const changed = changes.locator('tr[data-changed]');
    await expect(changed.filter({ hasText: '状态' }).innerText()).resolves.toMatch(/状态\s+正常\s+停止认定/);
    expect(await changed.filter({ hasText: '状态' }).count()).toBe(1);
    expectNoInternals(await page.locator('body').innerText());
    await ui.shot('audit-log-change');
  });

  it('reads a refused request as its Chinese reason, without its path or code', async () => {
    await chooseAction('请求被拒绝');
    await page.locator('table tbody tr').first().click();
    const detail = page.getByTestId('audit-log-detail');
    await detail.waitFor();
    await expect(detail.innerText()).resolves.toMatch(/说明：[\u4e00-\u9fa5]/);
    expectNoInternals(await page.locator('body').innerText());
  });

  it("shows the demo batches' history: uploads, approvals and returns by their people", async () => {
    await chooseAction('整批退回');
    const returned = await page.locator('table tbody').innerText();
    expect(returned).toContain('gd_reviewer');
    expect(returned).toMatch(/批次 #\d+ · 广州市白云区粤厨职业培训学校/);
    await page.locator('table tbody tr').first().click();
    await expect(page.getByTestId('audit-log-changes').innerText()).resolves.toContain('已退回');
    expectNoInternals(await page.locator('body').innerText());

    await chooseAction('上传批次');
    const uploads = await page.locator('table tbody').innerText();
    expect(uploads).toContain('inst_gz1');
    await chooseAction('审核通过并发布');
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    await ui.shot('audit-log-demo-history');
  });

  it('verifies the chain with the demo history in it', async () => {
    await page.getByRole('button', { name: '校验日志链' }).click();
    await expect(page.getByTestId('audit-verify-result').innerText()).resolves.toContain('日志链完整');
    await page.getByRole('button', { name: '关闭' }).click();
  });
});
