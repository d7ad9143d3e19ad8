import type { BatchStatus } from '@app/domain';

export type BatchKind = 'skill_level' | 'qualification';

/** R-16 附件3 逾期上报情况说明, as the API keeps it on the batch. */
export interface OverdueStatement {
  reason: string;
  responsiblePerson: string;
  contact: string;
  recordCount: number;
  givenBy: string;
  givenAt: string;
}

/** a provincial centre's exemption from the 6-month acceptance cutoff. */
export interface Exemption {
  reason: string;
  approverName: string;
  organisationName: string;
  grantedAt: string;
  /** How many records past the cutoff it covers. */
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

/** `GET /api/admin/batches` row. */
export interface Batch extends DueInfo {
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
  exemption: Exemption | null;
  /** why a centre uploaded the batch for the institution. */
  proxyReason?: string | null;
  /** the stage approval leads to on the province's chain. */
  nextStatus?: BatchStatus | 'published' | null;
  stageReceivedOn: string | null;
  dueRule: string | null;
  returnedFrom: string | null;
  submittedAt: string | null;
  publishedOn: string | null;
  round: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type HistoryAction = 'upload' | 'submit' | 'approve' | 'return' | 'exemption' | 'reupload' | 'record_edit';

/** `GET /api/admin/batches/:id/history` entry (R-13 decision trail). */
export interface HistoryEntry {
  id: number;
  action: HistoryAction;
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
  createdAt: string;
  records: Array<{ certificateId: number; reason: string }>;
}

export type CertificateStatus = 'draft' | 'in_review' | 'returned' | 'published';

/** `GET /api/admin/certificates` row: the ID number only masked. */
export interface CertificateRecord {
  id: number;
  batchId: number;
  holderName: string;
  idType: number;
  idNumberMasked: string;
  gender: number;
  birthDate: string;
  education: number | null;
  occupationCode: string;
  occupationName: string;
  workType: string | null;
  level: number | null;
  certificateNumber: string;
  issueDate: string;
  admissionTicket: string | null;
  theoryScore: number | null;
  practicalScore: number | null;
  comprehensiveScore: number | null;
  result: number | null;
  status: CertificateStatus;
  rowNumber: number;
  uploadDue: string | null;
  returnReason: string | null;
  publishedOn: string | null;
  version: number;
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

export interface BulkApproveReply {
  approved: number;
  failed: number;
  results: Array<{ id: number; ok: boolean; status?: string; code?: string; message?: string }>;
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
