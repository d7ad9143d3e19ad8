/**
 * Chinese names for audit action codes and target types (the API's `action` / `targetType`). The
 * action filter offers these; a code not listed is shown as it is, so add each new feature's actions here.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.password.change': '修改本人密码',
  'auth.totp.enable': '启用两步验证',
  'auth.totp.disable': '停用两步验证',
  'organisation.create': '新建机构',
  'organisation.update': '修改机构',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password.reset': '重置用户密码',
  'user.unlock': '解锁用户',
  'demo.load': '装入演示数据',
};

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  user: '用户',
  organisation: '机构',
  request: '请求',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function auditTargetLabel(targetType: string): string {
  return AUDIT_TARGET_LABELS[targetType] ?? targetType;
}

export const auditActionChoices = Object.entries(AUDIT_ACTION_LABELS).map(([id, name]) => ({ id, name: `${name}（${id}）` }));
export const auditTargetChoices = Object.entries(AUDIT_TARGET_LABELS).map(([id, name]) => ({ id, name }));
