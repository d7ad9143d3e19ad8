import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { creditCodeCheckChar } from '@app/domain';
import { apiAs, repoRoot, startBuiltApp, type BuiltApp } from './support/built-app';
import { CHROMIUM, CHROMIUM_FLAGS, typeIntoPicker } from './support/console-browser';

// The console in real Chromium, against the built app with demo data:
// each role sees its own menu and only its own jurisdiction.
const ARTIFACTS = join(repoRoot, 'test', 'artifacts');
const PASSWORD = 'Demo@2026';

interface Org {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
  version: number;
  scope?: Array<{ occupationCode: string; levels: number[]; validTo?: string | null }> | null;
}

let app: BuiltApp;
let context: BrowserContext;
let page: Page;
let profileDir: string;
const pageErrors: string[] = [];
const serverErrors: string[] = [];
let chengduId: number;
let guangzhouInstitutionId: number;
let asGuangzhou: Awaited<ReturnType<typeof apiAs>>;
let temporaryPassword = '';

async function shot(name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function login(username: string, password = PASSWORD) {
  await page.goto(`${app.baseUrl}/#/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  if (password === PASSWORD) await page.getByTestId('welcome').waitFor();
}

async function logout() {
  await page.getByRole('button', { name: '个人设置' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

async function menuText(): Promise<string> {
  const menu = page.getByTestId('app-menu');
  await menu.getByText('首页').waitFor();
  return menu.innerText();
}

async function openFromMenu(label: string) {
  await page.getByTestId('app-menu').getByText(label, { exact: true }).click();
}

/** Enrols the second factor of a demo account through the API, as its owner would in 账号安全. */
async function enrolTotp(username: string) {
  const post = async (path: string, body: object, token?: string) =>
    fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const { token } = (await (await post('/api/auth/login', { username, password: PASSWORD })).json()) as {
    token: string;
  };
  const setup = await post('/api/auth/totp/setup', { currentPassword: PASSWORD }, token);
  const { secret } = (await setup.json()) as { secret: string };
  const enable = await post(
    '/api/auth/totp/enable',
    { currentPassword: PASSWORD, code: await generate({ secret }) },
    token,
  );
  if (enable.status !== 204) throw new Error(`enrol ${username} → ${enable.status} ${await enable.text()}`);
}

/** The text of the list's table once its rows have loaded. */
async function tableText(): Promise<string> {
  const table = page.locator('table').first();
  await table.locator('tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
  return table.innerText();
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startBuiltApp();

  const asNational = await apiAs(app.baseUrl, 'nat_admin');
  const chengdu = await asNational<Org[]>(`/api/admin/organisations?filter=${encodeURIComponent('{"q":"成都"}')}`);
  const chengduCentre = chengdu.find((o) => o.level === 'municipal');
  if (!chengduCentre) throw new Error(`demo data has no 成都 municipal centre: ${JSON.stringify(chengdu)}`);
  chengduId = chengduCentre.id;
  asGuangzhou = await apiAs(app.baseUrl, 'gz_admin');
  const gzInstitutions = await asGuangzhou<Org[]>(
    `/api/admin/organisations?filter=${encodeURIComponent('{"level":"institution"}')}`,
  );
  if (gzInstitutions.length === 0) throw new Error('gz_admin sees no institution in the demo data');
  guangzhouInstitutionId = gzInstitutions[0].id;

  profileDir = mkdtempSync(join(tmpdir(), 'cert-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    // Native date inputs follow the browser process's locale, as on a Chinese desktop.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

afterEach(() => {
  // Uncaught exceptions in the page and 5xx answers fail the step that caused them.
  const problems = [...pageErrors.splice(0), ...serverErrors.splice(0)];
  expect(problems).toEqual([]);
});

describe('console in Chromium', () => {
  it('shows the Chinese login page and the API message for a wrong password', async () => {
    await page.goto(app.baseUrl);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    expect(await page.title()).toBe('证书数据监管平台');
    await page.getByLabel('用户名').fill('sc_reviewer');
    await page.getByLabel('密码').fill('wrong-Password1');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByTestId('login-message').innerText()).resolves.toContain('用户名或密码错误');
    await shot('login');
  });

  it('nat_admin: full menu, both provinces, users, account security', async () => {
    await login('nat_admin');
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toContain('人力资源社会保障部职业技能鉴定中心');
    await expect(page.getByTestId('welcome').innerText()).resolves.toMatch(/^欢迎，\S+/);
    const menu = await menuText();
    for (const entry of ['机构管理', '用户管理', '审计日志', '账号安全']) expect(menu).toContain(entry);
    await shot('dashboard-nat_admin');

    await openFromMenu('机构管理');
    const organisations = await tableText();
    expect(organisations).toContain('广东省');
    expect(organisations).toContain('四川省');
    await shot('organisations-nat_admin');

    // Tree navigation: the 下级 count of 广东省 lists its children, with a breadcrumb.
    await page.getByRole('link', { name: /^广东省.*的下级机构$/ }).click();
    await page
      .getByTestId('organisation-breadcrumb')
      .getByText(/广东省.*的下级机构/)
      .waitFor();
    const children = await tableText();
    expect(children).toContain('广州市');
    expect(children).not.toContain('四川省');
    await shot('organisations-children-guangdong');

    await openFromMenu('用户管理');
    const users = await tableText();
    expect(users).toContain('gz_admin');
    expect(users).toContain('cd_admin');
    await shot('users-nat_admin');

    // Reset a password: the temporary password is shown once, in a dialog.
    await page.getByRole('cell', { name: 'sz_admin', exact: true }).click();
    await page.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    temporaryPassword = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(temporaryPassword).toMatch(/^\S{8,}$/);
    await shot('user-reset-password');
    await page.getByRole('button', { name: '我已记下' }).click();

    // a lost second factor is reset from the user page; the button shows only while TOTP is on.
    await enrolTotp('cd_admin');
    await openFromMenu('用户管理');
    await page.getByRole('cell', { name: 'cd_admin', exact: true }).click();
    await page.getByRole('button', { name: '重置双因素认证' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('双因素认证已重置').waitFor();
    await page.getByRole('button', { name: '重置双因素认证' }).waitFor({ state: 'detached' });
    await shot('user-reset-totp');

    await openFromMenu('账号安全');
    // enrolment asks for the login password first; a wrong one is refused with the API's words.
    await page.getByLabel('登录密码').fill('Wrong@2026');
    await page.getByRole('button', { name: '启用两步验证' }).click();
    await page.getByText('当前密码不正确').waitFor();
    await page.getByLabel('登录密码').fill(PASSWORD);
    await page.getByRole('button', { name: '启用两步验证' }).click();
    await page.getByTestId('totp-qr').waitFor();
    expect(
      await page.getByTestId('totp-qr').evaluate((img) => (img as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await shot('account-security');

    await logout();
  });

  it('sz_admin: the temporary password leads to 账号安全, where it is changed', async () => {
    expect(temporaryPassword).not.toBe('');
    await login('sz_admin', temporaryPassword);
    await page.waitForURL(/#\/account$/);
    await page.getByText('您正在使用临时密码，请立即修改密码。').waitFor();
    await page.getByLabel('当前密码').fill(temporaryPassword);
    await page.getByLabel(/^新密码/).fill('Shenzhen#2026');
    await page.getByLabel('确认新密码').fill('Shenzhen#2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
    await page.getByText('您正在使用临时密码，请立即修改密码。').waitFor({ state: 'detached' });
    await logout();
    await login('sz_admin', 'Shenzhen#2026');
    await page.getByTestId('welcome').waitFor();
    await logout();
  });

  it('gz_admin: no audit log, only Guangzhou, and 成都 reads as not found', async () => {
    await login('gz_admin');
    const menu = await menuText();
    expect(menu).toContain('机构管理');
    expect(menu).toContain('用户管理');
    expect(menu).not.toContain('审计日志');

    await openFromMenu('机构管理');
    const organisations = await tableText();
    expect(organisations).toContain('广州');
    expect(organisations).not.toContain('四川');
    expect(organisations).not.toContain('成都');
    expect(organisations).not.toContain('深圳');
    await shot('organisations-gz_admin');

    await page.goto(`${app.baseUrl}/#/organisations/${guangzhouInstitutionId}/show`);
    await page.getByText('备案职业（工种）范围').first().waitFor();
    // The breadcrumb climbs to the user's own centre and no further.
    const crumbs = page.getByTestId('organisation-breadcrumb');
    await crumbs.getByText('广州市职业技能鉴定指导中心').waitFor();
    expect(await crumbs.innerText()).not.toContain('广东省');
    await shot('organisation-show-institution');

    // Scope editing: drop 一级 from the first registered occupation and save (PUT with the version).
    const before = await asGuangzhou<Org>(`/api/admin/organisations/${guangzhouInstitutionId}`);
    const firstOccupation = before.scope![0];
    expect(firstOccupation.levels).toContain(1);
    await page.goto(`${app.baseUrl}/#/organisations/${guangzhouInstitutionId}`);
    await page.getByLabel('统一社会信用代码').waitFor();
    await page.getByLabel('职业（工种）').first().waitFor();
    await shot('organisation-edit-scope');
    await page.getByRole('checkbox', { name: '一级' }).first().uncheck();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    const after = await asGuangzhou<Org>(`/api/admin/organisations/${guangzhouInstitutionId}`);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.scope![0]).toMatchObject({ occupationCode: firstOccupation.occupationCode });
    expect(after.scope![0].levels).not.toContain(1);
    expect(after.scope![0].levels.length).toBe(firstOccupation.levels.length - 1);
    // The dropped level stays as an entry of its own, ended yesterday (the app's today is 2026-11-23): certificates
    // issued before keep being judged against the scope of their issue date.
    expect(after.scope!.filter((e) => e.occupationCode === firstOccupation.occupationCode)).toEqual([
      after.scope![0],
      expect.objectContaining({ levels: [1], validTo: '2026-11-22' }),
    ]);
    await page.getByText('2026-11-22').first().waitFor();
    await page.getByText('已截止').first().waitFor();
    await shot('organisation-scope-narrowed');

    // Optimistic lock: someone else saves while the form is open → the user is told to reload.
    await page.goto(`${app.baseUrl}/#/organisations/${guangzhouInstitutionId}`);
    const name = page.getByLabel('名称');
    await name.waitFor();
    await asGuangzhou(`/api/admin/organisations/${guangzhouInstitutionId}`, {
      method: 'PUT',
      body: { version: after.version, name: `${after.name}（他人修改）` },
    });
    await name.fill(`${after.name}（测试）`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('该记录已被他人修改').waitFor();
    await shot('organisation-stale-version');

    // Create an institution under 广州 with a registered scope (POST through the form's transform).
    const occupations =
      await asGuangzhou<Array<{ code: string; name: string; levels: number[] }>>('/api/admin/occupations');
    const occupation = occupations.find((o) => o.levels.includes(5) && o.levels.includes(4))!;
    const first17 = '52440100MJ0A9C8D7';
    const creditCode = first17 + creditCodeCheckChar(first17);
    await openFromMenu('机构管理');
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByRole('combobox', { name: '上级机构' }).fill('广州市');
    await page.getByRole('option', { name: /广州市职业技能鉴定指导中心/ }).click();
    await page.getByLabel('名称').fill('广州市测试职业技能培训学校');
    await page.getByLabel('行政区划代码').fill('440104');
    await page.getByLabel('统一社会信用代码').fill(creditCode);
    await page.getByLabel('机构类型').click();
    await page.getByRole('option', { name: '社会培训评价组织' }).click();
    const registeredAt = page.getByRole('group', { name: /备案日期/ });
    await typeIntoPicker(page, registeredAt, '2024-05-20');
    // Chinese order whatever the browser's language: the field reads 2024-05-20 and its calendar 2024年5月, 一 … 日.
    await expect(page.locator('input[name="registeredAt"]').inputValue()).resolves.toBe('2024-05-20');
    await page
      .getByRole('button', { name: /选择日期|Choose date/ })
      .first()
      .click();
    const calendar = page.getByRole('dialog');
    await expect(calendar.innerText()).resolves.toContain('2024年5月');
    await shot('date-picker-zh');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByRole('combobox', { name: '职业（工种）' }).fill(occupation.code);
    await page
      .getByRole('option', { name: new RegExp(occupation.name) })
      .first()
      .click();
    await page.getByRole('checkbox', { name: '五级' }).check();
    await page.getByRole('checkbox', { name: '四级' }).check();
    await typeIntoPicker(page, page.getByRole('group', { name: /有效期起/ }), '2024-06-01');
    await shot('organisation-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/organisations\/\d+\/show$/);
    await page.getByRole('cell', { name: occupation.name }).waitFor();
    const createdId = Number(/organisations\/(\d+)\/show/.exec(page.url())![1]);
    const created = await asGuangzhou<Org & { creditCode: string }>(`/api/admin/organisations/${createdId}`);
    expect(created).toMatchObject({ level: 'institution', name: '广州市测试职业技能培训学校', creditCode });
    expect(created.scope).toEqual([
      {
        occupationCode: occupation.code,
        occupationName: occupation.name,
        levels: [5, 4],
        validFrom: '2024-06-01',
        validTo: null,
      },
    ]);

    // A municipal admin may create operator accounts for institutions under the city, nothing else.
    await openFromMenu('用户管理');
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByLabel(/^用户名/).fill('inst_gz_test');
    await page.getByLabel(/^姓名/).fill('测试操作员');
    await page.getByRole('combobox', { name: '所属机构' }).fill('测试职业');
    await page.getByRole('option', { name: /广州市测试职业技能培训学校/ }).click();
    expect(await page.getByRole('checkbox', { name: '审计员' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: '评价机构操作员' }).check();
    await page.getByLabel(/^初始密码/).fill('Operator#2026');
    await page.getByLabel(/^确认初始密码/).fill('Operator#2026');
    await shot('user-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/users$/);
    // The list first shows its cached rows, then refetches: wait for the new account itself.
    await page.getByRole('cell', { name: 'inst_gz_test', exact: true }).waitFor();
    expect(await tableText()).toContain('inst_gz_test');

    await page.goto(`${app.baseUrl}/#/organisations/${chengduId}/show`);
    await expect(page.getByTestId('record-load-error').innerText()).resolves.toContain('不在您的管辖范围内');
    await shot('organisation-outside-jurisdiction');

    // The audit log is not reachable by URL either.
    await page.goto(`${app.baseUrl}/#/audit-logs`);
    await page.getByText('您没有访问此页面的权限').waitFor();

    await logout();
  });

  it('auditor: only the audit log and account security; rows expand; the chain verifies; a dead session logs out', async () => {
    await login('auditor');
    const menu = await menuText();
    expect(menu).toContain('审计日志');
    expect(menu).toContain('账号安全');
    expect(menu).not.toContain('机构管理');
    expect(menu).not.toContain('用户管理');

    await openFromMenu('审计日志');
    const logs = await tableText();
    expect(logs).toContain('登录');
    expect(logs).toContain('重置用户密码');
    await page.locator('table tbody tr').first().click();
    await page.getByTestId('audit-log-detail').waitFor();
    await page.getByRole('button', { name: '校验日志链' }).click();
    await expect(page.getByTestId('audit-verify-result').innerText()).resolves.toContain('日志链完整');
    await shot('audit-verify');
    await page.getByRole('button', { name: '关闭' }).click();
    await shot('audit-logs-auditor');

    // The server ends the session (as after 30 idle minutes): the next request lands on the login page.
    const storedToken = () => page.evaluate<string | null>("localStorage.getItem('cert.token')");
    const token = await storedToken();
    expect(token).toMatch(/^Bearer /);
    const ended = await fetch(`${app.baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: token! } });
    expect(ended.status).toBe(204);
    await page.getByRole('button', { name: '刷新' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await page.getByText('请先登录').waitFor(); // the API's message for the dead session
    expect(await storedToken()).toBeNull();
  });
});
