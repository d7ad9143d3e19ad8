// the national centre is reminded of each coming cutover of the public lookup — the day the new mode
// opens and the day the old mode stops — 30, 7 and 1 days before it.
import { addDaysIso, epochDay, type IsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { LookupKind, QueryModeDates } from './query-mode';

export const CUTOVER_REMINDER_KIND = 'lookup_cutover';
/** Days before a cutover at which national staff are reminded, largest first. */
export const CUTOVER_REMINDER_DAYS = [30, 7, 1] as const;
export type CutoverThreshold = (typeof CUTOVER_REMINDER_DAYS)[number];

export type CutoverChange = 'new_mode_opens' | 'old_mode_stops';

export const CUTOVER_CHANGE_LABELS: Readonly<Record<CutoverChange, string>> = {
  new_mode_opens: '新版查询上线',
  old_mode_stops: '旧版查询停用',
};

export interface CutoverReminder {
  kind: LookupKind;
  change: CutoverChange;
  /** The first day of the change (the new mode's first day; the first day without the old mode). */
  date: IsoDate;
  /** Calendar days from today to `date` (1 … 30). */
  daysLeft: number;
  /** The smallest reminder mark the date is within: each mark is one reminder, once. */
  threshold: CutoverThreshold;
}

/**
 * The cutovers of one kind's schedule falling 1 to 30 days after `today`, each at the smallest mark it is within —
 * a mark passed on a day without a run is not sent late once a smaller one applies. Reminders go out on working
 * days, so the last working day before a change counts as its 1-day mark (a Monday change is announced on Friday).
 */
export function cutoverReminders(
  kind: LookupKind,
  dates: QueryModeDates,
  today: IsoDate,
  calendar: Pick<WorkingDayCalendar, 'workingDayAfter'>,
): CutoverReminder[] {
  const changes: Array<[CutoverChange, IsoDate]> = [
    ['new_mode_opens', dates.newModeStart],
    ['old_mode_stops', addDaysIso(dates.oldModeLastDay, 1)],
  ];
  const nextWorkingDay = calendar.workingDayAfter(today, 1);
  return changes.flatMap(([change, date]) => {
    const daysLeft = epochDay(date) - epochDay(today);
    if (daysLeft < 1) return [];
    const lastRunBefore = nextWorkingDay >= date;
    const threshold = lastRunBefore ? 1 : [...CUTOVER_REMINDER_DAYS].reverse().find((mark) => daysLeft <= mark);
    return threshold === undefined ? [] : [{ kind, change, date, daysLeft, threshold }];
  });
}
