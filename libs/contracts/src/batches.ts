import type { BatchStatus } from '@app/domain';

// The batch API's JSON shapes (`/api/admin/batches…`). `Time` is `Date` inside the API and an ISO 8601 string on
// the wire (JSON), so the API and the console share one declaration.

/** The kinds a batch can hold (R-6; 专项职业能力 is provincial and not uploaded here). */
export const BATCH_KINDS = ['skill_level', 'qualification'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/** R-16 附件3 逾期上报情况说明: the institution's written explanation for a late upload. */
export interface OverdueStatement {
  reason: string;
  responsiblePerson: string;
  contact: string;
  /** Record ids past their upload deadline when the statement was given. */
  recordCount: number;
  givenBy: string;
  givenAt: string;
}

/** a provincial centre's recorded exemption from the 6-month acceptance cutoff. */
export interface AcceptanceExemption {
  reason: string;
  approverId: number;
  approverName: string;
  organisationName: string;
  grantedAt: string;
  /** How many records past the cutoff it was granted for (their keys are in batch_record_keys). */
  recordCount?: number;
}

/** The working-day countdown fields the API computes against its own today. */
export interface DueInfo {
  dueDate: string | null;
  overdue: boolean;
  /** Negative: working days overdue; null: no running deadline. */
  workingDaysLeft: number | null;
  dueText: string | null;
  /** the due date reaches a year whose holiday notice is not yet published (weekends only). */
  dueProvisional?: boolean;
}

/** how a child batch came about: the partial return of its parent that moved its records out. */
export interface BatchSplit<Time = string> {
  parentId: number;
  /** The time of the partial return. */
  at: Time;
  /** The child has been submitted itself since (its `submittedAt` is then its own). */
  submittedSince: boolean;
}

/** `GET /api/admin/batches` row and `GET /api/admin/batches/:id`. */
export interface BatchView<Time = string> extends DueInfo {
  id: number;
  kind: BatchKind;
  status: BatchStatus;
  statusLabel: string;
  institutionId: number;
  institutionName: string;
  parentId: number | null;
  recordCount: number;
  fileName: string | null;
  lateSubmission: boolean;
  overdueStatement: OverdueStatement | null;
  exemption: AcceptanceExemption | null;
  /** why a centre uploaded the batch for the institution. */
  proxyReason: string | null;
  /** where approval takes the batch on its province's chain (null outside review). */
  nextStatus: BatchStatus | null;
  stageReceivedOn: string | null;
  dueRule: string | null;
  returnedFrom: string | null;
  /** the reason of the return that put the batch in `returned` (a child batch: the partial return's). */
  returnReason: string | null;
  /** Detail only: some record carries a return reason other than `returnReason`, so per-record reasons are worth showing. */
  recordReasonsDiffer?: boolean;
  /** Detail only, child batches of a partial return: when they were split off and whether submitted since. */
  splitFrom?: BatchSplit<Time> | null;
  /** A child batch keeps its parent's submission time until it is submitted itself. */
  submittedAt: Time | null;
  publishedOn: string | null;
  round: number;
  version: number;
  createdAt: Time;
  updatedAt: Time;
}

/** What a step of the decision trail did. */
/** `refuse`: a submission refused because records are past the 6-month acceptance cutoff, kept for R-39. */
export type DecisionAction =
  'upload' | 'submit' | 'approve' | 'return' | 'exemption' | 'reupload' | 'record_edit' | 'refuse';

export const DECISION_ACTION_LABELS: Record<DecisionAction, string> = {
  upload: '上传',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  exemption: '受理豁免',
  reupload: '重新上传更正数据',
  record_edit: '修改记录',
  refuse: '不予受理（超过6个月）',
};

/** `GET /api/admin/batches/:id/history` entry (R-13 decision trail). */
export interface HistoryEntry<Time = string> {
  id: number;
  action: DecisionAction;
  stage: string;
  stageLabel: string;
  resultStatus: string;
  resultLabel: string;
  actorName: string;
  /** Role codes, comma-separated. */
  actorRole: string;
  comment: string | null;
  recordCount: number;
  childBatchId: number | null;
  /** a step of the parent batch, copied into a child batch created by a partial return. */
  inheritedFromBatchId?: number | null;
  dueDate: string | null;
  late: boolean;
  createdAt: Time;
  records: Array<{ certificateId: number; reason: string }>;
}

/** A record the submission refused or wants explained. */
export interface LateRecord {
  id: number;
  rowNumber: number;
  certificateNumber: string;
  holderName: string;
  issueDate: string;
  due: string;
}

/** 422 body of a refused submission. */
export interface LateRecordsBody {
  code: 'BATCH_OVERDUE_STATEMENT_REQUIRED' | 'BATCH_PAST_ACCEPTANCE_CUTOFF';
  message: string;
  records: LateRecord[];
  count: number;
}

/**
 * `GET /api/admin/batches/:id/submission-check`: what submitting the batch now, without a 附件3 statement, would
 * meet — the refusal the submission would answer with, or none.
 */
export interface SubmissionCheck {
  refusal: LateRecordsBody | null;
}

/** `POST /api/admin/batches/bulk-approve` reply: each batch on its own. */
export interface BulkApproveReply {
  approved: number;
  failed: number;
  results: Array<{ id: number; ok: boolean; status?: string; version?: number; code?: string; message?: string }>;
}

/** 201 of an upload. `warnings` counts rows accepted with a remark. */
export interface UploadReply {
  id: number;
  recordCount: number;
  status: BatchStatus;
  version: number;
  warnings: number;
}

/** One cell-level problem of a refused sheet; `row` is the Excel row number. */
export interface ImportError {
  row: number;
  column: string;
  message: string;
  severity?: 'error' | 'warning';
}

/** 422 IMPORT_VALIDATION_FAILED body. */
export interface ImportFailure {
  code: 'IMPORT_VALIDATION_FAILED';
  message: string;
  errors: ImportError[];
  errorCount: number;
  /** Errors found beyond import.maxErrors: counted, listed neither here nor in the error report. */
  unlistedErrorCount?: number;
  errorReportId: number;
}
