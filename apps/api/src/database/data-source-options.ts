import { dirname, isAbsolute, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import { projectRoot } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type DatabaseKind = 'mysql' | 'sqlite';
/** TypeORM reads MariaDB's information_schema differently from MySQL's, so it must know which it talks to. */
export type MysqlFlavour = 'mysql' | 'mariadb';

export function databaseKind(url: string): DatabaseKind {
  return /^(mysql|mariadb):\/\//.test(url) ? 'mysql' : 'sqlite';
}

const flavourCache = new Map<string, MysqlFlavour>();

/** Asks the server what it is (mysql:// URLs serve MySQL 8, MariaDB and TiDB alike). */
export async function detectMysqlFlavour(url: string): Promise<MysqlFlavour> {
  if (url.startsWith('mariadb://')) return 'mariadb';
  const cached = flavourCache.get(url);
  if (cached) return cached;
  const u = new URL(url);
  const connection = await createConnection({
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS v');
    const flavour: MysqlFlavour = String((rows as { v: string }[])[0].v).includes('MariaDB') ? 'mariadb' : 'mysql';
    flavourCache.set(url, flavour);
    return flavour;
  } finally {
    await connection.end();
  }
}

/** Options for a URL, with the MySQL flavour detected from the server when needed. */
export async function resolveDataSourceOptions(url: string): Promise<DataSourceOptions> {
  return dataSourceOptions(url, databaseKind(url) === 'mysql' ? await detectMysqlFlavour(url) : undefined);
}

/**
 * One description of the database for the app, the migration CLI and the tests (STYLE.md §6).
 * MySQL/MariaDB: schema only through committed migrations. SQLite (embedded zero-setup default): the
 * schema is synchronised from the entities, since migrations are written for MySQL.
 */
export function dataSourceOptions(url: string, flavour: MysqlFlavour = 'mysql'): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error', 'warn'] as ('error' | 'warn')[],
  };
  if (databaseKind(url) === 'mysql') {
    const u = new URL(url);
    return {
      ...common,
      type: flavour,
      host: u.hostname,
      port: u.port ? Number(u.port) : 3306,
      username: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: u.pathname.replace(/^\//, ''),
      charset: 'utf8mb4_unicode_ci',
      // Calendar days stay 'YYYY-MM-DD' strings end to end (ARCHITECTURE.md: never midnight timestamps).
      dateStrings: ['DATE'],
      timezone: 'Z',
      synchronize: false,
      migrationsRun: false,
      extra: { connectionLimit: 20, decimalNumbers: true },
    };
  }
  const file = url.slice('sqlite:'.length);
  const path = file === ':memory:' || isAbsolute(file) ? file : join(projectRoot(), file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const embeddedSchemaSync = true;
  return {
    ...common,
    type: 'better-sqlite3',
    database: path,
    synchronize: embeddedSchemaSync,
    // WAL lets readers proceed during a long import transaction.
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}
