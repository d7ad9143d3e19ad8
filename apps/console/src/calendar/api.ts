import type { DeadlineProfile, DeadlineResult, DeadlineRule, IsoDate } from '@app/domain';
import { getJson, httpClient, postJson } from '../providers/httpClient';

// /api/admin/calendar: the official working-day calendar and the deadline calculator.
const CALENDAR_API = '/api/admin/calendar';

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

export type CalendarDayKind = 'holiday' | 'workday';

export interface PublishYearInput {
  year: number;
  notice: string;
  noticeNumber?: string;
  publishedOn?: IsoDate;
  reason: string;
}

export interface AddDayInput {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
  reason: string;
}

export interface DeadlineQuery {
  rule: DeadlineRule;
  /** A day (YYYY-MM-DD) for day rules; a timestamp with offset for the hour rules. */
  from: string;
  profile: DeadlineProfile;
}

export const calendarApi = {
  year: (year: number) => getJson<CalendarYearView>(`${CALENDAR_API}/days?year=${year}`),
  publishYear: (input: PublishYearInput) => postJson<CalendarYearView>(`${CALENDAR_API}/years`, input),
  addDay: (input: AddDayInput) => postJson<CalendarYearView>(`${CALENDAR_API}/days`, input),
  removeDay: (date: IsoDate, reason: string) =>
    httpClient(`${CALENDAR_API}/days/${encodeURIComponent(date)}`, {
      method: 'DELETE',
      body: JSON.stringify({ reason }),
    }).then(({ json }) => json as CalendarYearView),
  deadline: ({ rule, from, profile }: DeadlineQuery) =>
    getJson<DeadlineResult>(`${CALENDAR_API}/deadline?${new URLSearchParams({ rule, from, profile })}`),
};
