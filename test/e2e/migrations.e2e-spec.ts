import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { resolveDataSourceOptions } from '../../apps/api/src/composition/data-source';
import { MIGRATIONS } from '../../apps/api/src/composition/migrations';
import { migrateEmbedded, schemaDrift } from '../../apps/api/src/database/schema';
import { createMysqlDatabase, DEFAULT_MYSQL_SERVER, testDatabaseKind } from './support/test-database';

/** Applies every migration, checks the schema against the entities, reverts them all; returns what is left. */
async function roundTrip(dataSource: DataSource, tablesLeft: string): Promise<unknown[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  expect(applied.length).toBeGreaterThan(0);
  expect(await schemaDrift(dataSource)).toEqual({ up: [], down: [] });
  for (let i = 0; i < applied.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
  return dataSource.query(tablesLeft);
}

// MySQL/MariaDB schema only through committed migrations, and they match the entities.
// Runs against DATABASE_URL when it is MySQL, else against the local MariaDB every machine here has.
describe('migrations (MySQL/MariaDB)', () => {
  const server =
    testDatabaseKind() === 'mysql'
      ? (process.env.DATABASE_URL as string)
      : (process.env.MYSQL_TEST_SERVER ?? DEFAULT_MYSQL_SERVER);

  it('apply cleanly, leave no drift against the entities, and revert completely', async () => {
    const database = await createMysqlDatabase(server, false);
    const dataSource = await new DataSource(await resolveDataSourceOptions(database.url)).initialize();
    try {
      const left = await roundTrip(
        dataSource,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
      );
      expect(left).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});

// The embedded SQLite default takes its schema from the same migrations (their SQLite branch), not from
// `synchronize`: the result must be exactly what the entities describe.
describe('migrations (SQLite)', () => {
  it('apply cleanly, leave no drift against the entities, and revert completely', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-migrations-'));
    const dataSource = await new DataSource(
      await resolveDataSourceOptions(`sqlite:${join(dir, 'app.sqlite')}`),
    ).initialize();
    try {
      const left = await roundTrip(
        dataSource,
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT IN ('migrations', 'sqlite_sequence')",
      );
      expect(left).toEqual([]);
    } finally {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Embedded files made by earlier versions were synchronised from the entities and have no migrations table.
describe('embedded SQLite start-up (migrateEmbedded)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cert-embedded-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function synchronisedFile(): Promise<string> {
    const url = `sqlite:${join(dir, 'old.sqlite')}`;
    const old = await new DataSource({ ...(await resolveDataSourceOptions(url)), synchronize: true }).initialize();
    await old.destroy();
    return url;
  }

  it('migrates a new file, and adopts a synchronised one that matches the entities without re-running DDL', async () => {
    const fresh = await new DataSource(
      await resolveDataSourceOptions(`sqlite:${join(dir, 'new.sqlite')}`),
    ).initialize();
    try {
      expect((await migrateEmbedded(fresh)).length).toBe(MIGRATIONS.length);
      expect(await migrateEmbedded(fresh)).toEqual([]);
    } finally {
      await fresh.destroy();
    }
    const adopted = await new DataSource(await resolveDataSourceOptions(await synchronisedFile())).initialize();
    try {
      expect(await migrateEmbedded(adopted)).toEqual([]);
      expect(await adopted.showMigrations()).toBe(false);
      expect(await schemaDrift(adopted)).toEqual({ up: [], down: [] });
    } finally {
      await adopted.destroy();
    }
  });

  it('refuses a synchronised file whose schema differs from the entities', async () => {
    const url = await synchronisedFile();
    const drifted = await new DataSource(await resolveDataSourceOptions(url)).initialize();
    try {
      await drifted.query('ALTER TABLE "batches" DROP COLUMN "due_from"');
      await expect(migrateEmbedded(drifted)).rejects.toThrow('与当前结构不一致');
    } finally {
      await drifted.destroy();
    }
  });
});
