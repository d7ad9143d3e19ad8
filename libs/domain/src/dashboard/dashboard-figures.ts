import type { OrganisationLevel, Role } from '../access/roles';
import type { IsoDate } from '../calendar/iso-date';
import { addMonthsToParts, epochDayFromParts, parseIsoDate, toIsoDate } from '../calendar/iso-date';
import type { CorrectionStageName } from '../corrections/correction-route';

// R-40: the rules behind the dashboards' figures that are not SQL — which months a chart covers, which correction
// stages are a person's own work.

/** Beijing is UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export const DASHBOARD_MAX_MONTHS = 36;

/** One Beijing calendar month: its key, its first day and the first day of the next, and those as UTC instants. */
export interface BeijingMonth {
  /** `YYYY-MM`. */
  month: string;
  firstDay: IsoDate;
  /** First day of the following month (exclusive end). */
  nextFirstDay: IsoDate;
  /** Epoch milliseconds of 00:00 Beijing time on `firstDay` and on `nextFirstDay`. */
  fromMs: number;
  toMs: number;
}

/** The `count` Beijing months ending with the month of `today`, oldest first. */
export function beijingMonths(today: IsoDate, count: number): BeijingMonth[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`month count must be a positive integer: ${count}`);
  const { year, month } = parseIsoDate(today);
  const first = { year, month, day: 1 };
  return Array.from({ length: count }, (_, i) => {
    const start = addMonthsToParts(first, i - count + 1);
    const next = addMonthsToParts(start, 1);
    return {
      month: `${start.year}-${String(start.month).padStart(2, '0')}`,
      firstDay: toIsoDate(start),
      nextFirstDay: toIsoDate(next),
      fromMs: epochDayFromParts(start.year, start.month, 1) * 86_400_000 - BEIJING_OFFSET_MS,
      toMs: epochDayFromParts(next.year, next.month, 1) * 86_400_000 - BEIJING_OFFSET_MS,
    };
  });
}

/**
 * The correction stages a person decides (correctionRoute): each stage's role held at the level the stage sits at;
 * work orders are decided by the institution's parent centre — a municipal admin, or a provincial reviewer for
 * institutions directly under the province — so they are theirs only for the institutions directly below them.
 */
export function correctionStagesDecidedBy(
  roles: readonly Role[],
  level: OrganisationLevel,
): { stages: CorrectionStageName[]; workOrdersOfChildren: boolean } {
  if (level === 'municipal' && roles.includes('municipal_admin')) {
    return { stages: ['municipal_review'], workOrdersOfChildren: true };
  }
  if (level === 'provincial' && roles.includes('provincial_reviewer')) {
    return { stages: ['provincial_review'], workOrdersOfChildren: true };
  }
  if (level === 'national' && roles.includes('national_reviewer')) {
    return { stages: ['national_review'], workOrdersOfChildren: false };
  }
  return { stages: [], workOrdersOfChildren: false };
}

/**
 * the requests a confirmed re-check opened that this person completes — an institution's operators the
 * corrections of its certificates, a province's reviewers the deletions (`correctionRequesterOf`). Null: none. (A
 * dissolved institution's centre completes its corrections too; those are few and reach it by the reminders.)
 */
export function awaitingCorrectionsCompletedBy(
  roles: readonly Role[],
  level: OrganisationLevel,
): 'modification' | 'deletion' | null {
  if (level === 'institution' && roles.includes('institution_operator')) return 'modification';
  if (level === 'provincial' && roles.includes('provincial_reviewer')) return 'deletion';
  return null;
}
