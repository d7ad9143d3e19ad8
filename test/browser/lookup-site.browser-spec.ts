import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AuthorizationCodeView, LookupQuotaView, QueryModeAdminView } from '@app/contracts';
import { creditCodeCheckChar } from '@app/domain';
import { formatBeijingDateTime } from '../../apps/console/src/common/dates';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { ARTIFACTS, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// The public lookup site at /lookup in real Chromium, against the built API with demo data
// (APP_TODAY 2026-11-23: the default schedule's new-mode-only period). The whole path of a person and of a legal
// entity, each at a phone's width (390 px) and a desktop's (1366 px).

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PASSWORD = 'Lookup@2026';
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 900 },
] as const;

interface Holder {
  name: string;
  idNumber: string;
  certificateNumber: string;
}

let app: BuiltApp;
let browser: ConsoleBrowser;
let page: Page;
/** Published demo certificates (all 职业技能等级证书) with their full ID numbers, read through the staff API. */
let holders: Holder[] = [];
/** The code each person generated, by width, for the legal entity's 授权码查询. */
const codes = new Map<string, string>();

const storedToken = () => page.evaluate<string | null>("sessionStorage.getItem('lookup.token')");
const site = (path = '') => `${app.baseUrl}/lookup${path}`;

async function shot(name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(ARTIFACTS, `lookup-${name}.png`), fullPage: true });
}

/** Nothing sticks out sideways: the page scrolls only vertically at this width. */
async function expectNoSidewaysScroll() {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

async function openMenu(label: string) {
  await page.getByTestId('site-menu').getByText(label, { exact: true }).click();
}

/** A GET of the lookup API with the token the page holds in sessionStorage. */
async function lookupGet<T>(path: string): Promise<T> {
  const token = await storedToken();
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** The badge agrees with `GET /api/lookup/quota` for the page's session. */
async function expectQuotaBadgeMatchesApi(): Promise<LookupQuotaView> {
  const quota = await lookupGet<LookupQuotaView>('/api/lookup/quota');
  await page
    .getByTestId('quota')
    .getByText(`今日剩余次数：${quota.limit - quota.used} / ${quota.limit}`, { exact: true })
    .waitFor();
  return quota;
}

/** Card fields as "label：value" lines. */
async function cardText(index = 0): Promise<string> {
  const card = page.getByTestId('certificate-card').nth(index);
  await card.waitFor();
  return card.innerText();
}

async function fillForm(form: ReturnType<Page['getByTestId']>, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(value);
}

async function register(fields: Record<string, string>, type: '个人用户' | '法人用户') {
  await page.goto(site('/register'));
  const form = page.getByTestId('register');
  await form.getByRole('tab', { name: type }).click();
  await fillForm(form, { ...fields, 登录密码: PASSWORD, 确认密码: PASSWORD });
  await form.getByRole('button', { name: '注册' }).click();
  await page.getByText('注册成功，请登录。').waitFor();
}

async function login(account: string, type: '个人用户' | '法人用户') {
  const form = page.getByTestId('login');
  await form.getByRole('tab', { name: type }).click();
  await form.getByLabel(type === '个人用户' ? '证件号码/手机号' : '统一社会信用代码/手机号').fill(account);
  await form.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('welcome').waitFor();
}

async function logout() {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('link', { name: '登录' }).waitFor();
  expect(await storedToken()).toBeNull();
}

/** A mobile number per run and width that no demo account uses. */
function mobile(n: number): string {
  return `139${String(20260000 + n).padStart(8, '0')}`;
}

beforeAll(async () => {
  app = await startBuiltApp();
  browser = await launchConsoleBrowser();
  page = browser.page;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl });

  const staff = await apiAs(app.baseUrl, 'nat_reviewer');
  const batches = await staff<Array<{ id: number }>>(
    `/api/admin/batches?filter=${encodeURIComponent('{"status":["published"]}')}&range=[0,0]`,
  );
  const certificates = await staff<Array<{ id: number; holderName: string; certificateNumber: string }>>(
    `/api/admin/certificates?filter=${encodeURIComponent(JSON.stringify({ batchId: batches[0].id }))}&range=[0,5]`,
  );
  holders = await Promise.all(
    certificates.map(async (c) => {
      const { idNumber } = await staff<{ idNumber: string }>(`/api/admin/certificates/${c.id}/reveal-id`, {
        method: 'POST',
      });
      return { name: c.holderName, idNumber, certificateNumber: c.certificateNumber };
    }),
  );
  expect(holders).toHaveLength(6);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(browser.takeProblems()).toEqual([]);
});

