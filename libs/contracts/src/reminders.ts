import type { BatchStatus, Role } from '@app/domain';
import { DEADLINE_ITEM_KIND_LABELS, type DeadlineItemKind } from './deadlines';

// Deadline reminders' JSON shape (`GET /api/admin/my-reminders`, R-35, R-36).

export type ReminderEventName = 'due_soon' | 'overdue';

export const REMINDER_EVENT_LABELS: Readonly<Record<ReminderEventName, string>> = {
  due_soon: '即将到期',
  overdue: '已逾期',
};

/** an institution's twice-monthly qualification upload day; R-32: a coming cutover of the public lookup. */
export type ReminderItemKind = DeadlineItemKind | 'qualification_upload_day' | 'lookup_cutover';

export const REMINDER_ITEM_KIND_LABELS: Readonly<Record<ReminderItemKind, string>> = {
  ...DEADLINE_ITEM_KIND_LABELS,
  qualification_upload_day: '职业资格证书数据上传日',
  lookup_cutover: '证书查询模式切换',
};

/** One item the caller is reminded of today: as the person who must act, or as the head (escalation). */
export interface MyReminderItem {
  kind: ReminderItemKind;
  /** The batch; null for an upload day, which belongs to no batch. */
  batchId: number | null;
  /** The batch's status; null for an upload day. */
  status: BatchStatus | null;
  /** The stage in words, as the digest mail writes it. */
  stageLabel: string;
  institutionId: number;
  institutionName: string;
  /** The batch's records; null for an upload day. */
  recordCount: number | null;
  /** For an upload day: the issue dates whose data it uploads, inclusive. */
  issueWindow?: { from: string; to: string };
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
  /** The console route of an item of no batch other than an upload day (e.g. `/query-mode` for a cutover). */
  linkPath?: string;
  /** How far off it is when not counted in working days (a cutover: `距切换还有 7 天`). */
  remainingText?: string;
}
