import type { Page } from 'playwright-core';
import type { DashboardView } from '@app/contracts';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// 首页 as a work dashboard: the figures a role acts on, equal to the API's aggregate endpoint, each a link to
// the list it counts; at 1366 × 768 and 1920 × 1080 the page never scrolls sideways.

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchConsoleBrowser();
  page = browser.page;
  ui = consoleActions(page, app.baseUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(browser?.takeProblems() ?? []).toEqual([]);
});

const figure = (testId: string) => page.getByTestId(testId).getAttribute('data-value').then(Number);
const noSidewaysScroll = () =>
  page.evaluate<boolean>('document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth');

describe('首页 in Chromium', () => {
  it('gd_reviewer: 待我处理 figures equal the API, and 已逾期 opens 待我处理 narrowed to exactly those', async () => {
    const api = await apiAs(app.baseUrl, 'gd_reviewer');
    const view = await api<DashboardView>('/api/admin/dashboard');
    expect(view.pending.overdue).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1366, height: 768 });
    await ui.login('gd_reviewer');
    await page.getByTestId('work-figures').waitFor();
    await expect(figure('figure-pending')).resolves.toBe(view.pending.total);
    await expect(figure('figure-due-today')).resolves.toBe(view.pending.dueToday);
    await expect(figure('figure-due-soon')).resolves.toBe(view.pending.dueSoon);
    await expect(figure('figure-overdue')).resolves.toBe(view.pending.overdue);
    const stages = await page.getByTestId('pending-by-stage').innerText();
    for (const stage of view.pending.byStage) expect(stages).toContain(stage.label);
    await page.getByTestId('recent-decisions').waitFor();
    await expect(noSidewaysScroll()).resolves.toBe(true);
    await ui.shot('dashboard-gd_reviewer-1366');

    await page.getByTestId('figure-overdue').click();
    await page.getByTestId('queue-narrowing').waitFor();
    expect(await page.getByTestId('queue-narrowing').innerText()).toContain('已逾期');
    // The list's own total (仅显示：已逾期) is the figure.
    await page.getByText(new RegExp(`共 ${view.pending.overdue} 条`)).waitFor();
    await page.getByTestId('queue-narrowing').locator('svg').click();
    await page.getByTestId('queue-narrowing').waitFor({ state: 'detached' });
    await ui.logout();
  });

  it('gd_admin: the organisations below with their open and overdue work, at 1920 × 1080', async () => {
    const api = await apiAs(app.baseUrl, 'gd_admin');
    const view = await api<DashboardView>('/api/admin/dashboard');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await ui.login('gd_admin');
    const table = page.getByTestId('organisations-below');
    await table.waitFor();
    const text = await table.innerText();
    for (const o of view.organisationsBelow!) expect(text).toContain(o.name);
    await expect(page.getByTestId('organisation-below').count()).resolves.toBe(view.organisationsBelow!.length);
    await expect(noSidewaysScroll()).resolves.toBe(true);
    await ui.shot('dashboard-gd_admin-1920');
    await ui.logout();
  });

  it('the auditor gets its pages as tiles, and no work figures', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await ui.login('auditor');
    await page.getByText('审计日志').first().waitFor();
    await expect(page.getByTestId('work-figures').count()).resolves.toBe(0);
    await ui.logout();
  });

  it('inst_gz1 on a phone (390 × 844): the pages an institution uses never scroll sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await ui.login('inst_gz1');
    const api = await apiAs(app.baseUrl, 'inst_gz1');
    const [batch] = await api<Array<{ id: number }>>('/api/admin/batches?range=[0,0]');
    for (const route of ['/', '/queue', '/batches', '/batches/create', `/batches/${batch.id}/show`, '/deadlines']) {
      await page.goto(`${app.baseUrl}/#${route}`);
      await page.waitForLoadState('networkidle');
      await page.getByTestId('app-menu').or(page.locator('.RaLayout-content')).first().waitFor();
      await expect(noSidewaysScroll()).resolves.toBe(true);
    }
    await ui.shot('batch-inst_gz1-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await ui.logout();
  });
});
