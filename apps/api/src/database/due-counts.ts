import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';

/** Counts of dated work: in all, due today, due after today through `soonUntil`, and overdue (due before today). */
export interface DueCountColumns {
  total: number;
  dueToday: number;
  dueSoon: number;
  overdue: number;
}

/**
 * Adds the four due-window counts of `dueColumn` (e.g. `b.dueDate`) to a grouped or whole-table count — the
 * dashboards' and reminders' one definition of "due today", "due soon" and "overdue" (whole Beijing days, R-15).
 */
export function selectDueCounts<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  dueColumn: string,
  days: { today: string; soonUntil: string },
): SelectQueryBuilder<T> {
  return qb
    .addSelect('COUNT(*)', 'total')
    .addSelect(`SUM(CASE WHEN ${dueColumn} = :today THEN 1 ELSE 0 END)`, 'dueToday')
    .addSelect(`SUM(CASE WHEN ${dueColumn} > :today AND ${dueColumn} <= :soonUntil THEN 1 ELSE 0 END)`, 'dueSoon')
    .addSelect(`SUM(CASE WHEN ${dueColumn} < :today THEN 1 ELSE 0 END)`, 'overdue')
    .setParameters(days);
}

/** A raw row of `selectDueCounts` as numbers (drivers answer SUM and COUNT as strings, or NULL over no rows). */
export function dueCountsOfRow(row: Record<string, unknown> | undefined): DueCountColumns {
  return {
    total: Number(row?.total ?? 0),
    dueToday: Number(row?.dueToday ?? 0),
    dueSoon: Number(row?.dueSoon ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}
