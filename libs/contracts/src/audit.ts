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
  /** The action in Chinese (AUDIT_ACTION_LABELS). */
  actionLabel: string;
  targetType: string | null;
  targetId: string | number | null;
  /** The target as a person names it: 批次 #20 · 机构名称, 证书 编号, 用户 姓名（用户名）, 机构 名称. */
  targetName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  /** `detail` for a reader: refusal and failure codes replaced by their Chinese message, no request paths. */
  detailText: string | null;
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
  'auth.totp.setup': '生成两步验证密钥',
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
  'user.totp.reset': '重置用户两步验证',
  'data_admin.register': '登记数据管理员',
  'data_admin.approve': '批准数据管理员',
  'data_admin.reject': '驳回数据管理员登记',
  'data_admin.handover': '数据管理员交接',
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
  'batch.due.recompute': '按日历变更重算办理期限',
  'batch.error_report.download': '下载导入错误报告',
  'batch.error_report.expire': '删除过期的导入错误报告',
  'certificate.edit': '修改证书记录',
  'certificate.id.reveal': '查看完整证件号码',
  'certificate.id.search': '按证件号码查询证书',
  'jobs.run': '手动运行定时任务',
  'mail.retry': '重新发送邮件',
  'request.refused': '请求被拒绝',
  'demo.load': '装入演示数据',
  'lookup.account.register': '注册查询账号',
  'lookup.code.create': '生成证书查询授权码',
  'lookup.code.stop': '停止授权',
  'lookup.code.resume': '恢复授权',
  'flag.dismiss': '排除疑似问题',
  'flag.suspend': '按疑似问题暂停查询',
  'certificate.suspend': '暂停证书查询',
  'recheck.restore': '复核后恢复查询',
  'recheck.confirm': '复核确认问题',
  'recheck.end_by_deletion': '证书删除后结束复核',
  'correction.create': '提出更正申请',
  'correction.approve': '审核通过更正申请',
  'correction.apply': '执行更正申请',
  'correction.return': '退回更正申请',
  'correction.resubmit': '重新提交更正申请',
  'correction.withdraw': '撤回更正申请',
  'correction.override': '登记同意再次修改',
  'correction.open_from_recheck': '复核确认后待提出更正申请',
  'certificate.correct': '按更正申请修改证书数据',
  'certificate.delete': '按删除申请逻辑删除证书',
  'data_admin.mobile.reveal': '查看数据管理员完整手机号码',
  'certificate.resume_lookup': '恢复证书查询',
  'attachment.upload': '上传附件',
  'attachment.view': '查看附件信息',
  'attachment.download': '下载附件',
  'complaint.create': '登记投诉',
  'complaint.reply': '答复投诉',
  'complaint.close': '投诉办结',
  'complaint.reopen': '投诉退回重新答复',
};

/** Chinese names for audit target types (`targetType`). */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  user: '用户',
  organisation: '机构',
  data_administrator: '数据管理员',
  request: '请求',
  batch: '批次',
  certificate: '证书',
  calendar_day: '日历日期',
  calendar_year: '日历年度',
  import_error_report: '错误报告',
  job: '定时任务',
  mail: '邮件',
  query_mode: '证书查询模式',
  lookup_account: '查询账号',
  lookup_authorization_code: '证书查询授权码',
  flag: '疑似问题',
  recheck: '复核任务',
  attachment: '附件',
  correction: '更正申请',
  complaint: '投诉',
};

/**
 * Chinese for the codes a failed action records in `detail` (auth failures); a refused request's detail carries its
 * Chinese message itself.
 */
export const AUDIT_DETAIL_CODE_LABELS: Record<string, string> = {
  AUTH_INVALID_CREDENTIALS: '用户名或密码错误',
  AUTH_ACCOUNT_LOCKED: '账号已锁定',
  AUTH_TOO_MANY_FAILURES_FROM_ADDRESS: '该网络地址登录失败次数过多',
  AUTH_TOTP_INVALID: '动态码错误、已过期或已使用过',
  AUTH_WRONG_PASSWORD: '当前密码不正确',
  TOTP_CODE_INVALID: '动态码错误',
};

/** The reader's text of a record's `detail`: a code by its Chinese name, a refusal by its message alone. */
export function auditDetailText(detail: string | null): string | null {
  if (detail === null || detail === '') return null;
  const known = AUDIT_DETAIL_CODE_LABELS[detail];
  if (known) return known;
  // A refused request is recorded as "METHOD /route → CODE: message" (the error filter); the message is Chinese.
  const refusal = /^[A-Z]+ \S+ → [A-Z0-9_]+: ([\s\S]*)$/.exec(detail);
  if (refusal) return refusal[1];
  return detail;
}

