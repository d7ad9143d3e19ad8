import type { DataSource, QueryRunner } from 'typeorm';

/** SQL for each driver: a migration gives both where MySQL/MariaDB and SQLite DDL differ. */
export interface DriverSql {
  mysql: string[];
  sqlite: string[];
}

export function isSqlite(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.options.type === 'better-sqlite3';
}

/** Runs, in order, the statements a migration wrote for the connected driver. */
export async function runForDriver(queryRunner: QueryRunner, sql: DriverSql): Promise<void> {
  for (const statement of isSqlite(queryRunner) ? sql.sqlite : sql.mysql) await queryRunner.query(statement);
}

/** Pending schema changes between the entities and a database with every committed migration applied. */
export async function schemaDrift(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}

/**
 * Applies pending migrations to the embedded SQLite database at start-up. A file made by an earlier version
 * (schema synchronised from the entities, no `migrations` table) is adopted when it matches the entities
 * exactly: its migrations are recorded as applied without running them. Returns the names applied.
 */
export async function migrateEmbedded(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  let legacy: boolean;
  try {
    // Every version so far created `organisations`; only the synchronised ones lack the migrations table.
    legacy =
      (await runner.hasTable('organisations')) &&
      !(await runner.hasTable(dataSource.options.migrationsTableName ?? 'migrations'));
  } finally {
    await runner.release();
  }
  if (legacy) {
    const drift = await schemaDrift(dataSource);
    if (drift.up.length) {
      throw new Error(
        `内嵌数据库 ${String(dataSource.options.database)} 由旧版本按实体建表，且与当前结构不一致；请备份后删除该文件再启动（会重新装入演示数据）`,
      );
    }
    await dataSource.runMigrations({ transaction: 'each', fake: true });
    return [];
  }
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
