import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { repoRoot } from './built-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(repoRoot, 'test', 'artifacts');
/** ARCHITECTURE.md's flags: headless, and no background traffic to outside servers this machine cannot reach. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=zh-CN',
];
export const DEMO_PASSWORD = 'Demo@2026';

export interface ConsoleBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page exceptions and 5xx answers since the last call (a step should leave none). */
  takeProblems(): string[];
  close(): Promise<void>;
}

/** Debian's Chromium through playwright-core, Chinese locale and Beijing time, as on a reviewer's desktop. */
export async function launchConsoleBrowser(): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'cert-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    // A UTF-8 locale every system has: under plain C, Chromium saves a download with a Chinese name as "download".
    env: { ...process.env, LANG: 'C.UTF-8', LANGUAGE: 'zh_CN:zh' },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
  });
  return {
    context,
    page,
    takeProblems: () => problems.splice(0),
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Signing in and out, menu navigation and screenshots for one page of the console. */
export function consoleActions(page: Page, baseUrl: string) {
  return {
    async login(username: string, password = DEMO_PASSWORD) {
      await page.goto(`${baseUrl}/#/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByTestId('welcome').waitFor();
    },
    async logout() {
      await page.getByRole('button', { name: '个人设置' }).click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    },
    async openFromMenu(label: string) {
      await page.getByTestId('app-menu').getByText(label, { exact: true }).click();
    },
    async shot(name: string) {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
  };
}

/**
 * Types a day ('2026-02-12') or a time ('2026-02-14T09:30') into one of the console's date pickers (MUI X, sections
 * for year, month, day, hour and minute) as a user does: focus the first section and type the digits; the picker
 * moves from section to section by itself.
 */
export async function typeIntoPicker(page: Page, field: Locator, value: string) {
  await field.locator('[role="spinbutton"]').first().click();
  await page.keyboard.type(value.replace(/\D/g, ''));
  await page.keyboard.press('Tab');
}
