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

/** "2026年11月23日" from a calendar day "2026-11-23" (no time zone involved). */
export function formatCalendarDay(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** True when an ISO instant lies in the future (e.g. an account lock still in force). */
export function isFuture(value: string | null | undefined, now: Date = new Date()): boolean {
  return !!value && new Date(value).getTime() > now.getTime();
}

/** Today's calendar day in Beijing, "YYYY-MM-DD". */
export function beijingToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BEIJING }).format(now);
}
