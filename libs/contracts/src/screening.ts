import { SCREENING_RULES, type ScreeningRule } from '@app/domain';

// The screening flags', suspensions' and re-checks' JSON shapes (`/api/admin/flags…`, `/api/admin/rechecks…`,
// `/api/admin/certificates/:id/suspend|history`).

export { SCREENING_RULES, SCREENING_RULE_CODES, type ScreeningRule } from '@app/domain';

export const SCREENING_RULE_LABELS: Record<ScreeningRule, string> = SCREENING_RULES;

/** what national made of a flag. `suspended` = at least one of its certificates was suspended for it. */
export type FlagStatus = 'open' | 'dismissed' | 'suspended';

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = {
  open: '待处理',
  dismissed: '已排除',
  suspended: '已暂停查询',
};

/** Whether lookup may find a certificate: set on publication; `suspended` by national. */
export type LookupStatus = 'visible' | 'suspended' | 'deleted';

export const LOOKUP_STATUS_LABELS: Record<LookupStatus, string> = {
  visible: '可查询',
  suspended: '暂停查询',
  deleted: '已删除',
};

/** `GET /api/admin/flags` row (react-admin list; filters `rule`, `status`, `organisationId`, `certificateId`). */
export interface FlagRow {
  id: number;
  rule: ScreeningRule;
  ruleLabel: string;
  status: FlagStatus;
  statusLabel: string;
  /** Chinese one-line summary of what crossed the threshold. */
  summary: string;
  certificateCount: number;
  certificateIds: number[];
  certificateNumbers: string[];
  /** Names of the institutions whose certificates the flag concerns. */
  institutionNames: string[];
  raisedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  /**
   * the provincial re-checks of the certificates suspended for this flag, within the caller's jurisdiction:
   * still open, restored to lookup, confirmed. A suspended flag whose re-checks are all decided is 复核完毕.
   */
  rechecks: RecheckCounts;
  version: number;
}

export interface RecheckCounts {
  open: number;
  restored: number;
  confirmed: number;
}

/** A certificate as a flag's evidence lists it: the ID number only masked. */
export interface FlagCertificate {
  id: number;
  certificateNumber: string;
  holderName: string;
  idNumberMasked: string;
  institutionId: number;
  institutionName: string;
  kind: string;
  occupationCode: string;
  occupationName: string;
  level: number | null;
  birthDate: string;
  issueDate: string;
  status: string;
  statusLabel: string;
  lookupStatus: LookupStatus | null;
  lookupStatusLabel: string | null;
  /** The open re-check of this certificate, if it is suspended. */
  openRecheckId: number | null;
}

/** `GET /api/admin/flags/:id`: the row, the figures that crossed the threshold and the linked certificates. */
export interface FlagDetail extends FlagRow {
  /** Rule-specific figures (count, threshold, days, month, trailingMedian, factor, numberKey, …). */
  figures: Record<string, string | number>;
  /** Chinese names of the figures' keys, for display. */
  figureLabels: Record<string, string>;
  certificates: FlagCertificate[];
  /** Linked certificates beyond those listed (volume_spike lists the first 50). */
  unlisted: number;
}

/** `GET /api/admin/flags/summary`: counts per rule, for the 疑似问题 page's overview. */
export interface FlagRuleCount {
  rule: ScreeningRule;
  ruleLabel: string;
  open: number;
  dismissed: number;
  suspended: number;
}

export const FLAG_FIGURE_LABELS: Record<string, string> = {
  reason: '原因',
  birthDate: '出生日期',
  issueDate: '发证日期',
  minimumAge: '最低年龄',
  occupationCode: '职业编码',
  level: '等级',
  status: '机构状态',
  registeredAt: '机构备案日期',
  count: '数量',
  threshold: '阈值',
  days: '天数',
  numberKey: '规范化编号',
  institutionId: '机构',
  month: '月份',
  trailingMedian: '前期中位数',
  factor: '倍数',
};

/** the owning province's re-check (复核) of a suspended certificate. */
export type RecheckStatus = 'open' | 'restored' | 'confirmed';

export const RECHECK_STATUS_LABELS: Record<RecheckStatus, string> = {
  open: '待复核',
  restored: '已恢复查询',
  confirmed: '已确认问题',
};

/** What a confirmed re-check leads to: a deletion or a correction. */
export type RecheckOutcome = 'delete' | 'correct';

export const RECHECK_OUTCOME_LABELS: Record<RecheckOutcome, string> = {
  delete: '删除证书',
  correct: '更正证书',
};

/** `GET /api/admin/rechecks` row (filters `status`, `organisationId`, `certificateId`, `due` = overdue|soon). */
export interface RecheckRow {
  id: number;
  certificateId: number;
  certificateNumber: string;
  holderName: string;
  idNumberMasked: string;
  institutionId: number;
  institutionName: string;
  provinceId: number;
  provinceName: string;
  flagId: number | null;
  flagRuleLabel: string | null;
  suspendReason: string;
  suspendedAt: string;
  suspendedByName: string;
  /** Beijing day: suspension + screening.recheckWorkingDays working days. */
  dueDate: string;
  workingDaysLeft: number | null;
  overdue: boolean;
  /** e.g. '剩 3 个工作日' or '已逾期 2 个工作日'; null once decided. */
  dueText: string | null;
  status: RecheckStatus;
  statusLabel: string;
  outcome: RecheckOutcome | null;
  outcomeLabel: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  version: number;
}

/** `POST /api/admin/certificates/:id/suspend` and `POST /api/admin/flags/:id/suspend` bodies. */
export interface SuspendRequest {
  reason: string;
  flagId?: number;
}

export interface DismissFlagRequest {
  reason: string;
}

export interface RestoreRequest {
  reason: string;
  version: number;
}

export interface ConfirmRecheckRequest {
  reason: string;
  outcome: RecheckOutcome;
  version: number;
}

/** `POST /api/admin/flags/:id/suspend` answer: the re-checks opened (certificates already suspended are skipped). */
export interface SuspendFlagResult {
  flag: FlagRow;
  rechecks: RecheckRow[];
  /** Certificates of the flag not suspended, with the Chinese reason (unpublished, already suspended). */
  skipped: { certificateId: number; certificateNumber: string; reason: string }[];
}

/** One entry of a certificate's history (`GET /api/admin/certificates/:id/history`), newest first. */
export type CertificateHistoryKind =
  'published' | 'flag_raised' | 'flag_dismissed' | 'suspended' | 'restored' | 'confirmed';

export const CERTIFICATE_HISTORY_LABELS: Record<CertificateHistoryKind, string> = {
  published: '发布',
  flag_raised: '筛查发现疑似问题',
  flag_dismissed: '疑似问题已排除',
  suspended: '暂停查询',
  restored: '复核后恢复查询',
  confirmed: '复核确认问题',
};

export interface CertificateHistoryEntry {
  at: string;
  kind: CertificateHistoryKind;
  label: string;
  /** Who acted (null for the screening job and publication by the system). */
  actorName: string | null;
  organisationName: string | null;
  reason: string | null;
  /** e.g. the flag's rule label, or the confirmed outcome's label. */
  detail: string | null;
  flagId: number | null;
  recheckId: number | null;
}
