import type { DueCounts } from '@app/contracts';

/** The due counts of several groups added up (the home page's and the work figures' totals). */
export function sumDueCounts(rows: readonly DueCounts[]): DueCounts {
  return rows.reduce(
    (acc, r) => ({
      total: acc.total + r.total,
      dueToday: acc.dueToday + r.dueToday,
      dueSoon: acc.dueSoon + r.dueSoon,
      overdue: acc.overdue + r.overdue,
    }),
    { total: 0, dueToday: 0, dueSoon: 0, overdue: 0 },
  );
}

/** A stage's due counts, zeros when the grouped count had no row for it. */
export function dueCountsOf(found: DueCounts | undefined): DueCounts {
  return {
    total: found?.total ?? 0,
    dueToday: found?.dueToday ?? 0,
    dueSoon: found?.dueSoon ?? 0,
    overdue: found?.overdue ?? 0,
  };
}
