import type { Page } from 'playwright-core';
import type { DataAdministratorDetail, DataAdministratorRow } from '@app/contracts';
import { apiAs, startBuiltApp, type BuiltApp } from './support/built-app';
import { consoleActions, launchConsoleBrowser, type ConsoleBrowser } from './support/console-browser';

// 数据管理员 (R-4, 附件2) in Chromium: 四川's dashboard warns of 成都 without an active administrator; 广州's admin
// registers a colleague with the form; the head approves, and the handover shows on the record's page.

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

describe('数据管理员 in Chromium', () => {
  it('sc_reviewer: the dashboard warns that 成都 has no active data administrator', async () => {
    await ui.login('sc_reviewer');
    const warning = page.getByTestId('dashboard-warnings');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('成都市职业技能鉴定指导中心尚无在任的证书数据管理员');
    await ui.logout();
  });

  it('gz_admin registers a colleague with the 附件2 form; gz_head approves and the handover is recorded', async () => {
    const gd = await apiAs(app.baseUrl, 'gd_admin');
    const centres = await gd<{ id: number; name: string }[]>(
      `/api/admin/organisations?filter=${encodeURIComponent(JSON.stringify({ level: 'municipal' }))}`,
    );
    const gzId = centres.find((o) => o.name === '广州市职业技能鉴定指导中心')!.id;
    await gd('/api/admin/users', {
      method: 'POST',
      body: {
        username: 'gz_browser_admin',
        displayName: '林浏览',
        roles: ['municipal_admin'],
        organisationId: gzId,
        password: 'Browser@2026',
        email: null,
      },
    });

    await ui.login('gz_admin');
    await ui.openFromMenu('数据管理员');
    await page.getByTestId('data-admin-status').first().waitFor();
    await page.getByRole('link', { name: '登记数据管理员' }).click();
    await page.getByLabel('数据管理员').fill('林浏览');
    await page.getByRole('option', { name: /林浏览/ }).click();
    await page.getByLabel('职务').fill('科员');
    await page.getByLabel('办公电话').fill('83212345');
    await page.getByLabel('手机号码').fill('1370000222');
    await page.getByRole('button', { name: '保存' }).click();
    // The form's own checks, in Chinese, before anything is sent.
    await page.getByText('办公电话应为区号加号码，如 020-83212345').waitFor();
    await page.getByLabel('办公电话').fill('020-83212345');
    await page.getByLabel('手机号码').fill('13700002222');
    await page.getByLabel('证书查询问题咨询联系方式').fill('020-83212300');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('data-admin-facts').waitFor();
    expect(await page.getByTestId('data-admin-status').innerText()).toBe('待负责人审批');
    await ui.logout();

    const gz = await apiAs(app.baseUrl, 'gz_head');
    const [pending] = await gz<DataAdministratorRow[]>(
      `/api/admin/data-administrators?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`,
    );
    await ui.login('gz_head');
    await page.goto(`${app.baseUrl}/#/data-administrators/${pending.id}/show`);
    await page.getByTestId('data-admin-approve').click();
    await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await page
      .getByTestId('data-admin-status')
      .filter({ hasText: /^在任$/ })
      .waitFor();
    await page.getByTestId('data-admin-handovers').getByText('林浏览').waitFor();
    const handovers = await page.getByTestId('data-admin-handovers').innerText();
    expect(handovers).toContain('林浏览');
    expect(handovers).toContain('林晓东');
    const detail = await gz<DataAdministratorDetail>(`/api/admin/data-administrators/${pending.id}`);
    expect(detail).toMatchObject({ status: 'active', predecessorName: '林晓东', mobile: '137****2222' });
    // The mobile is masked on the page; the eye reveals it (the API audits the view).
    expect(await page.getByTestId('data-admin-mobile').innerText()).toBe('137****2222');
    await page.getByRole('button', { name: '显示完整手机号码' }).click();
    await page.getByTestId('data-admin-mobile').filter({ hasText: '13700002222' }).waitFor();
    await ui.logout();
  });
});
