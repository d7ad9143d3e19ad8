import type { Page } from 'playwright-core';
import { certificateNumber } from '../e2e/support/batch-sheets';
import { buildSheet, guangzhouRow, loginToken, uploadSheet, type SheetRow } from './support/batch-sheet';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// In real Chromium: screening flags two people who each got three certificates within 30
// days (R-25, frequent_holder); the national reviewer dismisses one flag, suspends one certificate of the other and
// then the rest; the Guangdong reviewer restores one in 复核, and meets someone else's decision on another
// (409); the certificate page tells flag → suspension → restore. APP_TODAY=2026-11-23.

interface Api {
  <T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
}

interface FlagRow {
  id: number;
  rule: string;
  status: string;
  certificateIds: number[];
  certificateNumbers: string[];
}

interface RecheckRow {
  id: number;
  certificateId: number;
  certificateNumber: string;
  status: string;
  version: number;
}

interface CertificateRow {
  id: number;
  certificateNumber: string;
  status: string;
  lookupStatus?: string | null;
}

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
let ui: ReturnType<typeof consoleActions>;
let asNational: Api;
let batchId = 0;
/** The two people's certificates, three each: A is suspended, B's flag dismissed. */
let personA: CertificateRow[] = [];
let personB: CertificateRow[] = [];
let flagA: FlagRow;
let flagB: FlagRow;

const q = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Three certificates of one person from 粤厨 within three days: two levels of 中式烹调师 and one of 中式面点师. */
function threeOf(seed: number): SheetRow[] {
  const first = guangzhouRow(seed, { 发证日期: '2026-11-16' });
  const same = { 姓名: first.姓名, 证件号码: first.证件号码, 性别: first.性别, 出生日期: first.出生日期 };
  return [
    first,
    guangzhouRow(seed + 1, {
      ...same,
      职业技能等级: '三级/高级工',
      证书编号: certificateNumber(3),
      发证日期: '2026-11-17',
    }),
    guangzhouRow(seed + 2, {
      ...same,
      职业编码: '4-03-02-02',
      职业名称: '中式面点师',
      '工种/职业方向': '中式面点师',
      发证日期: '2026-11-18',
    }),
  ];
}

/** Submit and approve at every stage through the API, up to 已发布. */
async function publish(id: number) {
  const asOperator = await apiAs(app.baseUrl, 'inst_gz1');
  const draft = await asOperator<{ version: number }>(`/api/admin/batches/${id}`);
  await asOperator(`/api/admin/batches/${id}/submit`, { method: 'POST', body: { version: draft.version } });
  for (const user of ['gz_admin', 'gz_head', 'gd_reviewer', 'nat_reviewer']) {
    const as = await apiAs(app.baseUrl, user);
    const { version } = await as<{ version: number }>(`/api/admin/batches/${id}`);
    await as(`/api/admin/batches/${id}/approve`, { method: 'POST', body: { version } });
  }
}

const certificate = (id: number) => asNational<CertificateRow>(`/api/admin/certificates/${id}`);

async function flagOf(certificateId: number): Promise<FlagRow> {
  const flags = await asNational<FlagRow[]>(`/api/admin/flags?${q({ certificateId, rule: 'frequent_holder' })}`);
  expect(flags).toHaveLength(1);
  return flags[0];
}

/** How far the widest table of the page would scroll sideways in its box (0: every column fits). */
function tableOverflow(): Promise<number> {
  return page.evaluate<number>(
    "Math.max(0, ...[...document.querySelectorAll('.RaDataTable-tableWrapper')].map((w) => w.scrollWidth - w.clientWidth))",
  );
}

