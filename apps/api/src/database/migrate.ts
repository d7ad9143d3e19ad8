import '../register-paths';
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig, projectRoot } from '../config/app-config';
import { databaseKind, resolveDataSourceOptions } from './data-source-options';

/** Pending schema changes between the entities and a database with every committed migration applied. */
export async function schemaDrift(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}

function migrationSource(name: string, timestamp: number, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...down].reverse())}
  }
}
`;
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  if (databaseKind(config.database.url) !== 'mysql') {
    console.error('迁移只用于 MySQL/MariaDB：请设置 DATABASE_URL=mysql://user:pass@host:port/db（SQLite 内嵌库按实体自动建表）');
    process.exit(2);
  }
  const dataSource = await new DataSource(await resolveDataSourceOptions(config.database.url)).initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(applied.length ? applied.map((m) => `已执行 ${m.name}`).join('\n') : '没有待执行的迁移');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('已回滚最近一次迁移');
        break;
      case 'check': {
        await dataSource.runMigrations({ transaction: 'each' });
        const drift = await schemaDrift(dataSource);
        if (drift.up.length) {
          console.error(`实体与迁移不一致，需要新迁移：\n${drift.up.join(';\n')}`);
          process.exitCode = 1;
        } else console.log('实体与迁移一致');
        break;
      }
      case 'generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('用法：npm run migration:generate -- <PascalCaseName>');
        await dataSource.runMigrations({ transaction: 'each' });
        const drift = await schemaDrift(dataSource);
        if (!drift.up.length) {
          console.log('没有需要迁移的变更');
          break;
        }
        const timestamp = Date.now();
        const file = join(projectRoot(), 'apps', 'api', 'src', 'database', 'migrations', `${timestamp}-${name}.ts`);
        writeFileSync(file, migrationSource(name, timestamp, drift.up, drift.down));
        console.log(`已生成 ${file}\n请把 ${name}${timestamp} 加入 migrations/index.ts`);
        break;
      }
      default:
        throw new Error('用法：migrate.js run | revert | check | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
