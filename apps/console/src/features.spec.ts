import { FEATURES } from './features';
import { appChineseMessages } from './i18n/zh-CN';
import { MENU_SECTIONS, menuEntries, visibleMenu } from './layout/menu';

const message = (key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], appChineseMessages);

// The registrations are the console's one list of pages: its hash routes (#/batches/:id/show, #/deadline-calculator, …)
// and sidebar must stay as users and bookmarks know them.
describe('console features', () => {
  it('mount the same resources and custom pages', () => {
    expect(FEATURES.flatMap((f) => (f.resource ? [f.resource.name] : []))).toEqual([
      'batches',
      'deadlines',
      'attachments',
      'flags',
      'rechecks',
      'corrections',
      'complaints',
      'certificates',
      'organisations',
      'users',
      'data-administrators',
      'audit-logs',
      'job-runs',
      'outbox',
    ]);
    expect(FEATURES.flatMap((f) => f.routes ?? []).map((r) => r.path)).toEqual([
      '/queue',
      '/recheck-queue',
      '/correction-queue',
      '/quality-report',
      '/calendar',
      '/deadline-calculator',
      '/jobs',
      '/query-mode',
      '/lookup-stats',
      '/account',
    ]);
  });

  it('list the sidebar in its order, each entry with a Chinese label', () => {
    const entries = menuEntries();
    expect(entries.map((e) => e.to)).toEqual([
      '/',
      '/queue',
      '/batches',
      '/batches/create',
      '/deadlines',
      '/attachments',
      '/flags',
      '/recheck-queue',
      '/rechecks',
      '/correction-queue',
      '/corrections',
      '/complaints',
      '/quality-report',
      '/deadline-calculator',
      '/calendar',
      '/organisations',
      '/users',
      '/data-administrators',
      '/audit-logs',
      '/jobs',
      '/outbox',
      '/query-mode',
      '/lookup-stats',
      '/account',
    ]);
    for (const label of [...entries, ...MENU_SECTIONS].map((e) => e.label)) {
      expect(message(label)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('show an auditor only the audit log, the home page and their own account', () => {
    const shown = visibleMenu(['auditor']).flatMap((s) => s.entries.map((e) => e.to));
    expect(shown).toEqual(['/', '/audit-logs', '/account']);
  });

  it('show 更正申请 to everyone handling data, 更正审核 to the roles that decide a stage', () => {
    const shown = (roles: Parameters<typeof visibleMenu>[0]) =>
      visibleMenu(roles).flatMap((s) => s.entries.map((e) => e.to));
    for (const role of ['municipal_admin', 'provincial_reviewer', 'national_reviewer'] as const) {
      expect(shown([role])).toEqual(expect.arrayContaining(['/correction-queue', '/corrections']));
    }
    for (const role of ['institution_operator', 'provincial_admin', 'municipal_head', 'national_admin'] as const) {
      expect(shown([role])).toContain('/corrections');
      expect(shown([role])).not.toContain('/correction-queue');
    }
    expect(shown(['auditor'])).not.toContain('/corrections');
  });

  it('show 定时任务 and 邮件发件箱 to national_admin only', () => {
    const shown = (roles: Parameters<typeof visibleMenu>[0]) =>
      visibleMenu(roles).flatMap((s) => s.entries.map((e) => e.to));
    expect(shown(['national_admin'])).toEqual(expect.arrayContaining(['/jobs', '/outbox']));
    for (const role of [
      'provincial_admin',
      'municipal_admin',
      'municipal_head',
      'auditor',
      'national_reviewer',
    ] as const) {
      expect(shown([role])).not.toContain('/jobs');
      expect(shown([role])).not.toContain('/outbox');
    }
  });

  it('show 疑似问题 and 暂停查询 to the centres, 复核 to the provinces, none of them to institutions or auditors', () => {
    const shown = (roles: Parameters<typeof visibleMenu>[0]) =>
      visibleMenu(roles).flatMap((s) => s.entries.map((e) => e.to));
    for (const role of ['national_reviewer', 'national_admin', 'municipal_admin', 'municipal_head'] as const) {
      expect(shown([role])).toEqual(expect.arrayContaining(['/flags', '/rechecks']));
      expect(shown([role])).not.toContain('/recheck-queue');
    }
    for (const role of ['provincial_reviewer', 'provincial_admin'] as const) {
      expect(shown([role])).toEqual(expect.arrayContaining(['/flags', '/recheck-queue', '/rechecks']));
    }
    for (const role of ['institution_operator', 'auditor'] as const) {
      for (const page of ['/flags', '/recheck-queue', '/rechecks']) expect(shown([role])).not.toContain(page);
    }
  });

  it('show 投诉处理 to every role handling the data, institutions included, and not to auditors (R-43)', () => {
    const shown = (roles: Parameters<typeof visibleMenu>[0]) =>
      visibleMenu(roles).flatMap((s) => s.entries.map((e) => e.to));
    for (const role of ['national_admin', 'provincial_reviewer', 'municipal_head', 'institution_operator'] as const) {
      expect(shown([role])).toContain('/complaints');
    }
    expect(shown(['auditor'])).not.toContain('/complaints');
  });
});