/** The row of a table that shows `text`. */
const rowWith = (text: string) => page.locator('tbody tr').filter({ hasText: text });

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchConsoleBrowser();
  page = browser.page;
  // The reviewers' common desktop: every page here must read without sideways scrolling at 1366 px.
  await page.setViewportSize({ width: 1366, height: 768 });
  ui = consoleActions(page, app.baseUrl);
  asNational = await apiAs(app.baseUrl, 'nat_reviewer');

  const token = await loginToken(app.baseUrl, 'inst_gz1');
  const rowsA = threeOf(601);
  const rowsB = threeOf(611);
  const sheet = await buildSheet(app.baseUrl, token, [...rowsA, ...rowsB]);
  batchId = (await uploadSheet(app.baseUrl, token, sheet, '粤厨-筛查.xlsx')).id;
  await publish(batchId);
  const records = await asNational<CertificateRow[]>(
    `/api/admin/certificates?${q({ batchId })}&sort=["rowNumber","ASC"]`,
  );
  expect(records.map((r) => r.status)).toEqual(Array(6).fill('published'));
  personA = records.filter((r) => rowsA.some((row) => row.证书编号 === r.certificateNumber));
  personB = records.filter((r) => rowsB.some((row) => row.证书编号 === r.certificateNumber));

  const asAdmin = await apiAs(app.baseUrl, 'nat_admin');
  await asAdmin('/api/admin/jobs/screening/run', { method: 'POST', body: { full: true } });
  flagA = await flagOf(personA[0].id);
  flagB = await flagOf(personB[0].id);
  expect([...flagA.certificateIds].sort()).toEqual(personA.map((c) => c.id).sort());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(browser.takeProblems()).toEqual([]);
});

