import type { OrganisationLevel, Role } from '../access/roles';
import type { InstitutionStatus } from '../batches/workflow-rules';
import { compareIso, type IsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

// R-43 (粤 四(二)): complaints that certificate data is not online — recorded by a centre, assigned to the
// institution, answered by it, and closed (or sent back) by the centre.

/**
 * - `open`: assigned to the institution, waiting for its reply (by the due day);
 * - `replied`: the institution answered; the recording centre accepts (close) or sends it back (reopen);
 * - `closed`: the centre accepted the reply, with a closing note. Final.
 */
export const COMPLAINT_STATUSES = ['open', 'replied', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** How the complaint reached the centre: 12333热线, 来信, 来访, 网上留言, 电话, 其他. */
export const COMPLAINT_CHANNELS = ['hotline_12333', 'letter', 'visit', 'online', 'phone', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_ACTIONS = ['reply', 'close', 'reopen'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

const TRANSITIONS: Record<ComplaintAction, { from: ComplaintStatus; to: ComplaintStatus }> = {
  reply: { from: 'open', to: 'replied' },
  close: { from: 'replied', to: 'closed' },
  reopen: { from: 'replied', to: 'open' },
};

/** The status an action leads to from `status`, or null when the action is not allowed there (409). */
export function complaintTransition(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  const t = TRANSITIONS[action];
  return t.from === status ? t.to : null;
}

/** The status an action must find (the guard of the conditional update). */
export function complaintActionFrom(action: ComplaintAction): ComplaintStatus {
  return TRANSITIONS[action].from;
}

/**
 * The seeds set no period for answering a complaint; the platform gives the institution 5 working days from the
 * Beijing day the complaint is recorded (or sent back), on the official working-day calendar (docs/decisions.md).
 */
export const COMPLAINT_REPLY_WORKING_DAYS = 5;

/** The day the institution's reply is due: that many working days (5 by default) after `recordedOn`. */
export function complaintReplyDue(
  calendar: WorkingDayCalendar,
  recordedOn: IsoDate,
  workingDays: number = COMPLAINT_REPLY_WORKING_DAYS,
): IsoDate {
  return calendar.workingDayAfter(recordedOn, workingDays);
}

/** A reply given after the due day (Beijing days) counts as overdue in the quality report. */
export function isLateReply(dueDate: IsoDate, repliedOn: IsoDate): boolean {
  return compareIso(repliedOn, dueDate) > 0;
}

export const CONTENT_MAX_LENGTH = 2000;
export const REPLY_MAX_LENGTH = 2000;
export const NOTE_MAX_LENGTH = 500;
export const HOLDER_NAME_MAX_LENGTH = 50;

/** Refusal codes the API declares with their HTTP status; the Chinese sentence is shown to the user. */
export const COMPLAINT_REFUSALS = {
  COMPLAINT_CERTIFICATE_NOT_OF_INSTITUTION: '所填证书不是该评价机构发放的证书',
  COMPLAINT_BATCH_NOT_OF_INSTITUTION: '所填批次不是该评价机构上报的批次',
  COMPLAINT_CERTIFICATE_NOT_IN_BATCH: '所填证书不在所填批次中',
  COMPLAINT_NOT_AN_INSTITUTION: '投诉只能交办给评价机构',
  COMPLAINT_RECEIVED_IN_FUTURE: '受理日期不能晚于今天',
  COMPLAINT_REPLY_NOT_ASSIGNED: '只有被交办的评价机构（已主体灭失的机构由其上级技能中心管理员）可以答复该投诉',
} as const;
export type ComplaintRefusal = keyof typeof COMPLAINT_REFUSALS;

/** What a new complaint names besides the institution: a certificate and/or a batch, as stored. */
export interface ComplaintSubject {
  institutionId: number;
  institutionLevel: OrganisationLevel;
  certificate?: { institutionId: number; batchId: number } | null;
  batch?: { id: number; institutionId: number } | null;
  receivedOn: IsoDate;
  today: IsoDate;
}

/** Why a complaint cannot be recorded as given, or null. Checked in this order. */
export function complaintSubjectRefusal(s: ComplaintSubject): ComplaintRefusal | null {
  if (s.institutionLevel !== 'institution') return 'COMPLAINT_NOT_AN_INSTITUTION';
  if (compareIso(s.receivedOn, s.today) > 0) return 'COMPLAINT_RECEIVED_IN_FUTURE';
  if (s.certificate && s.certificate.institutionId !== s.institutionId) {
    return 'COMPLAINT_CERTIFICATE_NOT_OF_INSTITUTION';
  }
  if (s.batch && s.batch.institutionId !== s.institutionId) return 'COMPLAINT_BATCH_NOT_OF_INSTITUTION';
  if (s.certificate && s.batch && s.certificate.batchId !== s.batch.id) return 'COMPLAINT_CERTIFICATE_NOT_IN_BATCH';
  return null;
}

/** Who answers for an institution: its operators, or for a dissolved one its parent centre's administrator. */
export function complaintResponder(
  institution: { id: number; parentId: number | null; status: InstitutionStatus },
  parentLevel: OrganisationLevel | undefined,
): { organisationId: number | null; role: Role } {
  if (institution.status === 'dissolved') {
    return {
      organisationId: institution.parentId,
      role: parentLevel === 'provincial' ? 'provincial_admin' : 'municipal_admin',
    };
  }
  return { organisationId: institution.id, role: 'institution_operator' };
}

/**
 * Whether `actor` may reply for the institution: it must be the responder above. A dissolved institution's own
 * operators get `INSTITUTION_DISSOLVED` from the maintenance check before this one.
 */
export function complaintReplyRefusal(
  actor: { organisationId: number; roles: readonly Role[] },
  responder: { organisationId: number | null; role: Role },
): ComplaintRefusal | null {
  return actor.organisationId === responder.organisationId && actor.roles.includes(responder.role)
    ? null
    : 'COMPLAINT_REPLY_NOT_ASSIGNED';
}
