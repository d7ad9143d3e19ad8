import '../register-paths';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { Clock } from '../common/clock';
import { resolveDataSourceOptions } from '../composition/data-source';
import { loadConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { databaseKind } from '../database/data-source-options';
import { migrateEmbedded } from '../database/schema';
import { loadDemoData } from './demo-data';
import { fileDemoCorrections } from './demo-corrections';
import { runDemoScreening } from './demo-screening-run';

/**
 * `npm run seed:demo`: loads the demo data into an empty database — MySQL/MariaDB after `npm run migration:run`;
 * the embedded SQLite file gets its pending migrations here, as at start-up — then screens it once (R-25), through
 * the application's job runner, so the demo's flags are there when the server starts.
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
  } finally {
    await dataSource.destroy();
  }
  // The application without HTTP and without its schedules, only to run the job as a server would.
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, jobs: { ...config.jobs, enabled: false } }),
    { logger: false },
  );
  try {
    const run = await runDemoScreening(app);
    const filed = await fileDemoCorrections(app);
    if (run && run.outcome !== 'succeeded') {
      console.error(`演示数据已装入，但疑似问题筛查未完成：${run.error ?? run.outcome}`);
      process.exitCode = 1;
    } else {
      console.log(
        `演示数据已装入${run ? `，筛查发现疑似问题 ${run.counts?.raised ?? 0} 条` : ''}，更正申请 ${filed} 项`,
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
