import type { BatchStatus } from '@app/domain';
import type { CorrectionStatus } from './corrections';
import type { ComplaintStatus } from '@app/domain';
import type { RecheckStatus } from './screening';

// The deadline board's JSON shape (`/api/admin/deadlines`).

/**
 * `recheck`: a suspended certificate's provincial re-check (复核, R-26); `correction_request`: a stage of a correction
 * or deletion request, or a work order; `complaint`: a complaint waiting for the institution's reply
 * (投诉, R-43); the others are a batch's open stage.
 */
export type DeadlineItemKind = 'upload' | 'review' | 'correction' | 'recheck' | 'correction_request' | 'complaint';

export const DEADLINE_ITEM_KIND_LABELS: Record<DeadlineItemKind, string> = {
  upload: '上报',
  review: '审核',
  correction: '更正',
  recheck: '复核',
  correction_request: '更正申请',
  complaint: '投诉',
};

/** The board's `state` filter: against today and the next three working days. */
export type DeadlineState = 'overdue' | 'due_soon' | 'on_time';

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  overdue: '已逾期',
  due_soon: '3个工作日内到期',
  on_time: '正常',
};

/**
 * `GET /api/admin/deadlines` row: one open item and who must act on it. A batch's item has the batch's
 * id; a re-check's item (kind `recheck`, R-26) has the id `recheck-<id>`, the certificate's batch as `batchId`, one
 * record, the suspension day as `stageReceivedOn`, and `recheckId`, `certificateId`, `certificateNumber`, `linkPath`.
 * A complaint's item (kind `complaint`, R-43) has the id `complaint-<id>`, the batch it names (or null), one record,
 * the recording day as `stageReceivedOn`, and `complaintId`, `linkPath`.
 */
export interface DeadlineItem {
  id: number | string;
  /** Null for a complaint that names no batch. */
  batchId: number | null;
  version: number;
  kind: DeadlineItemKind;
  status: BatchStatus | RecheckStatus | CorrectionStatus | ComplaintStatus;
  statusLabel: string;
  institutionId: number;
  institutionName: string;
  recordCount: number;
  lateSubmission: boolean;
  stageReceivedOn: string | null;
  dueDate: string | null;
  dueProvisional?: boolean;
  overdue: boolean;
  workingDaysLeft: number | null;
  dueText: string | null;
  responsibleOrganisationId: number | null;
  responsibleOrganisation: string;
  responsibleRole: string;
  /** A re-check's item only. */
  recheckId?: number;
  /** A correction request's item only (id `correction-<id>`). */
  correctionId?: number;
  certificateId?: number;
  certificateNumber?: string;
  /** A complaint's item only. */
  complaintId?: number;
  /** The console route of a feature's item (`/rechecks/<id>/show`, `/corrections/<id>/show`, `/complaints/<id>/show`). */
  linkPath?: string;
}
