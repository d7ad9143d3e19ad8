import '../register-paths';
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { loadConfig, projectRoot } from '../config/app-config';
import { databaseKind } from '../database/data-source-options';
import { schemaDrift } from '../database/schema';
import { dataSourceOptions, resolveDataSourceOptions } from './data-source';

const quoted = (queries: string[], indent: string) => queries.map((q) => `${indent}${JSON.stringify(q)},`).join('\n');

function migrationSource(
  name: string,
  timestamp: number,
  mysql: { up: string[]; down: string[] },
  sqlite: { up: string[]; down: string[] },
): string {
  const body = (my: string[], lite: string[]) => `    await runForDriver(queryRunner, {
      mysql: [
${quoted(my, '        ')}
      ],
      sqlite: [
${quoted(lite, '        ')}
      ],
    });`;
  return `import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${body(mysql.up, sqlite.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${body([...mysql.down].reverse(), [...sqlite.down].reverse())}
  }
}
`;
}

/** The SQLite side of a new migration: the drift of an in-memory SQLite database with every migration applied. */
async function sqliteDrift(): Promise<{ up: string[]; down: string[] }> {
  const dataSource = await new DataSource(dataSourceOptions('sqlite::memory:')).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await schemaDrift(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const clock = new Clock(config);
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
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
          throw new Error('用法：npm run migration:generate -- <PascalCaseName>');
        }
        // The MySQL/MariaDB side is read from a real server; the SQLite side is generated alongside.
        if (databaseKind(config.database.url) !== 'mysql') {
          console.error(
            '生成迁移需要 MySQL/MariaDB：请设置 DATABASE_URL=mysql://user:pass@host:port/db（SQLite 部分会同时生成）',
          );
          process.exitCode = 2;
          break;
        }
        await dataSource.runMigrations({ transaction: 'each' });
        const drift = await schemaDrift(dataSource);
        if (!drift.up.length) {
          console.log('没有需要迁移的变更');
          break;
        }
        const timestamp = clock.now().getTime();
        const file = join(projectRoot(), 'apps', 'api', 'src', 'composition', 'migrations', `${timestamp}-${name}.ts`);
        writeFileSync(file, migrationSource(name, timestamp, drift, await sqliteDrift()));
        console.log(`已生成 ${file}\n请把 ${name}${timestamp} 加入 composition/migrations/index.ts`);
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
