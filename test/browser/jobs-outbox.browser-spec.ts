import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { jobLabel, type JobView } from '@app/contracts';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// 定时任务, 邮件发件箱 and 我的提醒 in real Chromium against the built app with demo data.
// The page lists the application's own jobs (deadline-reminders first) by their Chinese names.

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;
let jobs: JobView[];
let deadMailId: number;
let remindersAnswered: boolean;

// Distinct from the subjects the real reminder job writes when a test runs it now.
const SUBJECT = '【证书数据监管平台】您有 1 项待办即将到期（浏览器测试邮件）';

/**
 * A mail given up after its tries, as the dispatcher leaves it: no endpoint writes mails, so the row goes in
 * directly. Its HTML carries a script and a form, which the sandboxed preview must not run or submit.
 */
function insertDeadMail(file: string): number {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    const at = '2026-11-23 01:00:00.000';
    const result = db
      .prepare(
        `INSERT INTO mail_outbox (recipient, subject, text, html, status, attempts, next_attempt_at, last_error, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'dead', 8, ?, ?, ?, ?)`,
      )
      .run(
        'gz_admin@demo.example.cn',
        SUBJECT,
        '您好：\n即将到期：批次 1（广州测试机构，12 条记录）',
        '<p id="greeting">您好：</p><p>即将到期：批次 1（广州测试机构，12 条记录）</p>' +
          '<script>document.getElementById("greeting").textContent = "脚本已运行"; parent.document.title = "pwned";</script>',
        at,
        '无法连接邮件服务器（connect ECONNREFUSED 127.0.0.1:25）',
        at,
        at,
      );
    return Number(result.lastInsertRowid);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  app = await startBuiltApp();
  const asNational = await apiAs(app.baseUrl, 'nat_admin');
  jobs = await asNational<JobView[]>('/api/admin/jobs');
  remindersAnswered = await asNational('/api/admin/my-reminders').then(
    () => true,
    () => false,
  );
  deadMailId = insertDeadMail(app.databaseFile);
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

describe('定时任务, 邮件发件箱 and 我的提醒 in Chromium', () => {
  it('offers both pages to nat_admin only', async () => {
    await ui.login('gz_admin');
    const menu = page.getByTestId('app-menu');
    await menu.getByText('首页').waitFor();
    expect(await menu.innerText()).not.toMatch(/定时任务|邮件发件箱/);
    await ui.logout();

    await ui.login('nat_admin');
    await menu.getByText('首页').waitFor();
    const text = await menu.innerText();
    expect(text).toContain('定时任务');
    expect(text).toContain('邮件发件箱');
    await page.waitForLoadState('networkidle');
    // 我的提醒 shows once the API answers it; before that the home page simply leaves the card out.
    const card = page.getByTestId('my-reminders');
    if (remindersAnswered) await card.waitFor();
    else expect(await card.count()).toBe(0);
    await ui.shot('dashboard-reminders-nat_admin');
  });

  it('定时任务: jobs with their schedule in words, 立即运行 after confirmation, the run history', async () => {
    await ui.openFromMenu('定时任务');
    await page.getByText('运行记录', { exact: true }).waitFor();
    if (jobs.length === 0) {
      await page.getByTestId('jobs-empty').waitFor();
      await page
        .getByTestId('job-runs')
        .getByText(/没有找到|暂无/)
        .waitFor();
      await page.waitForLoadState('networkidle');
      await ui.shot('jobs-nat_admin');
      return;
    }
    const job = jobs[0];
    expect(job.name).toBe('deadline-reminders');
    const row = page.getByTestId('jobs-table').locator(`tr[data-job="${job.name}"]`);
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('到期提醒');
    expect(rowText).toContain(job.description);
    expect(rowText).toContain('每天 08:30');
    // Codes stay out of what the page says (the job's code is only a hint on hover).
    expect(await page.getByTestId('jobs-table').innerText()).not.toMatch(/[a-z]+-[a-z]+/);
    await ui.shot('jobs-nat_admin');

    await row.getByRole('button', { name: '立即运行' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText(new RegExp(`任务“${jobLabel(job.name)}”已运行`)).waitFor({ timeout: 60_000 });
    await page.getByTestId('job-runs').getByText('手动').first().waitFor();
    const runs = await page.getByTestId('job-runs').innerText();
    expect(runs).toContain(jobLabel(job.name));
    // The run's counts in Chinese: what the reminder job did, no counter codes.
    const counts = await page.getByTestId('run-counts').first().innerText();
    expect(counts).toMatch(/待办项 \d+，新提醒 \d+，已提醒过 \d+，摘要邮件 \d+，无邮箱跳过人数 \d+，无人负责项 \d+/);
    expect(runs).not.toMatch(/items|events|skippedNoEmail|withoutRecipient|deadline-reminders/);
    await ui.shot('jobs-after-run-nat_admin');
  });

  it('邮件发件箱: status chips and the recipient filter; the mail as sent, sandboxed; 重新发送 a dead mail', async () => {
    await ui.openFromMenu('邮件发件箱');
    const table = page.locator('table').first();
    await table.getByText(SUBJECT).waitFor();
    expect(await table.innerText()).toContain('已放弃');

    await page.getByRole('textbox', { name: '收件人' }).fill('nobody-here');
    await table.getByText(SUBJECT).waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: '收件人' }).fill('gz_admin@');
    await table.getByText(SUBJECT).waitFor();
    await ui.shot('outbox-nat_admin');

    await table.getByText(SUBJECT).click();
    await page.waitForURL(new RegExp(`#/outbox/${deadMailId}/show`));
    const frame = page.getByTestId('mail-html');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    // The list's row (without the bodies) may stand in until the mail itself has arrived.
    await page.waitForFunction(
      `document.querySelector('[data-testid="mail-html"]')?.getAttribute('srcdoc')?.includes('广州测试机构')`,
    );
    // The sandbox runs no script: the greeting stays as written and the console's title is untouched.
    await expect(page.frameLocator('[data-testid="mail-html"]').locator('#greeting').innerText()).resolves.toBe(
      '您好：',
    );
    expect(await page.title()).not.toBe('pwned');
    expect(await page.getByTestId('mail-text').innerText()).toContain('12 条记录');
    expect(await page.locator('main').innerText()).toContain('无法连接邮件服务器');
    await ui.shot('outbox-mail-nat_admin');

    await page.getByRole('button', { name: '重新发送' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('邮件已放回待发送队列').waitFor();
    await page.locator('[data-status="pending"]').first().waitFor();
    expect(await page.getByRole('button', { name: '重新发送' }).count()).toBe(0);
  });
});
