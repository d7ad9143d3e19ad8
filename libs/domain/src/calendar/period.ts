import type { NamedDay } from './holiday-year';
import type { IsoDate } from './iso-date';

export type PeriodUnit = 'working_days' | 'days' | 'months' | 'hours';

/**
 * A rest day a period stepped over. Holidays are listed one day each; plain weekend rest days are summarised in
 * one `weekend` entry per stretch (count, first and last day) so a result stays small for long periods.
 * `roll_forward` records R-15's move of a last day that is a rest day to the next working day.
 */
export type SkippedEntry =
  | { kind: 'holiday'; date: IsoDate; reason: string }
  | { kind: 'holidays_more'; date: IsoDate; lastDate: IsoDate; count: number; reason: string }
  | { kind: 'weekend'; date: IsoDate; lastDate: IsoDate; count: number; reason: string }
  | { kind: 'roll_forward'; date: IsoDate; reason: string };

/** Every computed period explains itself: start, rule, the day counted last, what was skipped. */
export interface PeriodResult {
  /** The day the period runs from; not counted itself (民法典第二百零一条). */
  start: IsoDate;
  /** The last day on which the act is on time (through 24:00 Beijing time). */
  due: IsoDate;
  unit: PeriodUnit;
  amount: number;
  /** True when the period touches a year with no published holiday notice (weekends only were used). */
  provisional: boolean;
  uncoveredYears: number[];
  /** The period's own last day before any roll-forward (equals `due` for working days). */
  lastCountedDay: IsoDate;
  skipped: SkippedEntry[];
  /** Weekend days inside the period that were counted as working days (调休上班). */
  adjustedWorkdays: NamedDay[];
  explanation: string;
}
