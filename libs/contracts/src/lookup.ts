import type { LookupKind, QueryMode } from '@app/domain';

// The public certificate lookup's JSON shapes (`/api/lookup/*`, R-27 – R-34) and the national centre's side of it
// (`/api/admin/query-mode*`, `/api/admin/lookup-stats`). Times are ISO 8601 strings on the wire (`Time` is `Date` in
// the API); days are Beijing `YYYY-MM-DD`.

export type { LookupKind, QueryMode } from '@app/domain';

/** Seed 000: the two national lookup systems. */
export const LOOKUP_KIND_LABELS: Readonly<Record<LookupKind, string>> = {
  qualification: '技能人员职业资格证书',
  skill_level: '职业技能等级证书',
};

export const QUERY_MODE_LABELS: Readonly<Record<QueryMode, string>> = {
  old: '仅旧版查询',
  both: '新旧版并行',
  new: '仅新版查询',
};

// ---- Query-mode schedule (R-32) ----

/** One kind's schedule as stored and as `GET /api/lookup/modes` shows it (with the mode of `today`). */
export interface QueryModeSchedule {
  kind: LookupKind;
  newModeStart: string;
  oldModeLastDay: string;
  /** 公告 shown above the lookup and in every LOOKUP_MODE_DISABLED answer. */
  announcement: string;
}

/** `GET /api/lookup/modes` (public). */
export interface LookupModesView {
  today: string;
  kinds: Array<QueryModeSchedule & { mode: QueryMode }>;
}

/** `GET /api/admin/query-mode` element (national_admin). */
export interface QueryModeAdminView<Time = string> extends QueryModeSchedule {
  mode: QueryMode;
  version: number;
  updatedAt: Time;
  updatedByName: string | null;
}

/** `PUT /api/admin/query-mode/:kind` body. */
export interface QueryModeUpdate {
  newModeStart: string;
  oldModeLastDay: string;
  announcement: string;
  reason: string;
  /** The `version` of the schedule as read (optimistic locking: 409 STALE_VERSION when someone changed it since). */
  version: number;
}

/** `GET /api/admin/query-mode/history` row: every change, newest first. */
export interface QueryModeChangeView<Time = string> {
  id: number;
  kind: LookupKind;
  changedAt: Time;
  changedById: number;
  changedByName: string;
  before: Omit<QueryModeSchedule, 'kind'>;
  after: Omit<QueryModeSchedule, 'kind'>;
  reason: string;
}

// ---- Results (R-10, R-27, R-28) ----

/**
 * One certificate as the lookup shows it (seed 000's result card): full in the holder's own view and by code,
 * masked (R-10: name, ID number, certificate number) in the old mode and the three-field query of others.
 */
export interface LookupCertificate {
  kind: LookupKind;
  holderName: string;
  /** 男 / 女 / 未知 / 未说明. */
  gender: string;
  idNumber: string;
  certificateNumber: string;
  /** 职业资格 / 职业（工种）. */
  occupationName: string;
  /** 职业方向. */
  workType: string | null;
  /** 技能等级, e.g. 四级/中级技能. */
  levelLabel: string | null;
  issueDate: string;
  /** 评价机构 / 鉴定中心. */
  institutionName: string;
  /** 数据责任单位: the provincial centre that published the data. */
  dataResponsibleUnit: string;
  masked: boolean;
}

/** Every lookup query answers 200 with this body; nothing found is `{ results: [] }`. */
export interface LookupResults {
  results: LookupCertificate[];
}

/** `POST /api/lookup/old` body. */
export interface OldModeQuery {
  kind: LookupKind;
  certificateNumber?: string;
  idNumber?: string;
  name?: string;
  admissionTicket?: string;
}

/** `POST /api/lookup/others` body. */
export interface OthersQuery {
  kind: LookupKind;
  name: string;
  idNumber: string;
  certificateNumber: string;
}

// ---- Public accounts (R-5) ----

export type LookupAccountType = 'person' | 'legal_entity';

export const LOOKUP_ACCOUNT_TYPE_LABELS: Readonly<Record<LookupAccountType, string>> = {
  person: '个人用户',
  legal_entity: '法人用户',
};

/** `POST /api/lookup/auth/register` body. */
export type LookupRegistration =
  | { type: 'person'; name: string; idType: string | number; idNumber: string; mobile: string; password: string }
  | {
      type: 'legal_entity';
      name: string;
      creditCode: string;
      contactName: string;
      mobile: string;
      password: string;
    };

/** The logged-in public account (`GET /api/lookup/auth/me`, and in the login answer); identifiers masked. */
export interface LookupAccountView {
  id: number;
  type: LookupAccountType;
  name: string;
  /** Person: ID number masked; legal entity: credit code masked the same way. */
  identifierMasked: string;
  mobileMasked: string;
}

/** `POST /api/lookup/auth/login` answer. */
export interface LookupLoginResult {
  token: string;
  account: LookupAccountView;
}

// ---- Authorization codes (R-29) ----

export type AuthorizationCodeStatus = 'active' | 'stopped' | 'expired';

export const AUTHORIZATION_CODE_STATUS_LABELS: Readonly<Record<AuthorizationCodeStatus, string>> = {
  active: '授权中',
  stopped: '已停止授权',
  expired: '已过期',
};

/** `POST /api/lookup/codes` answer and `GET /api/lookup/codes` element; `code` grouped for reading aloud. */
export interface AuthorizationCodeView<Time = string> {
  id: number;
  kind: LookupKind;
  code: string;
  createdAt: Time;
  expiresAt: Time;
  status: AuthorizationCodeStatus;
}

// ---- Quotas and batch query (R-30, R-31) ----

/** `GET /api/lookup/quota`. */
export interface LookupQuotaView<Time = string> {
  used: number;
  limit: number;
  resetsAt: Time;
}

/** `POST /api/lookup/batch` answer. */
export interface LookupBatchView {
  id: number;
  kind: LookupKind;
  rows: number;
  found: number;
  /** Present above the recommended batch size (50). */
  warning?: string;
}

/** `GET /api/lookup/batch/:id` row: the queried line (its ID number masked) and what it found. */
export interface LookupBatchRow {
  rowNumber: number;
  queriedName: string;
  queriedIdNumberMasked: string;
  queriedCertificateNumber: string;
  results: LookupCertificate[];
}

// ---- Coverage and volumes (R-34, lookup log) ----

/** `GET /api/lookup/coverage` row (seed 001's table): earliest and latest issue dates of published data. */
export interface LookupCoverageRow {
  kind: LookupKind;
  provinceName: string;
  institutionName: string;
  earliestIssueDate: string;
  latestIssueDate: string;
}

export type LookupLogMode = 'old' | 'mine' | 'others' | 'code' | 'batch';

export const LOOKUP_LOG_MODE_LABELS: Readonly<Record<LookupLogMode, string>> = {
  old: '旧版查询',
  mine: '查询本人证书',
  others: '三项信息查询他人证书',
  code: '授权码查询他人证书',
  batch: '法人批量查询',
};

/** `GET /api/admin/lookup-stats` row (staff): queries per Beijing day and mode. */
export interface LookupDailyCount {
  day: string;
  mode: LookupLogMode;
  queries: number;
  found: number;
}
