import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class Calendar1795440777261 implements MigrationInterface {
  name = 'Calendar1795440777261';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `calendar_years` (`year` int NOT NULL, `notice` varchar(200) NOT NULL, `notice_number` varchar(100) NULL, `published_on` date NULL, PRIMARY KEY (`year`)) ENGINE=InnoDB',
        "CREATE TABLE `calendar_days` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `date` date NOT NULL, `year` int NOT NULL, `kind` varchar(16) NOT NULL, `name` varchar(50) NOT NULL, `source` varchar(16) NOT NULL DEFAULT 'notice', `reason` varchar(500) NULL, UNIQUE INDEX `IDX_1c04d56e8833eb6827f104f17e` (`date`), INDEX `IDX_36dea1c9a0e2dbdf8cef8e2217` (`year`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
      ],
      sqlite: [
        'CREATE TABLE "calendar_years" ("year" integer PRIMARY KEY NOT NULL, "notice" varchar(200) NOT NULL, "notice_number" varchar(100), "published_on" date)',
        'CREATE TABLE "calendar_days" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "date" date NOT NULL, "year" integer NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(50) NOT NULL, "source" varchar(16) NOT NULL DEFAULT (\'notice\'), "reason" varchar(500))',
        'CREATE UNIQUE INDEX "IDX_1c04d56e8833eb6827f104f17e" ON "calendar_days" ("date")',
        'CREATE INDEX "IDX_36dea1c9a0e2dbdf8cef8e2217" ON "calendar_days" ("year")',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_36dea1c9a0e2dbdf8cef8e2217` ON `calendar_days`',
        'DROP INDEX `IDX_1c04d56e8833eb6827f104f17e` ON `calendar_days`',
        'DROP TABLE `calendar_days`',
        'DROP TABLE `calendar_years`',
      ],
      sqlite: ['DROP TABLE "calendar_days"', 'DROP TABLE "calendar_years"'],
    });
  }
}
