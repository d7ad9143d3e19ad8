import type { Page } from 'playwright-core';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, typeIntoPicker, type ConsoleBrowser } from './support/console-browser';

// 工作日历 and 期限计算器 in real Chromium against the built app (APP_TODAY=2026-11-23, calendar years
// 2024–2026 loaded from config/holidays). Needs the routes /calendar and /deadline-calculator in App.tsx.

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;

/** The kind a day cell of the year grid shows (holiday, workday, weekend, working). */
async function kindOf(date: string) {
  return page.getByTestId('year-grid').locator(`[data-date="${date}"]`).getAttribute('data-kind');
}

/** Waits for a day cell to show `kind`: the grid refetches after a change, a moment after the notification. */
async function waitForKind(date: string, kind: string) {
  await page.getByTestId('year-grid').locator(`[data-date="${date}"][data-kind="${kind}"]`).waitFor();
}

async function chooseOption(combobox: RegExp, option: RegExp) {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).click();
}

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchConsoleBrowser();
  page = browser.page;
  ui = consoleActions(page, app.baseUrl);
  await ui.login('nat_admin');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(browser.takeProblems()).toEqual([]);
});

describe('工作日历 and 期限计算器 in Chromium', () => {
  it('offers both pages in nat_admin’s menu', async () => {
    const menu = page.getByTestId('app-menu');
    await menu.getByText('首页').waitFor();
    const text = await menu.innerText();
    expect(text).toContain('工作日历');
    expect(text).toContain('期限计算器');
  });

  it('shows 2026 (the server’s year) with its notice, 春节 off and the adjusted Saturdays', async () => {
    await page.goto(`${app.baseUrl}/#/calendar`);
    await page.getByTestId('year-grid').waitFor();
    await expect(page.getByTestId('year-select').inputValue()).resolves.toBe('2026');
    const notice = await page.getByTestId('calendar-notice').innerText();
    expect(notice).toContain('国务院办公厅关于2026年部分节假日安排的通知');
    expect(notice).toContain('国办发明电〔2025〕7号');

    // config/holidays/2026.json: 春节 2026-02-15 … 02-23 off; Saturdays 02-14 and 02-28 are working days.
    for (let d = 15; d <= 23; d++) await expect(kindOf(`2026-02-${d}`)).resolves.toBe('holiday');
    await expect(kindOf('2026-02-14')).resolves.toBe('workday');
    await expect(kindOf('2026-02-28')).resolves.toBe('workday');
    await expect(kindOf('2026-02-07')).resolves.toBe('weekend');
    await expect(kindOf('2026-02-12')).resolves.toBe('working');

    await page.getByTestId('year-grid').locator('[data-date="2026-02-17"]').hover();
    await page.getByRole('tooltip', { name: '2026-02-17 春节（放假）' }).waitFor();
    const list = await page.getByTestId('special-days').innerText();
    expect(list).toContain('2026-02-15（周日）');
    expect(list).toContain('调休上班');
    await page.mouse.move(0, 0);
    await ui.shot('calendar');
  });

  it('warns that 2027 is provisional', async () => {
    await page.getByRole('button', { name: '下一年' }).click();
    const warning = page.getByTestId('calendar-provisional');
    await expect(warning.innerText()).resolves.toContain(
      '2027 年国务院节假日安排尚未发布，本年度的期限按双休日临时计算，结果标记为“临时”。',
    );
    await expect(page.getByTestId('year-select').inputValue()).resolves.toBe('2027');
    await expect(kindOf('2027-02-06')).resolves.toBe('weekend');
    await expect(warning.getByRole('button', { name: '登记年度通知' }).isVisible()).resolves.toBe(true);
    await ui.shot('calendar-2027-provisional');
  });

  it('computes provincial_review from 2026-02-12 under the Guangdong profile as the API does', async () => {
    await page.goto(`${app.baseUrl}/#/deadline-calculator`);
    await chooseOption(/适用规定/, /^广东省/);
    await chooseOption(/期限规则/, /^省技能中心审核并上传部中心（15 个工作日）/);
    await typeIntoPicker(
      page,
      page.getByTestId('deadline-form').getByRole('group', { name: /接收证书数据之日/ }),
      '2026-02-12',
    );
    await page.getByRole('button', { name: '计算' }).click();

    // Guangdong: 15 working days, 2026-02-12 (Thu) not counted. 02-13 Fri (1), 02-14 Sat adjusted (2),
    // 02-15…02-23 春节 skipped, 02-24…02-27 (3–6), 02-28 Sat adjusted (7), 03-02…03-06 (8–12),
    // 03-09, 03-10, 03-11 (13–15): due Wednesday 2026-03-11.
    const api = await apiAs(app.baseUrl, 'nat_admin');
    const expected = await api<{ due: string }>(
      '/api/admin/calendar/deadline?rule=provincial_review&from=2026-02-12&profile=guangdong',
    );
    expect(expected.due).toBe('2026-03-11');
    await expect(page.getByTestId('deadline-due').innerText()).resolves.toBe('2026-03-11');
    const result = await page.getByTestId('deadline-result').innerText();
    expect(result).toContain('省技能中心审核并上传部中心：15 个工作日');
    expect(result).toContain('粤技服〔2022〕151号');
    expect(result).not.toContain('临时');
    const days = await page.getByTestId('deadline-days').innerText();
    expect(days).toContain('春节');
    expect(days).toContain('调休上班（计入）');
    await ui.shot('deadline-calculator');
  });

  it('marks a period reaching into 2027 as provisional, and lists only the rules of features that exist', async () => {
    await chooseOption(/适用规定/, /^全国指南/);
    await chooseOption(/期限规则/, /^评价机构上报证书数据（30 个工作日）/);
    await typeIntoPicker(
      page,
      page.getByTestId('deadline-form').getByRole('group', { name: /发证日期/ }),
      '2026-12-20',
    );
    await page.getByRole('button', { name: '计算' }).click();
    await expect(page.getByTestId('deadline-provisional').innerText()).resolves.toBe('临时（2027 年日历未发布）');

    // Work orders and the re-check appear when their features land; the API computes them already.
    await page.getByRole('combobox', { name: /期限规则/ }).click();
    const options = await page.getByRole('listbox').innerText();
    expect(options).toContain('上报');
    expect(options).not.toMatch(/运维工单|复核/);
    await page.keyboard.press('Escape');
  });

  it('lets nat_admin add and remove a day, and register the 2027 notice', async () => {
    await page.goto(`${app.baseUrl}/#/calendar`);
    await page.getByTestId('year-grid').waitFor();
    await page.getByRole('button', { name: '添加日期' }).click();
    const dialog = page.getByRole('dialog');
    await typeIntoPicker(page, dialog.getByRole('group', { name: /日期/ }), '2026-12-31');
    await dialog.getByLabel('调休上班').check();
    await dialog.getByLabel('名称').fill('测试');
    await dialog.getByLabel('原因').fill('浏览器测试');
    await dialog.getByRole('button', { name: '添加' }).click();
    await dialog.getByText('调休上班日应为星期六或星期日').waitFor();
    await dialog.getByLabel('放假').check();
    await dialog.getByRole('button', { name: '添加' }).click();
    await page.getByText('已添加 2026-12-31：测试（放假）').waitFor();
    await waitForKind('2026-12-31', 'holiday');

    await page.getByRole('button', { name: '删除 2026-12-31（测试，放假）' }).click();
    await dialog.getByLabel('原因').fill('测试完毕，撤销');
    await dialog.getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除 2026-12-31（测试，放假）').waitFor();
    await waitForKind('2026-12-31', 'working');

    await page.getByRole('button', { name: '下一年' }).click();
    await page.getByTestId('calendar-provisional').getByRole('button', { name: '登记年度通知' }).click();
    await expect(dialog.getByLabel(/通知标题/).inputValue()).resolves.toBe(
      '国务院办公厅关于2027年部分节假日安排的通知',
    );
    await dialog.getByLabel('原因').fill('国务院办公厅已发布2027年节假日安排');
    await dialog.getByRole('button', { name: '登记' }).click();
    await page.getByText(/已登记 2027 年节假日安排通知/).waitFor();
    await expect(page.getByTestId('calendar-notice').innerText()).resolves.toContain('2027年部分节假日安排的通知');
    await expect(page.getByTestId('calendar-provisional').count()).resolves.toBe(0);
  });
});
