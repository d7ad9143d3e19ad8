import { daysInMonth, type IsoDate } from '../calendar/iso-date';

export type DateInputResult = { ok: true; value: IsoDate | null } | { ok: false };

function build(y: number, m: number, d: number): DateInputResult {
  if (y < 1800 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false };
  }
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/**
 * A date typed as text (Excel dates reach here already as 'YYYY-MM-DD'): 'YYYY-MM-DD', 'YYYY-M-D',
 * 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD' or 'YYYY年M月D日'. Empty → { ok: true, value: null }. No time parts:
 * a timestamp would need a timezone to become a calendar day.
 */
export function parseDateInput(raw: string | number | null | undefined): DateInputResult {
  const text = String(raw ?? '').trim();
  if (text === '') {
    return { ok: true, value: null };
  }
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (!m) {
    m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  }
  return m ? build(Number(m[1]), Number(m[2]), Number(m[3])) : { ok: false };
}

/** The date `years` years after `date`; 29 February maps to 28 February (R-15 month-end rule). */
export function addYearsIso(date: IsoDate, years: number): IsoDate {
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${date.slice(5, 7)}-${String(d).padStart(2, '0')}`;
}
