import { epochDay, isoWeekday, type IsoDate } from '@app/domain';
import type { CalendarDayEntry, CalendarYearView } from '@app/contracts';

/** How the official calendar treats a day. */
export type DayKind = 'holiday' | 'workday' | 'weekend' | 'working';

interface DayKindStyle {
  label: string;
  background: string;
  color: string;
  /** The corner mark Chinese calendars use: 休 on holidays, 班 on adjusted working days. */
  badge?: string;
}

/** One look per kind, shared by the month grids, the legend and the day list. */
export const DAY_KIND_STYLES: Record<DayKind, DayKindStyle> = {
  holiday: { label: '放假', background: '#fdecea', color: '#c62828', badge: '休' },
  workday: { label: '调休上班', background: '#fff3e0', color: '#e65100', badge: '班' },
  weekend: { label: '周末休息', background: '#eeeeee', color: '#757575' },
  working: { label: '工作日', background: 'transparent', color: 'inherit' },
};

export interface SpecialDay extends CalendarDayEntry {
  kind: 'holiday' | 'workday';
}

/** The year's holidays and adjusted working days, in date order. */
export function specialDays(view: CalendarYearView): SpecialDay[] {
  return [
    ...view.holidays.map((d) => ({ ...d, kind: 'holiday' as const })),
    ...view.workdays.map((d) => ({ ...d, kind: 'workday' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

export function dayKind(date: IsoDate, special: SpecialDay | undefined): DayKind {
  if (special) return special.kind;
  return isoWeekday(epochDay(date)) >= 6 ? 'weekend' : 'working';
}
