/** A duplicate-key error from MySQL/MariaDB/TiDB (1062) or SQLite, as TypeORM passes it on (or the driver's own). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; message?: unknown; driverError?: typeof e } | null;
  const driver = e?.driverError ?? e;
  if (!driver) return false;
  return (
    driver.code === 'ER_DUP_ENTRY' ||
    driver.errno === 1062 ||
    (String(driver.code).startsWith('SQLITE_CONSTRAINT') && String(driver.message).includes('UNIQUE'))
  );
}