describe('screening, suspension and re-check in Chromium', () => {
  it('nat_reviewer: 疑似问题 by rule, a flag with its figures and certificates side by side, 排除 with a reason', async () => {
    await ui.login('nat_reviewer');
    await ui.openFromMenu('疑似问题');
    const tile = page.getByTestId('flag-rule-frequent_holder');
    await tile.waitFor();
    expect(Number(await tile.getByTestId('flag-rule-open').innerText())).toBeGreaterThanOrEqual(2);
    await tile.getByRole('button').first().click();
    await rowWith(personB[0].certificateNumber).waitFor();
    await rowWith(personA[0].certificateNumber).waitFor();
    // Every row listed is of that rule and waiting for a decision.
    const statuses = await page.locator('tbody [data-testid="flag-status"]').allInnerTexts();
    expect(new Set(statuses)).toEqual(new Set(['待处理']));
    expect(await tableOverflow()).toBe(0);
    await ui.shot('flags-list-nat_reviewer');

    await rowWith(personB[0].certificateNumber).click();
    await page.getByTestId('flag-facts').waitFor();
    expect(await page.getByTestId('flag-summary').innerText()).toMatch(/30 天内取得 3 本证书/);
    const figures = await page.getByTestId('flag-figures').innerText();
    expect(figures).toMatch(/数量\s+3/);
    expect(figures).toMatch(/阈值\s+3/);
    expect(figures).toMatch(/天数\s+30/);
    const evidence = page.getByTestId('flag-certificates');
    for (const c of personB) await evidence.getByRole('link', { name: c.certificateNumber }).waitFor();
    // ID numbers masked.
    for (const shown of await evidence.getByTestId('id-number').allInnerTexts()) expect(shown).toMatch(/^\*{14}/);
    expect(await tableOverflow()).toBe(0);
    await ui.shot('flag-show-nat_reviewer');

    await page.getByRole('button', { name: '排除' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认排除' }).click();
    // The reason is required.
    await dialog.getByText('必填').waitFor();
    await dialog.getByRole('textbox', { name: /^排除理由/ }).fill('同一人参加三个项目培训，属正常取证');
    await dialog.getByRole('button', { name: '确认排除' }).click();
    await page.getByText(`疑似问题 #${flagB.id} 已排除`).waitFor();
    await page.getByTestId('flag-facts').getByTestId('flag-status').getByText('已排除').waitFor();
    expect(await page.getByTestId('flag-decision').innerText()).toContain('同一人参加三个项目培训，属正常取证');
    expect(await page.getByRole('button', { name: '排除' }).count()).toBe(0);
    expect((await flagOf(personB[0].id)).status).toBe('dismissed');
  });

  it('nat_reviewer suspends one certificate, then the rest of the flag; the result names the one skipped', async () => {
    await page.goto(`${app.baseUrl}/#/flags/${flagA.id}/show`);
    const evidence = page.getByTestId('flag-certificates');
    await evidence.waitFor();
    await page.getByTestId(`suspend-certificate-${personA[0].id}`).click();
    const one = page.getByRole('dialog');
    await one.getByRole('textbox', { name: /^暂停原因/ }).fill('三本证书发证间隔过短，先行暂停');
    await one.getByRole('button', { name: '确认暂停' }).click();
    await page
      .getByText(new RegExp(`证书 ${personA[0].certificateNumber} 已暂停查询，复核期限 \\d{4}-\\d{2}-\\d{2}`))
      .waitFor();
    await rowWith(personA[0].certificateNumber).getByRole('link', { name: '复核中' }).waitFor();
    expect((await certificate(personA[0].id)).lookupStatus).toBe('suspended');

    await page.getByRole('button', { name: '全部暂停查询' }).click();
    const all = page.getByRole('dialog');
    await all.getByText('将暂停本疑似问题涉及的 3 张证书的查询').waitFor();
    await all.getByRole('textbox', { name: /^暂停原因/ }).fill('同一证件号码 3 天内取得 3 本证书，待省级复核');
    await all.getByRole('button', { name: '确认暂停' }).click();
    const result = page.getByTestId('suspend-result');
    await result.getByText('已暂停 2 张证书的查询并生成复核任务；跳过 1 张。').waitFor();
    for (const c of personA.slice(1)) await result.getByRole('link', { name: c.certificateNumber }).waitFor();
    expect(await page.getByTestId('suspend-result-skipped').innerText()).toContain(personA[0].certificateNumber);
    await ui.shot('flag-suspend-result');
    await page.getByRole('button', { name: '知道了' }).click();

    await page.getByTestId('flag-facts').getByTestId('flag-status').getByText('已暂停查询 · 复核中').waitFor();
    expect(await page.getByTestId('flag-rechecks').innerText()).toBe('待复核 3 张 · 已恢复查询 0 张 · 已确认问题 0 张');
    const lookup = await page.getByTestId('flag-certificates').getByTestId('lookup-status').allInnerTexts();
    expect(lookup).toEqual(['暂停查询', '暂停查询', '暂停查询']);
    for (const c of personA) expect((await certificate(c.id)).lookupStatus).toBe('suspended');
    await ui.shot('flag-suspended');

    // 暂停查询 lists them with their re-check countdown.
    await ui.openFromMenu('暂停查询');
    for (const c of personA) {
      const row = rowWith(c.certificateNumber);
      await row.waitFor();
      expect(await row.getByTestId('due-chip').innerText()).toMatch(/^剩余 \d+ 个工作日$/);
    }
    expect(await tableOverflow()).toBe(0);
    await ui.shot('rechecks-list-nat_reviewer');
    await ui.logout();
  });

  it('gd_reviewer restores one in 复核, and is told when another was decided first (409)', async () => {
    const asProvince = await apiAs(app.baseUrl, 'gd_reviewer');
    const open = await asProvince<RecheckRow[]>(`/api/admin/rechecks?${q({ status: 'open' })}`);
    const mine = personA.map((c) => open.find((r) => r.certificateId === c.id)!);
    expect(mine.every(Boolean)).toBe(true);

    await ui.login('gd_reviewer');
    await ui.openFromMenu('复核');
    const row = rowWith(personA[0].certificateNumber);
    await row.waitFor();
    expect(await row.getByTestId('due-chip').innerText()).toMatch(/^剩余 \d+ 个工作日$/);
    expect(await tableOverflow()).toBe(0);
    await ui.shot('recheck-queue-gd_reviewer');
    await row.getByRole('link', { name: '去复核' }).click();
    await page.getByTestId('recheck-facts').waitFor();
    expect(await page.getByTestId('suspend-reason').innerText()).toBe('三本证书发证间隔过短，先行暂停');
    expect(await page.getByTestId('recheck-flag-link').innerText()).toContain(`疑似问题 #${flagA.id}`);
    await page.getByTestId('certificate-facts').getByText(personA[0].certificateNumber).waitFor();
    await ui.shot('recheck-show-gd_reviewer');

    await page.getByRole('button', { name: '恢复查询' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^复核意见/ }).fill('经核实该学员分别参加三个项目培训考核，数据真实');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText(`证书 ${personA[0].certificateNumber} 已恢复查询`).waitFor();
    await page.getByTestId('recheck-facts').getByText('已恢复查询').waitFor();
    expect(await page.getByRole('button', { name: '恢复查询' }).count()).toBe(0);
    expect((await certificate(personA[0].id)).lookupStatus).toBe('visible');

    // Another reviewer restores the second one while this page still shows it open.
    await page.goto(`${app.baseUrl}/#/rechecks/${mine[1].id}/show`);
    await page.getByRole('button', { name: '确认问题' }).waitFor();
    await asProvince(`/api/admin/rechecks/${mine[1].id}/restore`, {
      method: 'POST',
      body: { reason: '已由同事核实', version: mine[1].version },
    });
    await page.getByRole('button', { name: '确认问题' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByRole('radio', { name: '更正证书' }).check();
    await confirm.getByRole('textbox', { name: /^复核意见/ }).fill('证书等级有误，应予更正');
    await confirm.getByRole('button', { name: '确认问题' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByTestId('recheck-facts').getByText('已恢复查询').waitFor();
    await page
      .getByText(/已被他人处理|已复核|已处理/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: '确认问题' }).count()).toBe(0);
    await ui.shot('recheck-stale-gd_reviewer');
  });

  it('the certificate page shows the record with its lookup status and one history: flag → suspension → restore', async () => {
    // Reached from the batch's records.
    await page.goto(`${app.baseUrl}/#/batches/${batchId}/show`);
    await page.getByRole('link', { name: personA[0].certificateNumber }).click();
    await page.waitForURL(new RegExp(`#/certificates/${personA[0].id}/show`));
    const facts = page.getByTestId('certificate-facts');
    await facts.getByTestId('lookup-status').getByText('可查询').waitFor();
    expect(await facts.getByTestId('id-number').innerText()).toMatch(/^\*{14}/);
    await page.getByTestId('certificate-history').waitFor();
    const labels = await page.getByTestId('history-label').allInnerTexts();
    const steps = ['筛查发现疑似问题', '暂停查询', '复核后恢复查询'];
    const at = steps.map((step) => labels.indexOf(step));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const timeline = await page.getByTestId('certificate-history').innerText();
    expect(timeline).toContain('三本证书发证间隔过短，先行暂停');
    expect(timeline).toContain('经核实该学员分别参加三个项目培训考核，数据真实');
    await ui.shot('certificate-show-history');
    await ui.logout();
  });

  it('municipal staff read flags without decisions; institutions and auditors see none of these pages', async () => {
    await ui.login('gz_admin');
    const menu = await page.getByTestId('app-menu').innerText();
    expect(menu).toContain('疑似问题');
    expect(menu).toContain('暂停查询');
    expect(menu).not.toContain('复核');
    await page.goto(`${app.baseUrl}/#/flags/${flagA.id}/show`);
    await page.getByTestId('flag-facts').waitFor();
    expect(await page.getByRole('button', { name: '排除' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '暂停查询' }).count()).toBe(0);
    await ui.logout();

    for (const user of ['inst_gz1', 'auditor']) {
      await ui.login(user);
      const shown = await page.getByTestId('app-menu').innerText();
      for (const entry of ['疑似问题', '复核', '暂停查询']) expect(shown).not.toContain(entry);
      await ui.logout();
    }
  });
});
