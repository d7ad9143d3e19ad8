import { computeDeadline, isDeadlineRule, type DeadlineProfile } from './deadline-policy';
import type { IsoDate } from './iso-date';
import { qualificationUploadDue } from './qualification-upload';
import type { WorkingDayCalendar } from './working-day-calendar';

/** the upload day of qualification data (twice a month, 人社鉴发〔2013〕2号 第十二条), stored as a batch's due rule. */
export const QUALIFICATION_UPLOAD_RULE = 'qualification_upload';

/**
 * A due date as a batch stores it: the rule, the day its period runs from and whether a year it
 * reaches had no published holiday notice (R-15: then weekends only, provisional). With rule and start stored, a
 * due date can be recomputed when national_admin publishes or edits a year.
 */
export interface StoredDeadline {
  due: IsoDate;
  rule: string;
  from: IsoDate;
  provisional: boolean;
  explanation: string;
}

/** a record's upload deadline follows the skill-level periods, or the 2013 upload days for qualification data. */
export function uploadRuleFor(kind: string): string {
  return kind === 'qualification' ? QUALIFICATION_UPLOAD_RULE : 'upload';
}

/** The due date of any rule a batch may store: an R-14 period rule, or the R-18 qualification upload day. */
export function computeStoredDeadline(
  calendar: WorkingDayCalendar,
  rule: string,
  from: IsoDate,
  profile: DeadlineProfile = 'national',
): StoredDeadline {
  if (rule === QUALIFICATION_UPLOAD_RULE) {
    // The 2013 rules are national; provincial profiles do not change them.
    const slot = qualificationUploadDue(calendar, from);
    return { due: slot.due, rule, from, provisional: slot.provisional, explanation: slot.explanation };
  }
  const result = computeDeadline(calendar, isDeadlineRule(rule) ? rule : (rule as never), from, profile);
  return { due: result.due, rule, from, provisional: result.provisional, explanation: result.explanation };
}

/** the upload deadline of a record of `kind` issued on `issueDate`. */
export function computeUploadDeadline(
  calendar: WorkingDayCalendar,
  kind: string,
  issueDate: IsoDate,
  profile: DeadlineProfile = 'national',
): StoredDeadline {
  return computeStoredDeadline(calendar, uploadRuleFor(kind), issueDate, profile);
}
