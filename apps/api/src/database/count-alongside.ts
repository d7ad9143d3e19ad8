import type { DataSource } from 'typeorm';

/**
 * On a pooled database (MySQL/MariaDB) a list's COUNT starts on a connection of its own while its page is read, so
 * a long list waits for the slower of the two rather than their sum; a short page, which tells its total itself,
 * leaves that count unused. Null on SQLite, whose single connection would only queue it: the page reader counts
 * afterwards when the page does not tell.
 */
export function countAlongside(dataSource: DataSource, count: () => Promise<number>): Promise<number> | null {
  if (dataSource.options.type === 'better-sqlite3') return null;
  const counting = count();
  // Awaited only when the page does not tell the total; a failure then surfaces there, never as unhandled.
  counting.catch(() => undefined);
  return counting;
}
