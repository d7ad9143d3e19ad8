import { dirname, isAbsolute, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import type { MysqlDataSourceOptions } from 'typeorm/driver/mysql/MysqlDataSourceOptions';
import { projectRoot } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type DatabaseKind = 'mysql' | 'sqlite';
/** TypeORM reads MariaDB's information_schema differently from MySQL's, so it must know which it talks to. */
export type MysqlFlavour = 'mysql' | 'mariadb';

/** What the application keeps in the database: its entities and the committed migrations (see composition/). */
export interface DatabaseSchema {
  entities: (new () => unknown)[];
  migrations: (new () => unknown)[];
}

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

function mysqlCredentials(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ''),
  };
}

/**
 * One description of the database for the app, the command-line tools and the tests (STYLE.md §6). Both
 * kinds get their schema only through the committed migrations (`synchronize` is off everywhere); the
 * migrations branch on the driver where MySQL/MariaDB and SQLite SQL differ.
 *
 * `replicaUrls` (MySQL/MariaDB only) adds read replicas through TypeORM replication. Every query still goes
 * to the primary by default (`defaultMode: 'master'`), so a request always reads its own writes; only a
 * query run on a query runner opened explicitly with `dataSource.createQueryRunner('slave')` reads a replica.
 */
export function dataSourceOptions(
  url: string,
  schema: DatabaseSchema,
  flavour: MysqlFlavour = 'mysql',
  replicaUrls: readonly string[] = [],
): DataSourceOptions {
  const common = {
    entities: schema.entities,
    migrations: schema.migrations,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error', 'warn'] as ('error' | 'warn')[],
    synchronize: false,
    migrationsRun: false,
  };
  if (databaseKind(url) === 'mysql') {
    const mysql: MysqlDataSourceOptions = {
      ...common,
      type: flavour,
      charset: 'utf8mb4_unicode_ci',
      // Calendar days stay 'YYYY-MM-DD' strings end to end (ARCHITECTURE.md: never midnight timestamps).
      dateStrings: ['DATE'],
      timezone: 'Z',
      // mysql2 would capture a stack trace on every statement to lengthen the stacks of its rare errors; TypeORM's
      // QueryFailedError already carries the statement and its own stack.
      trace: false,
      extra: { connectionLimit: 20, decimalNumbers: true },
    };
    if (!replicaUrls.length) return { ...mysql, ...mysqlCredentials(url) };
    return {
      ...mysql,
      replication: {
        master: mysqlCredentials(url),
        slaves: replicaUrls.map(mysqlCredentials),
        defaultMode: 'master',
      },
    };
  }
  if (replicaUrls.length) throw new Error('只读副本（DATABASE_REPLICA_URLS）只用于 MySQL/MariaDB');
  const file = url.slice('sqlite:'.length);
  const path = file === ':memory:' || isAbsolute(file) ? file : join(projectRoot(), file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: path,
    // WAL lets readers proceed during a long import transaction.
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

/** Options for a URL, with the MySQL flavour detected from the server when needed. */
export async function resolveOptions(
  url: string,
  schema: DatabaseSchema,
  replicaUrls: readonly string[] = [],
): Promise<DataSourceOptions> {
  return dataSourceOptions(
    url,
    schema,
    databaseKind(url) === 'mysql' ? await detectMysqlFlavour(url) : undefined,
    replicaUrls,
  );
}