/**
 * Chinese names of the fields audit records keep in before/after, whatever the target (the shapes the services
 * write: batch transitions, users, organisations, certificate records, calendar days, mails, job runs).
 */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  id: '编号',
  status: '状态',
  version: '版本号',
  dueDate: '办理期限',
  publishedOn: '发布日期',
  correctionDue: '更正期限',
  childBatchId: '退回记录所在新批次',
  returnedRecords: '退回记录数',
  recordCount: '记录数',
  lateSubmission: '逾期上报',
  overdueStatement: '逾期上报情况说明',
  exemption: '受理豁免',
  reason: '原因',
  approverId: '审批人编号',
  approverName: '审批人',
  organisationName: '所属机构',
  grantedAt: '批准时间',
  responsiblePerson: '责任人',
  contact: '联系方式',
  givenBy: '填报人',
  givenAt: '填报时间',
  institutionId: '评价机构编号',
  kind: '类别',
  fileName: '文件名',
  checksum: '文件校验值（SHA-256）',
  proxyReason: '代为上传原因',
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  organisationId: '所属机构编号',
  email: '电子邮箱',
  disabled: '已停用',
  totpEnabled: '两步验证',
  lastLoginAt: '最近登录',
  mustChangePassword: '须修改密码',
  failures: '连续失败次数',
  lockedUntil: '锁定至',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  level: '级别',
  parentId: '上级机构编号',
  regionCode: '行政区划代码',
  name: '名称',
  creditCode: '统一社会信用代码',
  registeredAt: '备案日期',
  deadlineProfile: '期限规则',
  scope: '评价范围',
  levels: '等级',
  validFrom: '有效期起',
  validTo: '有效期止',
  batchId: '批次编号',
  holderName: '姓名',
  idType: '证件类型',
  idNumberMasked: '证件号码',
  gender: '性别',
  birthDate: '出生日期',
  education: '文化程度',
  occupationCode: '职业编码',
  occupationName: '职业名称',
  workType: '工种/职业方向',
  certificateNumber: '证书编号',
  issueDate: '发证日期',
  admissionTicket: '准考证号',
  theoryScore: '理论知识考试成绩',
  practicalScore: '操作技能考核成绩',
  comprehensiveScore: '综合评审成绩',
  result: '评价结果',
  rowNumber: 'Excel 行号',
  uploadDue: '上报期限',
  returnReason: '退回原因',
  deletedAt: '删除时间',
  year: '年度',
  notice: '通知名称',
  noticeNumber: '文号',
  date: '日期',
  source: '来源',
  attempts: '发送次数',
  lastError: '最近一次错误',
  job: '任务',
  instance: '运行实例',
  trigger: '触发方式',
  startedAt: '开始时间',
  finishedAt: '结束时间',
  outcome: '结果',
  counts: '处理数量',
  error: '错误',
  count: '数量',
  batches: '批次',
  before: '原期限',
  after: '新期限',
  provisional: '暂定期限',
  idNumberHash: '证件号码检索值',
  lookupStatus: '查询状态',
  lookupStatusLabel: '查询状态',
  flagId: '疑似问题编号',
  recheckId: '复核任务编号',
  correctionId: '更正申请编号',
  appliedVersion: '生成的证书版本',
  modificationsApplied: '已修改次数',
  overridesRecorded: '已登记再次修改次数',
  attachmentIds: '附件',
  rule: '筛查规则',
  certificateId: '证书编号（内部）',
  certificateIds: '暂停查询的证书',
  skipped: '未暂停的证书',
  provinceId: '复核省份编号',
  decisionReason: '处理意见',
  purpose: '用途',
  size: '文件大小（字节）',
  sha256: '文件校验值（SHA-256）',
  contentType: '文件类型',
  channel: '投诉渠道',
  contactPhoneMasked: '联系电话',
  receivedOn: '受理日期',
  reply: '答复内容',
  note: '办结意见',
  reopenCount: '退回次数',
  lateReply: '逾期答复',
};

/** Values of recorded fields that no other contract names: calendar day kinds and sources, yes/no. */
export const AUDIT_VALUE_LABELS = {
  calendarDayKind: { holiday: '节假日', workday: '调休上班日' } as Record<string, string>,
  calendarSource: { notice: '国务院通知', manual: '手动登记' } as Record<string, string>,
  yes: '是',
  no: '否',
};
