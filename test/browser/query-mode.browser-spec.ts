import type { Page } from 'playwright-core';
import { startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// 查询模式 and 查询量统计 in real Chromium against the built app (APP_TODAY=2026-11-23: after the default
// schedule's parallel period, so both kinds are 仅新版查询 until the schedule is changed).

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;

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

const modeOf = (testId: string) => page.getByTestId(testId).getAttribute('data-mode');

describe('查询模式 and 查询量统计 in Chromium', () => {
  it('shows both kinds’ timelines and announcements to nat_admin', async () => {
    await ui.openFromMenu('查询模式');
    await page.getByTestId('query-mode-skill_level').waitFor();
    await expect(modeOf('mode-qualification')).resolves.toBe('new');
    await expect(modeOf('mode-skill_level')).resolves.toBe('new');
    const timeline = page.getByTestId('timeline-skill_level');
    await expect(timeline.locator('[data-current="true"]').getAttribute('data-mode')).resolves.toBe('new');
    const text = await timeline.innerText();
    expect(text).toContain('2025年11月30日 及以前');
    expect(text).toContain('2025年12月1日 至 2026年2月28日');
    expect(text).toContain('2026年3月1日 起');
    expect(await page.getByTestId('announcement-text-qualification').innerText()).toContain('新版证书查询功能');
  });

  it('shows what the public sees on a chosen day', async () => {
    const day = page.getByTestId('preview-day');
    await day.fill('2025-11-30');
    await page.locator('[data-testid="preview-skill_level"][data-mode="old"]').waitFor();
    await day.fill('2025-12-01');
    await page.locator('[data-testid="preview-skill_level"][data-mode="both"]').waitFor();
    const both = await page.getByTestId('preview-qualification').innerText();
    expect(both).toContain('新旧版并行');
    expect(both).toMatch(/旧版查询（免登录）\s*开放\s*新版查询（实名登录）\s*开放/);
    await day.fill('2026-03-01');
    await page.locator('[data-testid="preview-qualification"][data-mode="new"]').waitFor();
    expect(await page.getByTestId('preview-qualification').innerText()).toMatch(/旧版查询（免登录）\s*关闭/);
  });

  it('warns about a gap, then saves an extended parallel period with its reason into the history', async () => {
    const form = page.getByTestId('query-mode-form-skill_level');
    await page.getByTestId('new-mode-start-skill_level').fill('2027-01-10');
    await page.getByTestId('old-mode-last-day-skill_level').fill('2026-12-31');
    await page.getByTestId('gap-skill_level').waitFor();
    await page.getByTestId('new-mode-start-skill_level').fill('2025-12-01');
    await page.getByTestId('gap-skill_level').waitFor({ state: 'detached' });
    await page.getByTestId('reason-skill_level').fill('旧版查询延长至年底');
    await form.getByRole('button', { name: '保存调整' }).click();
    await page.getByText('查询模式已调整').waitFor();
    await page.locator('[data-testid="mode-skill_level"][data-mode="both"]').waitFor();
    await expect(modeOf('mode-qualification')).resolves.toBe('new');
    const history = page.getByTestId('query-mode-history');
    await history.waitFor();
    const row = await history.locator('tbody tr').first().innerText();
    expect(row).toContain('职业技能等级证书');
    expect(row).toContain('2025-12-01 / 2026-02-28');
    expect(row).toContain('2025-12-01 / 2026-12-31');
    expect(row).toContain('旧版查询延长至年底');
    await ui.shot('query-mode');
  });

  it('counts the public’s old-mode queries per day in 查询量统计', async () => {
    // Two anonymous queries now that the skill-level old mode is open again (neither finds anything).
    for (const name of ['张三', '李四']) {
      const res = await fetch(`${app.baseUrl}/api/lookup/old`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'skill_level', certificateNumber: 'S0000000000000000000001', name }),
      });
      expect(await res.json()).toEqual({ results: [] });
    }
    await ui.openFromMenu('查询量统计');
    const row = page.getByTestId('lookup-stats').locator('tr[data-day="2026-11-23"]');
    await row.waitFor();
    await expect(row.locator('td[data-mode="old"]').innerText()).resolves.toBe('2');
    await ui.shot('lookup-stats');
  });
});
