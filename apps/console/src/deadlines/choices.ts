import { BATCH_STATUS_LABELS, type BatchStatus } from '@app/domain';

export type DeadlineItemKind = 'upload' | 'review' | 'correction';

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

export const DEADLINE_KIND_LABELS: Record<DeadlineItemKind, string> = {
  upload: '上报',
  review: '审核',
  correction: '更正',
};

export const deadlineKindChoices = Object.entries(DEADLINE_KIND_LABELS).map(([id, name]) => ({ id, name }));

/** The board lists open items only, so published is no stage to filter by. */
const OPEN_STATUSES: BatchStatus[] = [
  'draft',
  'returned',
  'municipal_review',
  'municipal_head_approval',
  'provincial_review',
  'national_review',
];

export const openStageChoices = OPEN_STATUSES.map((id) => ({ id, name: BATCH_STATUS_LABELS[id] }));

export const deadlineStateChoices = [
  { id: 'overdue', name: '已逾期' },
  { id: 'due_soon', name: '3个工作日内到期' },
  { id: 'on_time', name: '正常' },
];
