import type { CertificateHistoryEntry, CertificateHistoryKind } from '@app/contracts';
import { formatBeijingDateTime, formatCalendarDay } from '../common/dates';

/** The timeline reads like a batch's 办理记录: oldest first (the API answers newest first). Same instant: API order reversed. */
export function oldestFirst(entries: readonly CertificateHistoryEntry[]): CertificateHistoryEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const at = Date.parse(a.entry.at) - Date.parse(b.entry.at);
      return at !== 0 && !Number.isNaN(at) ? at : b.index - a.index;
    })
    .map(({ entry }) => entry);
}

/** The dot of each kind of step: grey for the record's life, amber for suspicion and suspension, green back in lookup. */
export const HISTORY_DOT_COLORS: Record<CertificateHistoryKind, string> = {
  published: 'success.main',
  flag_raised: 'warning.main',
  flag_dismissed: 'grey.500',
  suspended: 'error.main',
  restored: 'success.main',
  confirmed: 'error.dark',
};

/** An instant in Beijing time; a bare day (publication of imported history, whose time is unknown) as that day. */
export function historyTime(at: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatCalendarDay(at) : formatBeijingDateTime(at);
}
