import type {
  AttachmentPurpose,
  CorrectableField,
  CorrectionChanges,
  CorrectionRouteKind,
  CorrectionStageName,
  CorrectionType,
  OrganisationLevel,
  Role,
  WorkOrderUrgency,
} from '@app/domain';
import type { DueInfo } from './batches';

// Correction and deletion requests' JSON shapes (`/api/admin/corrections…`, R-19 – R-23): a work order (附件4) for
// data in review, an erratum (附件5-1) for published data, a logical deletion (附件5-2) requested by the province.

export {
  CORRECTABLE_FIELDS,
  CORRECTION_STAGES,
  CORRECTION_TYPES,
  WORK_ORDER_URGENCIES,
  type CorrectableField,
  type CorrectionChanges,
  type CorrectionRouteKind,
  type CorrectionStageName,
  type CorrectionType,
  type WorkOrderUrgency,
} from '@app/domain';

export const CORRECTION_TYPE_LABELS: Record<CorrectionType, string> = {
  modify: '修改',
  delete: '删除',
};

export const CORRECTION_STATUSES = ['awaiting', 'pending', 'returned', 'applied', 'withdrawn'] as const;
/**
 * `awaiting`: opened by a confirmed re-check and waiting for the requester to add the changes and papers;
 * `pending`: waiting at `stage`; `returned`: sent back to the requester with a reason (may be amended and resent, or
 * withdrawn); `applied`: the new version is written or the certificate is logically deleted; `withdrawn`: closed by
 * the requester without effect. `awaiting`, `pending` and `returned` are open (CORRECTION_PENDING).
 */
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = {
  awaiting: '待补充提交',
  pending: '处理中',
  returned: '已退回',
  applied: '已执行',
  withdrawn: '已撤回',
};

export const CORRECTION_ROUTE_LABELS: Record<CorrectionRouteKind, string> = {
  direct_edit: '直接修改（草稿或已退回批次）',
  work_order: '运维工单（未发布数据，附件4）',
  published_modification: '数据勘误（已发布数据，附件5-1）',
  published_deletion: '逻辑删除（已发布数据，附件5-2）',
};

export const CORRECTION_STAGE_LABELS: Record<CorrectionStageName, string> = {
  work_order: '工单处理',
  municipal_review: '市级审核',
  provincial_review: '省级审核',
  national_review: '部中心审核并执行',
};

/** 附件4 要求完成时间, with the form's note 2 on the period. */
export const WORK_ORDER_URGENCY_LABELS: Record<WorkOrderUrgency, string> = {
  urgent: '紧急',
  express: '急',
  normal: '普通',
};

export const WORK_ORDER_URGENCY_HINTS: Record<WorkOrderUrgency, string> = {
  urgent: '一般24小时内解决',
  express: '一般48小时内解决',
  normal: '一般5个工作日解决',
};

/** 附件4 变更类型 (numbered as printed: 01 需求变更, 02 数据修改, 03 问题报告). A correction is 02 in practice. */
export const WORK_ORDER_CHANGE_TYPES = ['requirement_change', 'data_modification', 'problem_report'] as const;
export type WorkOrderChangeType = (typeof WORK_ORDER_CHANGE_TYPES)[number];

export const WORK_ORDER_CHANGE_TYPE_LABELS: Record<WorkOrderChangeType, string> = {
  requirement_change: '01 需求变更',
  data_modification: '02 数据修改',
  problem_report: '03 问题报告',
};

/** 附件4 变更模块名称: the form's printed value. */
export const WORK_ORDER_DEFAULT_MODULE = '职业技能等级认定监管';

/** 附件4's own fields; given with a request whose route is `work_order`, absent otherwise. */
export interface WorkOrderFields {
  urgency: WorkOrderUrgency;
  changeType: WorkOrderChangeType;
  /** 变更模块名称. */
  module: string;
  /** 变更理由 (the request's `reason` is shown when this is the same). */
  reason: string;
}

/** `POST /api/admin/corrections` body. */
export interface CreateCorrectionBody {
  certificateId: number;
  type: CorrectionType;
  /** Modifications only: new values by the field names of `PUT /api/admin/certificates/:id`, plus `idNumber`. */
  changes?: CorrectionChanges;
  reason: string;
  attachmentIds: number[];
  /** Required when the certificate is in review (the request becomes a work order). */
  workOrder?: WorkOrderFields;
}

