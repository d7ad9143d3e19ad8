import type { Page } from 'playwright-core';
import type {
  QualityReport,
  DashboardLookupVolumes,
  DashboardMonthly,
  DashboardOverdueByRegion,
  DashboardScreening,
  DashboardWork,
} from '@app/contracts';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// R-40 role dashboards in Chromium: each role's 首页 draws its charts (an SVG inside each chart's figure, with bars or
// lines), shows the figures the aggregate endpoints return, complaints included, and at 1366 × 768 never
// scrolls sideways.

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

const noSidewaysScroll = () =>
  page.evaluate<boolean>('document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth');

/**
 * The chart's figure is there, named, and draws an SVG; where the API has a non-zero figure for it, the SVG holds
 * drawn marks (bars or lines).
 */
async function expectChart(testId: string, mark: 'bar' | 'line', nonZero: boolean) {
  const figure = page.getByTestId(testId);
  await figure.locator('svg').first().waitFor();
  expect(await figure.getAttribute('aria-label')).toMatch(/[\u4e00-\u9fff]/);
  if (!nonZero) return;
  const marks = figure.locator(mark === 'bar' ? 'svg .MuiBarChart-element' : 'svg .MuiLineChart-line');
  await marks.first().waitFor({ state: 'attached' });
  expect(await marks.count()).toBeGreaterThan(0);
}

async function figuresOf(username: string) {
  const api = await apiAs(app.baseUrl, username);
  const monthly = await api<DashboardMonthly>('/api/admin/dashboard/monthly?months=12');
  return {
    submissions: monthly.months.some((m) => m.submissions > 0),
    publications: monthly.months.some((m) => m.publications > 0),
    overdue: async () =>
      (await api<DashboardOverdueByRegion>('/api/admin/dashboard/overdue-by-region')).regions!.some((r) => r.total > 0),
    flags: async () => (await api<DashboardScreening>('/api/admin/dashboard/screening')).openFlags > 0,
    lookups: async () =>
      (await api<DashboardLookupVolumes>('/api/admin/dashboard/lookup-volumes?days=30')).modes.some((m) => m.total > 0),
  };
}

/** The work-by-kind table shows what the API counted, complaints included. */
async function expectWorkFigures(username: string) {
  const work = await (await apiAs(app.baseUrl, username))<DashboardWork>('/api/admin/dashboard/work');
  await page.getByTestId('work-by-kind').locator('table').waitFor();
  for (const g of work.groups) {
    const row = page.getByTestId(`work-kind-${g.kind}`);
    expect([g.kind, await row.getAttribute('data-value')]).toEqual([g.kind, g.total === null ? '' : String(g.total)]);
    expect(await row.innerText()).toContain(g.label);
  }
  expect(await page.getByTestId('work-kind-complaints').innerText()).not.toContain('暂无数据源');
  return work;
}

