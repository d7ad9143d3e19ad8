// The audit trail's JSON shapes (`/api/admin/audit-logs…`, R-38) and the Chinese names of its codes.

export type AuditOutcome = 'success' | 'failure';

/** `GET /api/admin/audit-logs` row. */
export interface AuditLogView<Time = string> {
  id: number;
  at: Time;
  userId: number | null;
  username: string | null;
  organisationId: number | null;
  organisationName: string | null;
  role: string | null;
  action: string;
  targetType: string | null;
  targetId: string | number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  hash: string;
}

/** `GET /api/admin/audit-logs/verify`: the hash chain checked from the start. */
export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  firstBrokenSeq?: number;
  reason?: string;
}

/**
 * Chinese names for audit action codes (`action`). The console's action filter offers these; a code not listed
 * is shown as it is, so add each new feature's actions here.
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
  'calendar.year.publish': '登记年度节假日通知',
  'calendar.day.add': '添加日历日期',
  'calendar.day.remove': '删除日历日期',
  'batch.upload': '上传批次',
  'batch.reupload': '重新上传更正数据',
  'batch.submit': '提交批次',
  'batch.exemption': '受理豁免',
  'batch.approve': '审核通过',
  'batch.publish': '审核通过并发布',
  'batch.return': '整批退回',
  'batch.return.partial': '部分退回',
  'certificate.edit': '修改证书记录',
  'certificate.id.reveal': '查看完整证件号码',
  'request.refused': '请求被拒绝',
  'demo.load': '装入演示数据',
};

/** Chinese names for audit target types (`targetType`). */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  user: '用户',
  organisation: '机构',
  request: '请求',
  batch: '批次',
  certificate: '证书',
  calendar_day: '日历日期',
  calendar_year: '日历年度',
  import_error_report: '错误报告',
};
