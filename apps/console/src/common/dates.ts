// Times are stored in UTC and shown in Beijing time (ARCHITECTURE.md); calendar days stay YYYY-MM-DD.
const BEIJING = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: BEIJING,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-23 08:30:00" in Beijing time, from an ISO instant. */
export function formatBeijingDateTime(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * A calendar day as the console writes every day: "2026-11-23" (the date pickers' format too, and the first part of
 * every date-time), whatever the browser's language.
 */
export function formatCalendarDay(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : value;
}

/** True when an ISO instant lies in the future (e.g. an account lock still in force). */
export function isFuture(value: string | null | undefined, now: Date = new Date()): boolean {
  return !!value && new Date(value).getTime() > now.getTime();
}

/** Today's calendar day in Beijing, "YYYY-MM-DD". */
export function beijingToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BEIJING }).format(now);
}
