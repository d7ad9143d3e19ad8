import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { executableFile, pdfFile } from '../e2e/support/attachment-files';
import { startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// 附件 in real Chromium against the built app: the upload dialog's AttachmentInput uploads a scan with a
// Chinese name, shows its checksum, shows the API's refusal of a renamed program, and the list downloads the file.

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;
const PDF = pdfFile('browser');
const SHORT_SHA = (() => {
  const hash = createHash('sha256').update(PDF).digest('hex');
  return `${hash.slice(0, 10)}…${hash.slice(-6)}`;
})();

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

describe('附件 in Chromium', () => {
  it('uploads a scan through the attachment input, refuses a renamed program, lists and downloads the scan', async () => {
    await ui.login('inst_gz1');
    await ui.openFromMenu('附件');
    await page.getByRole('button', { name: '上传附件' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('本次上传的附件').waitFor();

    const input = dialog.getByTestId('attachment-file-input');
    await input.setInputFiles({ name: '培训学校勘误说明.pdf', mimeType: 'application/pdf', buffer: PDF });
    const chosen = dialog.getByTestId('attachment-chosen');
    await chosen.getByText('培训学校勘误说明.pdf').waitFor();
    expect(await chosen.innerText()).toContain(`SHA-256 ${SHORT_SHA}`);

    await input.setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: executableFile() });
    const refusal = dialog.getByTestId('attachment-upload-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('附件只能是 PDF、JPEG 或 PNG 文件');
    expect(await dialog.getByTestId('attachment-chosen').count()).toBe(1);
    await ui.shot('attachment-upload');

    await dialog.getByRole('button', { name: '完成' }).click();
    const row = page.locator('tr', { hasText: '培训学校勘误说明.pdf' });
    await row.waitFor();
    expect(await row.innerText()).toContain('数据勘误说明（附件5-1）');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: '下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('培训学校勘误说明.pdf');
    expect(readFileSync(await download.path()).equals(PDF)).toBe(true);
    await ui.shot('attachments');
  });
});
