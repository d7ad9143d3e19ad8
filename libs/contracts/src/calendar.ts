import type { DeadlineProfile, DeadlineRule, IsoDate } from '@app/domain';

// The official working-day calendar's JSON shapes (`/api/admin/calendar…`, R-15) and the deadline calculator.

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDayEntry {
  date: IsoDate;
  name: string;
  /** 'notice': loaded from the State Council notice; 'manual': added in the console, with a reason. */
  source: 'notice' | 'manual';
  reason: string | null;
}

/** `GET /api/admin/calendar/days?year=`: one year as the API holds it. */
export interface CalendarYearView {
  year: number;
  /** False while the year's State Council notice is not registered: deadlines then count weekends only. */
  covered: boolean;
  provisional: boolean;
  notice: string | null;
  noticeNumber: string | null;
  publishedOn: IsoDate | null;
  holidays: CalendarDayEntry[];
  workdays: CalendarDayEntry[];
  coveredYears: number[];
  /** The server's Beijing calendar day. */
  today: IsoDate;
}

/** `POST /api/admin/calendar/years` body: register a year's State Council notice. */
export interface PublishYearInput {
  year: number;
  notice: string;
  noticeNumber?: string;
  publishedOn?: IsoDate;
  reason: string;
}

/** `POST /api/admin/calendar/days` body. */
export interface AddDayInput {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
  reason: string;
}

/** `GET /api/admin/calendar/deadline` query. */
export interface DeadlineQuery {
  rule: DeadlineRule;
  /** A day (YYYY-MM-DD) for day rules; a timestamp with offset for the hour rules. */
  from: string;
  profile: DeadlineProfile;
}
