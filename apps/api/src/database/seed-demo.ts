import '../register-paths';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { beijingDate } from '../common/clock';
import { loadConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { resolveDataSourceOptions } from './data-source-options';
import { loadDemoData } from './demo/demo-data';

/** `npm run seed:demo`: loads the demo data into an empty database (MySQL after migration:run, or SQLite). */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await new DataSource(await resolveDataSourceOptions(config.database.url)).initialize();
  try {
    await loadDemoData(dataSource, {
      today: config.appToday ?? beijingDate(new Date()),
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
