import type { ComplaintAction, ComplaintChannel, ComplaintStatus } from '@app/domain';

// Complaints about certificate data not online (投诉, R-43): `/api/admin/complaints`.

export type { ComplaintAction, ComplaintChannel, ComplaintStatus } from '@app/domain';

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  open: '待机构答复',
  replied: '机构已答复',
  closed: '已办结',
};

export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  hotline_12333: '12333热线',
  letter: '来信',
  visit: '来访',
  online: '网上留言',
  phone: '电话',
  other: '其他',
};

export const COMPLAINT_ACTION_LABELS: Record<ComplaintAction, string> = {
  reply: '机构答复',
  close: '办结',
  reopen: '退回重新答复',
};

/** `POST /api/admin/complaints`: recorded by centre staff for an institution in their jurisdiction. */
export interface CreateComplaintRequest {
  /** The certificate holder (the complainant), ≤ 50 characters. */
  holderName: string;
  /** A Chinese mobile or landline number; stored encrypted, shown masked. */
  contactPhone: string;
  certificateId?: number;
  batchId?: number;
  institutionId: number;
  channel: ComplaintChannel;
  /** ≤ 2000 characters. */
  content: string;
  /** YYYY-MM-DD, not after today; today when left out. */
  receivedOn?: string;
}

export interface ReplyComplaintRequest {
  version: number;
  reply: string;
}

export interface CloseComplaintRequest {
  version: number;
  note: string;
}

export interface ReopenComplaintRequest {
  version: number;
  reason: string;
}

/**
 * `GET /api/admin/complaints` row (filters `status`, `institutionId`, `channel`, `due` = overdue). The contact phone is
 * masked (138****5678).
 */
export interface ComplaintRow {
  id: number;
  holderName: string;
  contactPhoneMasked: string;
  institutionId: number;
  institutionName: string;
  certificateId: number | null;
  certificateNumber: string | null;
  batchId: number | null;
  channel: ComplaintChannel;
  channelLabel: string;
  receivedOn: string;
  /** The Beijing day it was recorded; the reply is due 5 working days later (or after the last reopening). */
  recordedOn: string;
  recordedAt: string;
  dueDate: string;
  /** While open: working days left (negative when overdue); null otherwise. */
  workingDaysLeft: number | null;
  overdue: boolean;
  /** '剩余 3 个工作日（… 到期）' / '今日到期' / '已逾期 2 个工作日（… 到期）'; null unless open. */
  dueText: string | null;
  /** The institution's reply came after its due day at least once (counted in the quality report, R-39). */
  lateReply: boolean;
  status: ComplaintStatus;
  statusLabel: string;
  /** Who must answer: the institution, or for a dissolved one its parent centre. */
  responderOrganisationId: number | null;
  responderOrganisation: string;
  reopenCount: number;
  version: number;
}

/** `GET /api/admin/complaints/:id` and every write's answer. */
export interface ComplaintDetail extends ComplaintRow {
  content: string;
  recordedByName: string;
  recordingOrganisation: string;
  reply: string | null;
  repliedAt: string | null;
  repliedByName: string | null;
  /** Why the last reply was not accepted. */
  reopenReason: string | null;
  reopenedAt: string | null;
  closingNote: string | null;
  closedAt: string | null;
  closedByName: string | null;
  /** What the caller may do now (the console shows these buttons). */
  actions: ComplaintAction[];
}

/** Per institution within a jurisdiction and period, for the quality report. */
export interface ComplaintCounts {
  institutionId: number;
  institutionName: string;
  /** Recorded in the period. */
  recorded: number;
  /** Of those, closed. */
  closed: number;
  /** Of those, answered after the due day, or unanswered past it. */
  overdue: number;
}
