import type { CorrectionRow } from '@app/contracts';

/** How a countdown chip reads (an i18n key with its numbers) and looks. */
export interface CountdownLook {
  key: string;
  args: Record<string, number>;
  color: 'success' | 'warning' | 'error' | 'info';
}

const HOUR = 3_600_000;

/**
 * a 紧急 / 急 work order counts hours on the clock to its exact instant — overdue red, the last 6 hours amber.
 * Whole hours left are rounded down (never more time than there is), hours overdue rounded up.
 */
export function hoursCountdown(dueAt: string, nowMs: number): CountdownLook | null {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  const left = due - nowMs;
  if (left <= 0) {
    return {
      key: 'app.corrections.due.hours_overdue',
      args: { hours: Math.max(1, Math.ceil(-left / HOUR)) },
      color: 'error',
    };
  }
  if (left < HOUR) return { key: 'app.corrections.due.within_hour', args: {}, color: 'warning' };
  const hours = Math.floor(left / HOUR);
  return { key: 'app.corrections.due.hours_left', args: { hours }, color: hours < 6 ? 'warning' : 'info' };
}

/**
 * Which countdown a request shows while it waits: hours for work orders due at an instant, working days (DueInfo)
 * for the rest; none once applied or withdrawn, or while returned to the requester.
 */
export function countdownKind(
  row: Pick<CorrectionRow, 'status' | 'dueAt' | 'workingDaysLeft'>,
): 'hours' | 'working_days' | null {
  if (row.status !== 'pending') return null;
  if (row.dueAt) return 'hours';
  return row.workingDaysLeft != null ? 'working_days' : null;
}
