// the public lookup's mode on a Beijing day, from the national centre's schedule for one certificate kind.
import { addDaysIso, type IsoDate } from '../calendar/iso-date';

/** The certificate kinds the public lookup serves (seed 000: two national lookup systems). */
export type LookupKind = 'qualification' | 'skill_level';
export const LOOKUP_KINDS: readonly LookupKind[] = ['qualification', 'skill_level'];

/** `old` anonymous only, `both` in parallel, `new` real-name only. */
export type QueryMode = 'old' | 'both' | 'new';

export interface QueryModeDates {
  /** First day the real-name mode is open. */
  newModeStart: IsoDate;
  /** Last day the anonymous mode is open. */
  oldModeLastDay: IsoDate;
}

/** Seed 000: new mode from 2025-12-01, old mode through 2026-02-28 (both kinds). */
export const DEFAULT_QUERY_MODE_DATES: Readonly<QueryModeDates> = {
  newModeStart: '2025-12-01',
  oldModeLastDay: '2026-02-28',
};

/**
 * The mode on `day`: old before the new mode starts, new after the old mode's last day, both in between. With a
 * schedule whose old mode ends before the new one starts there would be days with no mode: `queryModeGap` refuses it.
 */
export function queryModeOn(dates: QueryModeDates, day: IsoDate): QueryMode {
  const newOpen = day >= dates.newModeStart;
  const oldOpen = day <= dates.oldModeLastDay;
  if (newOpen && oldOpen) return 'both';
  if (newOpen) return 'new';
  return 'old';
}

/** True when a schedule leaves a day with neither mode: the old mode ends before the day before the new one starts. */
export function queryModeGap(dates: QueryModeDates): boolean {
  return dates.oldModeLastDay < addDaysIso(dates.newModeStart, -1);
}

export const oldModeOpen = (mode: QueryMode): boolean => mode !== 'new';
export const newModeOpen = (mode: QueryMode): boolean => mode !== 'old';
