import type { DeadlineResult, IsoDate } from '@app/domain';
import type { AddDayInput, CalendarYearView, DeadlineQuery, PublishYearInput } from '@app/contracts';
import { getJson, httpClient, postJson } from '../providers/httpClient';

// /api/admin/calendar: the official working-day calendar and the deadline calculator.
const CALENDAR_API = '/api/admin/calendar';

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
