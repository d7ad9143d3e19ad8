import { DataSource } from 'typeorm';
import { resolveDataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { schemaDrift } from '../../apps/api/src/database/migrate';
import { createMysqlDatabase, DEFAULT_MYSQL_SERVER, testDatabaseKind } from './support/test-database';

// Issue #2 point 4: MySQL/MariaDB schema only through committed migrations, and they match the entities.
// Runs against DATABASE_URL when it is MySQL, else against the local MariaDB every machine here has.
describe('migrations (MySQL/MariaDB)', () => {
  const server = testDatabaseKind() === 'mysql' ? (process.env.DATABASE_URL as string) : (process.env.MYSQL_TEST_SERVER ?? DEFAULT_MYSQL_SERVER);

  it('apply cleanly, leave no drift against the entities, and revert completely', async () => {
    const database = await createMysqlDatabase(server, false);
    const dataSource = await new DataSource(await resolveDataSourceOptions(database.url)).initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.length).toBeGreaterThan(0);
      expect(await schemaDrift(dataSource)).toEqual({ up: [], down: [] });
      for (let i = 0; i < applied.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables: unknown[] = await dataSource.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
      );
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
