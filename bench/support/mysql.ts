// Fresh MariaDB/MySQL databases for benchmarks: created under the `cert_bench_` prefix, migrated to the current
// schema with the committed migrations, dropped at the end (also on Ctrl-C). Server: BENCH_MYSQL_URL, default
// mysql://root@127.0.0.1:3306/.
import { randomBytes } from 'node:crypto';
import { createConnection, type Connection, type ConnectionOptions } from 'mysql2/promise';
import type * as TypeOrm from 'typeorm';
import type * as DataSourceOptions from '../../apps/api/src/composition/data-source';

export const BENCH_DB_PREFIX = 'cert_bench_';

export function mysqlServerUrl(): string {
  const url = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  if (!/^mysql:\/\//.test(url)) throw new Error(`BENCH_MYSQL_URL 应为 mysql://user:pass@host:port/ ，实际为 ${url}`);
  return url;
}

/** mysql2 connection options for a URL (database taken from its path, if any). */
export function connectionOptions(url: string, extra: Partial<ConnectionOptions> = {}): ConnectionOptions {
  const u = new URL(url);
  const database = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    ...(database ? { database } : {}),
    charset: 'utf8mb4_unicode_ci',
    dateStrings: ['DATE'],
    timezone: 'Z',
    decimalNumbers: true,
    ...extra,
  };
}

export function connect(url: string, extra: Partial<ConnectionOptions> = {}): Promise<Connection> {
  return createConnection(connectionOptions(url, extra));
}

export interface BenchDatabase {
  name: string;
  /** mysql://…/<name> */
  url: string;
  drop(): Promise<void>;
}

const live = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    const names = [...live];
    if (names.length === 0) process.exit(130);
    console.error(`[bench] ${signal}: 删除基准测试数据库 ${names.join(', ')}`);
    void dropDatabases(names).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

async function dropDatabases(names: string[]): Promise<void> {
  const admin = await connect(mysqlServerUrl());
  try {
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      live.delete(name);
    }
  } finally {
    await admin.end();
  }
}

/** Runs the committed migrations on `url` (what `npm run migration:run` does). */
export async function migrate(url: string): Promise<void> {
  // Loaded here, not at the top, so processes that only need mysql2 do not load TypeORM and the entities.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
  const { DataSource } = require('typeorm') as typeof TypeOrm;

  const { resolveDataSourceOptions } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
    require('../../apps/api/src/composition/data-source') as typeof DataSourceOptions;
  const dataSource = await new DataSource(await resolveDataSourceOptions(url)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** A new, empty database `cert_bench_<label>_<unique>`, migrated unless `migrate: false`. */
export async function createBenchDatabase(label: string, options: { migrate?: boolean } = {}): Promise<BenchDatabase> {
  if (!/^[a-z0-9_]{1,24}$/.test(label)) throw new Error(`bad database label ${label}`);
  const name = `${BENCH_DB_PREFIX}${label}_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const admin = await connect(mysqlServerUrl());
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  installExitHook();
  live.add(name);
  const server = new URL(mysqlServerUrl());
  server.pathname = `/${name}`;
  const url = server.toString();
  if (options.migrate !== false) await migrate(url);
  return { name, url, drop: () => dropDatabases([name]) };
}

/** An existing bench database (kept with --keep) by name. */
export function existingBenchDatabase(name: string): BenchDatabase {
  if (!name.startsWith(BENCH_DB_PREFIX)) throw new Error(`只能复用 ${BENCH_DB_PREFIX} 开头的数据库`);
  const server = new URL(mysqlServerUrl());
  server.pathname = `/${name}`;
  live.add(name);
  installExitHook();
  return { name, url: server.toString(), drop: () => dropDatabases([name]) };
}

/** Forget a database for the Ctrl-C hook (kept on purpose with --keep). */
export function keepDatabase(name: string): void {
  live.delete(name);
}

/** Server facts worth printing beside figures (buffer pool, durability). */
export async function serverFacts(url: string): Promise<string> {
  const c = await connect(url);
  try {
    const [[v]] = (await c.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]];
    const [vars] = (await c.query(
      "SHOW VARIABLES WHERE Variable_name IN ('innodb_buffer_pool_size','innodb_flush_log_at_trx_commit')",
    )) as unknown as [{ Variable_name: string; Value: string }[]];
    const get = (n: string) => vars.find((r) => r.Variable_name === n)?.Value ?? '?';
    return `${v.v}, innodb_buffer_pool_size ${Math.round(Number(get('innodb_buffer_pool_size')) / 2 ** 20)} MB, innodb_flush_log_at_trx_commit ${get('innodb_flush_log_at_trx_commit')}`;
  } finally {
    await c.end();
  }
}