describe('the public lookup site at /lookup', () => {
  it('anonymous on a phone: title, mode banner with 公告, the old mode closed after its last day, coverage', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(site());
    expect(await page.title()).toBe('技能人才评价证书全国联网查询');
    const banner = page.getByTestId('mode-banner');
    await banner.getByTestId('mode-skill_level').getByText('仅新版查询').waitFor();
    expect(await banner.innerText()).toContain('公告：为加强个人信息保护');
    await page.getByTestId('home-public').waitFor();
    expect(await page.getByRole('link', { name: '旧版查询' }).last().getAttribute('aria-disabled')).toBe('true');
    await expectNoSidewaysScroll();
    await shot('home-phone');

    await page.goto(site('/old'));
    for (const kind of ['qualification', 'skill_level']) {
      const closed = page.getByTestId(`old-${kind}`).getByTestId('old-closed');
      expect(await closed.innerText()).toMatch(/旧版查询已于2026年3月1日起停用/);
    }
    await expectNoSidewaysScroll();

    await page.getByRole('link', { name: '可查询时间范围' }).click();
    const coverage = page.getByTestId('coverage-skill_level');
    const guangdong = coverage.getByRole('row', { name: /广东/ }).first();
    await guangdong.getByRole('button', { name: '详细' }).click();
    await coverage.getByText('广州市白云区粤厨职业培训学校').waitFor();
    expect(await coverage.innerText()).toMatch(/\d{4}\.\d{1,2}--\d{4}\.\d{1,2}/);
    await expectNoSidewaysScroll();
    await shot('coverage-phone');

    // Pages behind login send the visitor to 登录.
    await page.goto(site('/mine/skill_level'));
    await page.getByTestId('login').waitFor();
  });

  it('desktop: the national centre reopens the skill-level old mode; its form explains the rule and answers masked', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    const admin = await apiAs(app.baseUrl, 'nat_admin');
    const schedules = await admin<QueryModeAdminView[]>('/api/admin/query-mode');
    const skill = schedules.find((s) => s.kind === 'skill_level')!;
    await admin('/api/admin/query-mode/skill_level', {
      method: 'PUT',
      body: {
        newModeStart: skill.newModeStart,
        oldModeLastDay: '2026-12-31',
        announcement: '旧版职业技能等级证书查询延长至2026年12月31日。',
        reason: '浏览器测试：延长并行期',
        version: skill.version,
      },
    });

    await page.goto(site('/old'));
    await page.getByTestId('mode-skill_level').getByText('新旧版并行').waitFor();
    expect(await page.getByTestId('mode-banner').innerText()).toContain('旧版职业技能等级证书查询延长至2026年12月31日');
    await page.getByTestId('old-qualification').getByTestId('old-closed').waitFor();
    const form = page.getByTestId('old-skill_level');
    expect(await form.innerText()).toContain('注：证书编号为必填，证件号码、姓名两项输入任意一项即可查询。');

    // Without the certificate number the API refuses, naming the rule; the page shows its message as it comes.
    const [holder] = holders;
    await fillForm(form, { 证件号码: holder.idNumber, 姓名: holder.name });
    await form.getByRole('button', { name: '查询' }).click();
    expect(await form.getByTestId('api-error').innerText()).toMatch(/证书编号/);

    await fillForm(form, { 证件号码: '', 证书编号: holder.certificateNumber });
    await form.getByRole('button', { name: '查询' }).click();
    const text = await cardText();
    expect(text).toContain('脱敏显示');
    expect(text).toContain(`${'*'.repeat(holder.name.length - 1)}${holder.name.slice(-1)}`);
    expect(text).toContain(`${'*'.repeat(holder.idNumber.length - 4)}${holder.idNumber.slice(-4)}`);
    expect(text).toContain(`${'*'.repeat(holder.certificateNumber.length - 3)}${holder.certificateNumber.slice(-3)}`);
    expect(text).not.toContain(holder.idNumber);

    // An unknown certificate: seed 000's "nothing found" page.
    await fillForm(form, { 证书编号: 'S0000000000000000000000' });
    await form.getByRole('button', { name: '查询' }).click();
    await form.getByTestId('not-found').getByText('对不起，没有查到相关信息！').waitFor();
    await shot('old-mode-desktop');
  });

  describe.each(WIDTHS.map((w, i) => ({ ...w, i })))('at $name width ($width px)', ({ name, width, height, i }) => {
    it('a person registers, sees own certificates in full, manages the authorization code, queries another masked, logs out', async () => {
      await page.setViewportSize({ width, height });
      const me = holders[1 + i];
      const other = holders[3 + i];
      await register({ 姓名: me.name, 证件号码: me.idNumber, 手机号码: mobile(i) }, '个人用户');
      await login(me.idNumber, '个人用户');
      // The session lives in sessionStorage only.
      expect(await storedToken()).toBeTruthy();
      expect(await page.evaluate<number>('localStorage.length')).toBe(0);
      await page.getByTestId('home-person').waitFor();
      const quota = await expectQuotaBadgeMatchesApi();
      expect(quota).toMatchObject({ used: 0, limit: 100 });
      await expectNoSidewaysScroll();
      await shot(`person-home-${name}`);

      // No qualification certificate: the "nothing found" page and no code to generate.
      await openMenu('查询本人职业资格证书');
      await page.getByTestId('mine-qualification').getByTestId('not-found').waitFor();
      expect(await page.getByRole('button', { name: '生成证书授权码' }).count()).toBe(0);

      await openMenu('查询本人职业技能等级证书');
      const mine = await cardText();
      expect(mine).toContain('完整信息');
      expect(mine).toContain(me.idNumber);
      expect(mine).toContain(me.certificateNumber);
      expect(mine).toContain(me.name);
      for (const label of ['姓名', '性别', '证件号码', '职业（工种）', '职业方向', '技能等级', '证书编号']) {
        expect(mine).toContain(`${label}：`);
      }
      for (const label of ['评价机构', '发证日期', '数据责任单位']) expect(mine).toContain(`${label}：`);

      const panel = page.getByTestId('code-panel');
      await panel.getByRole('button', { name: '生成证书授权码' }).click();
      await panel.getByTestId('code-status').getByText('授权中').waitFor();
      const code = await panel.getByTestId('code-value').innerText();
      const expiry = await panel.getByTestId('code-expiry').innerText();
      expect(code.replace(/[^0-9A-Za-z]/g, '').length).toBeGreaterThanOrEqual(12);
      // The expiry shown is the API's, in Beijing time: one year after the code was made.
      const [made] = await lookupGet<AuthorizationCodeView[]>('/api/lookup/codes');
      expect(expiry).toBe(formatBeijingDateTime(made.expiresAt));
      const yearLater = new Date(made.createdAt);
      yearLater.setUTCFullYear(yearLater.getUTCFullYear() + 1);
      expect(Math.abs(new Date(made.expiresAt).getTime() - yearLater.getTime())).toBeLessThanOrEqual(86_400_000);

      await panel.getByRole('button', { name: '复制授权码' }).click();
      await page.getByText('授权码已复制').waitFor();
      expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(code);

      await panel.getByRole('button', { name: '停止授权' }).click();
      await panel.getByTestId('code-status').getByText('已停止授权').waitFor();
      expect(await panel.getByRole('button', { name: '复制授权码' }).count()).toBe(0);
      await panel.getByRole('button', { name: '恢复授权' }).click();
      await panel.getByTestId('code-status').getByText('授权中').waitFor();
      expect(await panel.getByTestId('code-value').innerText()).toBe(code);
      expect(await panel.getByTestId('code-expiry').innerText()).toBe(expiry);
      codes.set(name, code);
      await expectNoSidewaysScroll();
      await shot(`person-mine-${name}`);

      // 查询他人证书: all three fields, masked result; each query counts against the day's quota.
      await openMenu('查询他人证书');
      const form = page.getByTestId('others-form-skill_level');
      await fillForm(form, { 证书编号: other.certificateNumber, 证件号码: other.idNumber, 姓名: other.name });
      await form.getByRole('button', { name: '查询' }).click();
      const masked = await cardText();
      expect(masked).toContain('脱敏显示');
      expect(masked).not.toContain(other.idNumber);
      expect(masked).toContain(other.idNumber.slice(-4));
      expect((await expectQuotaBadgeMatchesApi()).used).toBe(1);
      await page.getByRole('button', { name: '返回' }).click();
      await fillForm(form, { 姓名: `${other.name}甲` });
      await form.getByRole('button', { name: '查询' }).click();
      await page.getByTestId('others-skill_level').getByTestId('not-found').waitFor();
      await expectQuotaBadgeMatchesApi();
      await expectNoSidewaysScroll();
      await shot(`person-others-${name}`);

      await logout();
      await page.goto(site('/others'));
      await page.getByTestId('login').waitFor();
    });

    it('a legal entity registers, queries one certificate, runs a batch (template, upload, pages, export), queries by code', async () => {
      await page.setViewportSize({ width, height });
      const first17 = `91440101MA5C${String(width).padStart(4, '0')}X`.slice(0, 17);
      const creditCode = first17 + creditCodeCheckChar(first17);
      await register(
        {
          单位名称: `广州测试人力资源服务有限公司${name}`,
          统一社会信用代码: creditCode,
          联系人姓名: '陈测试',
          手机号码: mobile(10 + i),
        },
        '法人用户',
      );
      await login(creditCode, '法人用户');
      await page.getByTestId('home-legal-entity').waitFor();
      expect((await expectQuotaBadgeMatchesApi()).limit).toBe(500);

      await openMenu('查询他人职业技能等级证书');
      const target = holders[5];
      const form = page.getByTestId('others-form-skill_level');
      await fillForm(form, { 证书编号: target.certificateNumber, 证件号码: target.idNumber, 姓名: target.name });
      await form.getByRole('button', { name: '查询' }).click();
      expect(await cardText()).toContain('脱敏显示');

      // 批量查询: the template's first sheet names the three columns; 12 lines, 3 of them real certificates.
      const batch = page.getByTestId('batch-skill_level');
      const [template] = await Promise.all([
        page.waitForEvent('download'),
        batch.getByRole('button', { name: '下载模板' }).click(),
      ]);
      expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(await template.path()) as unknown as ExcelJS.Buffer);
      const sheet = book.worksheets.find((s) => s.state === 'visible')!;
      const headers = new Map<string, number>();
      sheet.getRow(1).eachCell((cell, col) => headers.set(cell.text.trim(), col));
      const column = (label: string) => [...headers].find(([text]) => text.includes(label))?.[1] ?? -1;
      for (const label of ['姓名', '证件号码', '证书编号']) expect(column(label)).toBeGreaterThan(0);
      const lines = [
        ...holders.slice(0, 3),
        ...Array.from({ length: 9 }, (_, n) => ({
          name: `查无此人${n}`,
          idNumber: holders[0].idNumber,
          certificateNumber: `S0NOTFOUND${String(n).padStart(12, '0')}`,
        })),
      ];
      lines.forEach((line, n) => {
        const row = sheet.getRow(2 + n);
        row.getCell(column('姓名')).value = line.name;
        row.getCell(column('证件号码')).value = line.idNumber;
        row.getCell(column('证书编号')).value = line.certificateNumber;
        row.commit();
      });
      const upload = Buffer.from(await book.xlsx.writeBuffer());
      await batch.getByTestId('batch-file').setInputFiles({ name: '批量查询.xlsx', mimeType: XLSX, buffer: upload });
      const results = batch.getByTestId('batch-results');
      expect(await results.getByTestId('batch-summary').innerText()).toBe('本次共查询 12 条，查到 3 条');
      await results.locator('tbody tr').nth(9).waitFor();
      const firstPage = await results.locator('table').innerText();
      expect(firstPage).not.toContain(holders[0].idNumber);
      expect(firstPage).toContain(`${'*'.repeat(holders[0].idNumber.length - 4)}${holders[0].idNumber.slice(-4)}`);
      expect(firstPage).toContain('已查到');
      expect(firstPage).toContain('未查到');
      expect(await results.locator('tbody tr').count()).toBe(10);
      await results.getByRole('button', { name: /下一页/ }).click();
      // Page 2 holds lines 11 and 12: 查无此人7 and 查无此人8, found nothing, their names masked.
      await results.getByRole('cell', { name: '****8', exact: true }).waitFor();
      expect(await results.locator('tbody tr').count()).toBe(2);
      await expectNoSidewaysScroll();
      await shot(`entity-batch-${name}`);

      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        results.getByRole('button', { name: '导出' }).click(),
      ]);
      expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(readFileSync(await exported.path()) as unknown as ExcelJS.Buffer);
      const exportedText = JSON.stringify(out.worksheets[0].getSheetValues());
      expect(exportedText).not.toContain(holders[0].idNumber);
      expect(exportedText).toContain(holders[0].idNumber.slice(-4));
      // 1 single query + 12 batch lines.
      expect((await expectQuotaBadgeMatchesApi()).used).toBe(13);

      // 授权码查询他人证书: the person's code gives the full certificate; a wrong code the API's message.
      await openMenu('授权码查询他人证书');
      const byCode = page.getByTestId('by-code');
      await byCode.getByLabel('通过授权码查询证书').fill(codes.get(name)!);
      await byCode.getByRole('button', { name: '查询' }).click();
      const full = await cardText();
      expect(full).toContain('完整信息');
      expect(full).toContain(holders[1 + i].idNumber);
      await byCode.getByLabel('通过授权码查询证书').fill('ABCD-EFGH-JKLM-NPQR');
      await byCode.getByRole('button', { name: '查询' }).click();
      expect(await byCode.getByTestId('api-error').innerText()).toMatch(/授权码/);
      await expectQuotaBadgeMatchesApi();
      await expectNoSidewaysScroll();
      await shot(`entity-by-code-${name}`);

      await logout();
    });
  });
});
