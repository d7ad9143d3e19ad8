import type { DataSourceOptions } from 'typeorm';
import { type MysqlFlavour, dataSourceOptions as optionsFor, resolveOptions } from '../database/data-source-options';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The application's database schema: every feature's entities and the committed migrations. */
export const APP_SCHEMA = { entities: ENTITIES, migrations: MIGRATIONS };

/** The application's data-source options for a URL (see database/data-source-options.ts). */
export function dataSourceOptions(
  url: string,
  flavour?: MysqlFlavour,
  replicaUrls: readonly string[] = [],
): DataSourceOptions {
  return optionsFor(url, APP_SCHEMA, flavour, replicaUrls);
}

/** As dataSourceOptions, with the MySQL flavour detected from the server when needed. */
export function resolveDataSourceOptions(url: string, replicaUrls: readonly string[] = []): Promise<DataSourceOptions> {
  return resolveOptions(url, APP_SCHEMA, replicaUrls);
}
