import type { BatchStatus, Role } from '@app/domain';
import type { DeadlineItemKind } from './deadlines';

// Deadline reminders' JSON shape (`GET /api/admin/my-reminders`, R-35, R-36).

export type ReminderEventName = 'due_soon' | 'overdue';

export const REMINDER_EVENT_LABELS: Readonly<Record<ReminderEventName, string>> = {
  due_soon: '即将到期',
  overdue: '已逾期',
};

/** One item the caller is reminded of today: as the person who must act, or as the head (escalation). */
export interface MyReminderItem {
  kind: DeadlineItemKind;
  batchId: number;
  status: BatchStatus;
  /** The stage in words, as the digest mail writes it. */
  stageLabel: string;
  institutionId: number;
  institutionName: string;
  recordCount: number;
  /** YYYY-MM-DD. */
  dueDate: string;
  event: ReminderEventName;
  /** Working days left (≥ 0) when due soon; 0 when overdue. */
  workingDaysLeft: number;
  /** Working days past the due date (≥ 1) when overdue; 0 otherwise. */
  overdueWorkingDays: number;
  responsibleOrganisationId: number | null;
  responsibleOrganisation: string;
  responsibleRole: Role;
  responsibleRoleLabel: string;
  /** True when the caller is reminded as the head of the responsible organisation (overdue escalation). */
  escalation: boolean;
}
