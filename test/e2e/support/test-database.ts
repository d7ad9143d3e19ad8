import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { resolveDataSourceOptions } from '../../../apps/api/src/composition/data-source';
import { databaseKind } from '../../../apps/api/src/database/data-source-options';

/**
 * A fresh database for one test file with the committed migrations applied: a temporary SQLite file by
 * default, or — when DATABASE_URL names a MySQL/MariaDB server — a new database on that server.
 */
export interface TestDatabase {
  url: string;
  kind: 'mysql' | 'sqlite';
  drop(): Promise<void>;
}

export const DEFAULT_MYSQL_SERVER = 'mysql://root@127.0.0.1:3306/';

export function testDatabaseKind(): 'mysql' | 'sqlite' {
  const url = process.env.DATABASE_URL;
  return url && databaseKind(url) === 'mysql' ? 'mysql' : 'sqlite';
}

export async function createMysqlDatabase(serverUrl: string, migrate = true): Promise<TestDatabase> {
  const server = new URL(serverUrl);
  const name = `cert_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  server.pathname = `/${name}`;
  const url = server.toString();
  if (migrate) await applyMigrations(url);
  return {
    url,
    kind: 'mysql',
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

async function applyMigrations(url: string): Promise<void> {
  const dataSource = await new DataSource(await resolveDataSourceOptions(url)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'mysql') return createMysqlDatabase(process.env.DATABASE_URL as string);
  const dir = mkdtempSync(join(tmpdir(), 'cert-test-'));
  const url = `sqlite:${join(dir, 'app.sqlite')}`;
  await applyMigrations(url);
  return {
    url,
    kind: 'sqlite',
    drop() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
