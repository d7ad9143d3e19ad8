import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, FixedClock } from '../../../apps/api/src/common/clock';
import { AppConfig, loadConfig } from '../../../apps/api/src/config/app-config';
import { CoreModule } from '../../../apps/api/src/core.module';
import { FieldCipher } from '../../../apps/api/src/crypto/field-cipher';
import { resolveDataSourceOptions } from '../../../apps/api/src/composition/data-source';
import { DatabaseModule } from '../../../apps/api/src/database/database.module';
import { createTestDatabase, TestDatabase } from '../../e2e/support/test-database';
import { Factories } from './factories';

/** A Beijing morning well inside a working week, so "today" is 2026-11-23 (a Monday). */
export const MEDIUM_NOW = '2026-11-23T01:30:00.000Z';

type Importable = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface MediumContext {
  module: TestingModule;
  dataSource: DataSource;
  clock: FixedClock;
  config: AppConfig;
  factories: Factories;
  /** The service or repository under test, with its real dependencies. */
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

/**
 * The medium test tier (ARCHITECTURE.md Tests): the feature modules a suite names, with their real services and
 * repositories, on a fresh real database (SQLite by default, MariaDB when DATABASE_URL=mysql://…) with the committed
 * schema, a fixed clock and the suite's own storage directory. No HTTP, no demo data: the suite builds the few rows
 * it needs with the factories.
 */
export async function createMediumContext(
  options: { imports?: Importable[]; providers?: Type<unknown>[]; now?: string; env?: Record<string, string> } = {},
): Promise<MediumContext> {
  const database: TestDatabase = await createTestDatabase();
  const storageDir = mkdtempSync(join(tmpdir(), 'cert-medium-files-'));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, STORAGE_DIR: storageDir, ...options.env });
  const clock = new FixedClock(options.now ?? MEDIUM_NOW);
  const dataSourceOptions = await resolveDataSourceOptions(config.database.url);
  const module = await Test.createTestingModule({
    imports: [
      CoreModule.forRoot(config),
      TypeOrmModule.forRoot(dataSourceOptions),
      DatabaseModule,
      ...(options.imports ?? []),
    ],
    providers: options.providers ?? [],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await module.init();
  const dataSource = module.get<DataSource>(getDataSourceToken());
  const factories = new Factories(dataSource, module.get(FieldCipher), clock);
  return {
    module,
    dataSource,
    clock,
    config,
    factories,
    get: <T>(type: Type<T>) => module.get(type, { strict: false }),
    async close() {
      await module.close();
      await database.drop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
