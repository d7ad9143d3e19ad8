import type { BatchStatus } from '@app/domain';

// The deadline board's JSON shape (`/api/admin/deadlines`).

export type DeadlineItemKind = 'upload' | 'review' | 'correction';

export const DEADLINE_ITEM_KIND_LABELS: Record<DeadlineItemKind, string> = {
  upload: '上报',
  review: '审核',
  correction: '更正',
};

/** The board's `state` filter: against today and the next three working days. */
export type DeadlineState = 'overdue' | 'due_soon' | 'on_time';

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  overdue: '已逾期',
  due_soon: '3个工作日内到期',
  on_time: '正常',
};

/** `GET /api/admin/deadlines` row: one open item and who must act on it. */
export interface DeadlineItem {
  id: number;
  batchId: number;
  version: number;
  kind: DeadlineItemKind;
  status: BatchStatus;
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
}