/** `POST /api/admin/corrections` reply (201). */
export interface CreateCorrectionReply {
  id: number;
  status: CorrectionStatus;
  version: number;
  route: CorrectionRouteKind;
  /** The first stage's due day (YYYY-MM-DD, Beijing). */
  dueDate: string | null;
}

/** `POST /api/admin/corrections/overrides` body: the provincial centre allows one more modification. */
export interface CorrectionOverrideBody {
  certificateId: number;
  reason: string;
}

/** `POST /api/admin/corrections/:id/approve` and `/return` bodies. */
export interface CorrectionApproveBody {
  version: number;
}
export interface CorrectionReturnBody {
  version: number;
  reason: string;
}

/** `POST /api/admin/corrections/:id/resubmit`: a returned request amended and sent back to its first stage. */
export interface CorrectionResubmitBody {
  version: number;
  /** Omitted fields keep their earlier values. */
  changes?: CorrectionChanges;
  reason?: string;
  attachmentIds?: number[];
  workOrder?: WorkOrderFields;
}

/** `POST /api/admin/corrections/:id/withdraw`: the requester closes an open request without effect. */
export interface CorrectionWithdrawBody {
  version: number;
  reason?: string;
}

/** One step of the route, as the detail shows it. */
export interface CorrectionStageView {
  stage: CorrectionStageName;
  stageLabel: string;
  role: Role;
  level: OrganisationLevel;
  applies: boolean;
}

/** One requested change; ID numbers only masked, never in plaintext. */
export interface CorrectionChangeView {
  field: CorrectableField;
  /** The template's Chinese column header. */
  fieldLabel: string;
  before: string | null;
  after: string | null;
}

/** `GET /api/admin/corrections` row (react-admin list; filters `status`, `certificateId`, `stage`, `type`). */
export interface CorrectionRow extends DueInfo {
  id: number;
  certificateId: number;
  certificateNumber: string;
  holderName: string;
  institutionId: number;
  institutionName: string;
  type: CorrectionType;
  typeLabel: string;
  route: CorrectionRouteKind;
  routeLabel: string;
  status: CorrectionStatus;
  statusLabel: string;
  /** Where it waits (null once applied or withdrawn). */
  stage: CorrectionStageName | null;
  stageLabel: string | null;
  /** Work orders only. */
  urgency: WorkOrderUrgency | null;
  urgencyLabel: string | null;
  /** Hour-based work orders: the exact instant due (ISO 8601 UTC), for the countdown. */
  dueAt: string | null;
  requestedById: number;
  requestedByName: string;
  requestedAt: string;
  version: number;
}

/** One decision on the request (who, at which stage, approve or return, why). */
export interface CorrectionDecisionView {
  stage: CorrectionStageName;
  action: 'approve' | 'return' | 'resubmit' | 'withdraw';
  actorName: string;
  reason: string | null;
  at: string;
}

/** `GET /api/admin/corrections/:id`. */
export interface CorrectionDetail extends CorrectionRow {
  reason: string;
  changes: CorrectionChangeView[];
  workOrder: WorkOrderFields | null;
  attachments: Array<{ id: number; purpose: AttachmentPurpose; fileName: string }>;
  stages: CorrectionStageView[];
  decisions: CorrectionDecisionView[];
  returnReason: string | null;
  /** Once applied: the certificate version written (modifications). */
  appliedVersion: number | null;
  /** The confirmed re-check that opened the request, if any. */
  recheckId: number | null;
}

/** `GET /api/admin/certificates/:id/versions` item: every version kept, with what it changed. */
export interface CertificateVersionView {
  version: number;
  /** The request that wrote it (null for the imported version and direct edits before publication). */
  correctionId: number | null;
  changes: CorrectionChangeView[];
  /** Every correctable field's value in this version (ID number masked), for the side-by-side view. */
  values: Record<CorrectableField, string | null>;
  /** `import`, `edit` (a draft or returned batch's record), `reupload`, `correction` (an applied request). */
  source: 'import' | 'edit' | 'reupload' | 'correction';
  createdByName: string | null;
  createdAt: string;
}

/** `GET /api/admin/certificates/:id/versions`: oldest first; the last is the certificate as it stands. */
export type CertificateVersionsReply = CertificateVersionView[];