describe('role dashboards in Chromium at 1366 × 768', () => {
  beforeEach(async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('nat_reviewer: flags by rule, re-checks, lookup volumes by mode and the monthly charts', async () => {
    await ui.login('nat_reviewer');
    await page.getByTestId('role-figures').waitFor();
    const work = await expectWorkFigures('nat_reviewer');
    expect(work.groups.map((g) => g.kind)).toContain('flags');
    const f = await figuresOf('nat_reviewer');
    // The demo publishes certificates within the year and raises flags: those charts must draw something.
    expect(f.publications).toBe(true);
    await expectChart('chart-monthly-submissions', 'bar', f.submissions);
    await expectChart('chart-monthly-publications', 'bar', true);
    await expectChart('chart-flags-by-rule', 'bar', await f.flags());
    await expectChart('chart-lookup-volumes', 'line', await f.lookups());
    const screening = await (
      await apiAs(app.baseUrl, 'nat_reviewer')
    )<DashboardScreening>('/api/admin/dashboard/screening');
    expect(await page.getByTestId('open-flags').getAttribute('data-value')).toBe(String(screening.openFlags));
    expect(await page.getByTestId('rechecks-rechecks_open').getAttribute('data-value')).toBe(
      String(screening.rechecks.total),
    );
    await expect(noSidewaysScroll()).resolves.toBe(true);
    await ui.shot('dashboards-nat_reviewer-1366');
    await ui.logout();
  });

  it('gd_reviewer: re-checks, overdue by region and the monthly charts; no lookup volumes', async () => {
    await ui.login('gd_reviewer');
    await page.getByTestId('role-figures').waitFor();
    const work = await expectWorkFigures('gd_reviewer');
    expect(work.groups.map((g) => g.kind)).toEqual(['batches', 'rechecks', 'corrections', 'complaints']);
    const f = await figuresOf('gd_reviewer');
    // The demo has overdue work in Guangdong.
    expect(await f.overdue()).toBe(true);
    await expectChart('chart-overdue-by-region', 'bar', true);
    await expectChart('chart-monthly-publications', 'bar', f.publications);
    const screening = await (
      await apiAs(app.baseUrl, 'gd_reviewer')
    )<DashboardScreening>('/api/admin/dashboard/screening');
    expect(await page.getByTestId('rechecks-rechecks_overdue').getAttribute('data-value')).toBe(
      String(screening.rechecks.overdue),
    );
    await expect(page.getByTestId('chart-lookup-volumes').count()).resolves.toBe(0);
    await expect(noSidewaysScroll()).resolves.toBe(true);
    await ui.shot('dashboards-gd_reviewer-1366');
    await ui.logout();
  });

  it('gz_admin: pending by stage, overdue by region and the monthly charts', async () => {
    await ui.login('gz_admin');
    await page.getByTestId('role-figures').waitFor();
    await expectWorkFigures('gz_admin');
    await page.getByTestId('pending-by-stage').waitFor();
    const f = await figuresOf('gz_admin');
    await expectChart('chart-overdue-by-region', 'bar', await f.overdue());
    await expectChart('chart-monthly-submissions', 'bar', f.submissions);
    await expect(noSidewaysScroll()).resolves.toBe(true);
    await ui.shot('dashboards-gz_admin-1366');
    await ui.logout();
  });

  it('inst_gz1: its pending and returned batches and the monthly submissions chart; nothing of the centres', async () => {
    await ui.login('inst_gz1');
    await page.getByTestId('role-figures').waitFor();
    const work = await expectWorkFigures('inst_gz1');
    // Corrections: those a confirmed re-check leaves it to file, shown even at 0.
    expect(work.groups.map((g) => g.kind)).toEqual(['batches', 'corrections', 'complaints']);
    const monthly = await (
      await apiAs(app.baseUrl, 'inst_gz1')
    )<DashboardMonthly>('/api/admin/dashboard/monthly?months=12');
    expect(monthly.months).toHaveLength(12);
    await expectChart(
      'chart-monthly-submissions',
      'bar',
      monthly.months.some((m) => m.submissions > 0),
    );
    expect(await page.getByTestId('chart-monthly-submissions').getAttribute('aria-label')).toContain('首次提交批次');
    for (const centreOnly of ['chart-overdue-by-region', 'chart-flags-by-rule', 'rechecks-figures']) {
      await expect(page.getByTestId(centreOnly).count()).resolves.toBe(0);
    }
    await expect(noSidewaysScroll()).resolves.toBe(true);
    await ui.shot('dashboards-inst_gz1-1366');
    await ui.logout();
  });

  it('gd_reviewer: 质量通报 has a row per institution with the API figures and totals, scrolling inside, not sideways', async () => {
    await ui.login('gd_reviewer');
    await ui.openFromMenu('质量通报');
    await page.getByTestId('quality-report').waitFor();
    const title = await page.getByTestId('report-title').innerText();
    const [, from, to] = /（(\d{4}-\d{2}-\d{2}) 至 (\d{4}-\d{2}-\d{2})/.exec(title)!;
    const report = await (
      await apiAs(app.baseUrl, 'gd_reviewer')
    )<QualityReport>(`/api/admin/reports/quality?from=${from}&to=${to}`);
    expect(await page.locator('tr[data-institution]').count()).toBe(report.rows.length);
    const totals = page.getByTestId('report-totals');
    expect(await totals.locator('[data-figure=batches]').innerText()).toBe(String(report.totals.batches));
    expect(await totals.locator('[data-figure=complaints]').innerText()).toBe(String(report.totals.complaints));
    await expect(noSidewaysScroll()).resolves.toBe(true);
    await ui.shot('quality-report-gd_reviewer-1366');
    await ui.logout();
  });
});
