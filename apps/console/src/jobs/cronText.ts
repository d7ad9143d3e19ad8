// A job's cron expression in words for the 定时任务 page. Pure: returns an i18n key with its options (the words
// live in i18n/zh-CN.ts, app.jobs.cron.*), or null when the form is not one of the common ones — then the page
// shows the raw expression.

export interface CronWords {
  key: string;
  options?: Record<string, string | number>;
}

const NUMBER = /^\d+$/;

function inRange(field: string, min: number, max: number): boolean {
  if (!NUMBER.test(field)) return false;
  const n = Number(field);
  return n >= min && n <= max;
}

const pad = (field: string) => field.padStart(2, '0');

/**
 * The common forms, on five fields (minute hour day-of-month month day-of-week) or six with a leading `0` second:
 * `* * * * *` every minute, `*\/N * * * *` every N minutes, `M * * * *` every hour at minute M,
 * `M H * * *` every day at H:M, `M H * * 1-5` working weekdays (Monday to Friday) at H:M.
 */
export function describeCron(expression: string): CronWords | null {
  let fields = expression.trim().split(/\s+/);
  if (fields.length === 6) {
    if (fields[0] !== '0') return null;
    fields = fields.slice(1);
  }
  if (fields.length !== 5) return null;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (dayOfMonth !== '*' || month !== '*') return null;
  const anyDay = dayOfWeek === '*' || dayOfWeek === '?';
  const weekdays = dayOfWeek === '1-5' || dayOfWeek === 'MON-FRI' || dayOfWeek === 'mon-fri';
  if (hour === '*' && anyDay) {
    if (minute === '*') return { key: 'app.jobs.cron.every_minute' };
    const step = /^\*\/(\d+)$/.exec(minute);
    if (step && inRange(step[1], 1, 59)) {
      return Number(step[1]) === 1
        ? { key: 'app.jobs.cron.every_minute' }
        : { key: 'app.jobs.cron.every_n_minutes', options: { n: Number(step[1]) } };
    }
    if (inRange(minute, 0, 59)) return { key: 'app.jobs.cron.hourly', options: { minute: Number(minute) } };
    return null;
  }
  if (inRange(minute, 0, 59) && inRange(hour, 0, 23) && (anyDay || weekdays)) {
    const time = `${pad(hour)}:${pad(minute)}`;
    return { key: anyDay ? 'app.jobs.cron.daily' : 'app.jobs.cron.weekdays', options: { time } };
  }
  return null;
}

/** The expression in words through `translate` (react-admin's), or the expression itself. */
export function cronInWords(
  expression: string,
  translate: (key: string, options?: Record<string, unknown>) => string,
): string {
  const words = describeCron(expression);
  return words ? translate(words.key, words.options) : expression;
}
