import '../register-paths';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { resolveDataSourceOptions } from '../composition/data-source';
import { loadConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { databaseKind } from '../database/data-source-options';
import { migrateEmbedded } from '../database/schema';
import { loadDemoData } from './demo-data';

/**
 * `npm run seed:demo`: loads the demo data into an empty database — MySQL/MariaDB after `npm run migration:run`;
 * the embedded SQLite file gets its pending migrations here, as at start-up.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const clock = new Clock(config);
  const dataSource = await new DataSource(await resolveDataSourceOptions(config.database.url)).initialize();
  try {
    if (databaseKind(config.database.url) === 'sqlite') await migrateEmbedded(dataSource);
    await loadDemoData(dataSource, {
      today: clock.today(),
      clock,
      cipher: new FieldCipher(config),
      onlyIfEmpty: false,
    });
    console.log('演示数据已装入');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
