import { auditFieldRows, displayIp, formatAuditValue } from './auditFormat';

describe('audit log formatting for auditors', () => {
  it('shows IPv4 clients as IPv4', () => {
    expect(displayIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(displayIp('::FFFF:10.2.3.4')).toBe('10.2.3.4');
    expect(displayIp('::1')).toBe('::1');
    expect(displayIp('2001:db8::1')).toBe('2001:db8::1');
    expect(displayIp('')).toBe('');
    expect(displayIp(null)).toBe('');
  });

  it('names values: statuses by their labels per target, booleans 是/否, days and Beijing times', () => {
    expect(formatAuditValue('batch', 'status', 'provincial_review')).toBe('省级审核');
    expect(formatAuditValue('organisation', 'status', 'active')).toMatch(/[\u4e00-\u9fa5]/);
    expect(formatAuditValue('batch', 'lateSubmission', true)).toBe('是');
    expect(formatAuditValue('user', 'disabled', false)).toBe('否');
    expect(formatAuditValue('batch', 'dueDate', '2026-12-03')).toBe('2026-12-03');
    expect(formatAuditValue('user', 'lastLoginAt', '2026-12-03T00:30:00.000Z')).toBe('2026-12-03 08:30:00');
    expect(formatAuditValue('user', 'roles', ['municipal_admin', 'auditor'])).toBe('市级证书数据管理员、审计员');
    expect(formatAuditValue('batch', 'kind', 'skill_level')).toBe('职业技能等级证书');
    expect(formatAuditValue('calendar_day', 'kind', 'workday')).toBe('调休上班日');
    expect(formatAuditValue('certificate', 'level', 3)).toBe('三级/高级工');
    expect(formatAuditValue('batch', 'correctionDue', null)).toBe('—');
  });

  it('never shows JSON: a nested record reads as labelled fields', () => {
    const text = formatAuditValue('calendar_year', 'batches', [{ id: 20, before: '2026-12-01', after: '2026-12-03' }]);
    expect(text).toBe('编号：20；原期限：2026-12-01；新期限：2026-12-03');
    expect(text).not.toContain('{');
  });

  it('puts before and after side by side, labelled in Chinese, marking what changed', () => {
    const rows = auditFieldRows({
      targetType: 'batch',
      before: { status: 'municipal_review', version: 2 },
      after: { status: 'provincial_review', dueDate: '2026-12-03', publishedOn: null },
    });
    expect(rows).toEqual([
      { key: 'status', label: '状态', before: '市级审核', after: '省级审核', changed: true },
      { key: 'version', label: '版本号', before: '2', after: '—', changed: true },
      { key: 'dueDate', label: '办理期限', before: '—', after: '2026-12-03', changed: true },
      { key: 'publishedOn', label: '发布日期', before: '—', after: '—', changed: false },
    ]);
  });

  it('spreads a nested record into its own rows and leaves a missing side blank', () => {
    const rows = auditFieldRows({
      targetType: 'batch',
      before: { exemption: null },
      after: { exemption: { reason: '疫情延误', approverName: '陈志强', grantedAt: '2026-12-03T02:00:00.000Z' } },
    });
    expect(rows.map((r) => [r.label, r.before, r.after])).toEqual([
      ['受理豁免 · 原因', '—', '疫情延误'],
      ['受理豁免 · 审批人', '—', '陈志强'],
      ['受理豁免 · 批准时间', '—', '2026-12-03 10:00:00'],
    ]);
    const created = auditFieldRows({
      targetType: 'user',
      before: null,
      after: { username: 'gd_auditor', disabled: false },
    });
    expect(created).toEqual([
      { key: 'username', label: '用户名', before: '', after: 'gd_auditor', changed: false },
      { key: 'disabled', label: '已停用', before: '', after: '否', changed: false },
    ]);
  });

  it('hides internal fields such as organisation paths and search digests', () => {
    const rows = auditFieldRows({ targetType: 'organisation', before: null, after: { name: '某机构', path: '/1/2/' } });
    expect(rows.map((r) => r.key)).toEqual(['name']);
  });
});
