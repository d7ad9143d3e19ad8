import type { OrganisationLevel, Role } from '../access';
import { epochDay, IsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** the two events a reminder item produces, each mailed once per item, stage and due date. */
export type ReminderEvent = 'due_soon' | 'overdue';

/** "due within 3 working days". */
export const DUE_SOON_WORKING_DAYS = 3;

/**
 * The event an item with `due` produces on the Beijing day `today`, or null.
 * - `due_soon`: from the working day on which at most `dueSoonDays` working days remain (the due day counts, today
 *   does not), up to and including the due day;
 * - `overdue`: from the first working day after the due day.
 * Reminders are sent on working days only (adjusted working weekends included): on a rest day there is no event,
 * and the next working day produces it. The database's unique key keeps each event to one mail.
 */
export function reminderEvent(
  calendar: WorkingDayCalendar,
  due: IsoDate,
  today: IsoDate,
  dueSoonDays: number = DUE_SOON_WORKING_DAYS,
): ReminderEvent | null {
  if (!calendar.isWorkingDay(today)) return null;
  if (epochDay(today) > epochDay(due)) return calendar.workingDaysBetween(due, today) >= 1 ? 'overdue' : null;
  return calendar.workingDaysBetween(today, due) <= dueSoonDays ? 'due_soon' : null;
}

/** Who acts on an item: the responsible organisation's level and what kind of item it is. */
export interface Responsibility {
  level: OrganisationLevel;
  /** For an institution: the level of the centre it is registered under (municipal or provincial). */
  parentLevel?: OrganisationLevel;
}

/**
 * R-35 escalation: who hears of an overdue item besides the people who must act.
 * A centre's overdue stage goes to its head (municipal_head, provincial_admin, national_admin). An institution's
 * overdue upload or correction goes to the data administrator of its municipal centre, or to the provincial
 * admin for an institution registered directly under the province. Returns where to look (the organisation one
 * level up for institutions) and the role to find there.
 */
export function escalationTarget(r: Responsibility): { organisation: 'self' | 'parent'; role: Role } {
  if (r.level === 'institution') {
    return { organisation: 'parent', role: r.parentLevel === 'provincial' ? 'provincial_admin' : 'municipal_admin' };
  }
  switch (r.level) {
    case 'municipal':
      return { organisation: 'self', role: 'municipal_head' };
    case 'provincial':
      return { organisation: 'self', role: 'provincial_admin' };
    case 'national':
      return { organisation: 'self', role: 'national_admin' };
  }
}
