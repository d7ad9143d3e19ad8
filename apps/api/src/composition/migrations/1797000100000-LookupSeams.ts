import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_QUERY_MODE_DATES } from '@app/domain';
import { runForDriver } from '../../database/schema';

/** Seed 000's 公告 of the cutover, the announcement both kinds start with. */
export const DEFAULT_ANNOUNCEMENT =
  '为加强个人信息保护，优化查询服务体验，本网站自 2025 年 12 月 1 日起正式上线新版证书查询功能。新版查询需用户登录后操作，查询他人证书需同时输入“姓名、证件号码、证书编号”三项信息方可查询，查询结果将对“姓名、证件号码”进行部分隐藏处理，确保信息安全。2026 年 3 月 1 日前，新版与旧版查询方式并行运行；2026 年 3 月 1 日起，将正式取消旧版查询方式，统一使用新版查询功能。由此给您带来的不便，敬请谅解！';

/**
 * The public lookup's seams: certificates' lookup status (R-33, backfilled `visible` for published rows) and the
 * indexes the old mode and the coverage table read; the query-mode schedule (R-32, seeded with seed 000's dates for
 * both kinds) and its change history; the lookup log (volumes by mode).
 */
export class LookupSeams1797000100000 implements MigrationInterface {
  name = 'LookupSeams1797000100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const { newModeStart, oldModeLastDay } = DEFAULT_QUERY_MODE_DATES;
    await runForDriver(queryRunner, {
      mysql: [
        'ALTER TABLE `certificates` ADD `lookup_status` varchar(16) NULL',
        "UPDATE `certificates` SET `lookup_status` = 'visible' WHERE `status` = 'published'",
        'CREATE INDEX `IDX_certificates_admission_ticket` ON `certificates` (`admission_ticket`)',
        'CREATE INDEX `IDX_certificates_lookup_coverage` ON `certificates` (`lookup_status`, `status`, `kind`, `institution_id`, `issue_date`)',
        'CREATE TABLE `query_mode_schedules` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `kind` varchar(16) NOT NULL, `new_mode_start` date NOT NULL, `old_mode_last_day` date NOT NULL, `announcement` varchar(1000) NOT NULL, `updated_by_id` int NULL, `updated_by_name` varchar(100) NULL, UNIQUE INDEX `IDX_query_mode_schedules_kind` (`kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `query_mode_changes` (`id` int NOT NULL AUTO_INCREMENT, `kind` varchar(16) NOT NULL, `changed_at` datetime(3) NOT NULL, `changed_by_id` int NOT NULL, `changed_by_name` varchar(100) NOT NULL, `before` text NOT NULL, `after` text NOT NULL, `reason` varchar(500) NOT NULL, INDEX `IDX_query_mode_changes_kind_id` (`kind`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `lookup_logs` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime(3) NOT NULL, `day` date NOT NULL, `account_id` int NULL, `client_address` varchar(64) NOT NULL, `mode` varchar(16) NOT NULL, `kind` varchar(16) NOT NULL, `fields` varchar(100) NOT NULL, `found` int NOT NULL, INDEX `IDX_lookup_logs_day_mode` (`day`, `mode`), INDEX `IDX_lookup_logs_account_day` (`account_id`, `day`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'ALTER TABLE "certificates" ADD COLUMN "lookup_status" varchar(16)',
        'UPDATE "certificates" SET "lookup_status" = \'visible\' WHERE "status" = \'published\'',
        'CREATE INDEX "IDX_certificates_admission_ticket" ON "certificates" ("admission_ticket") ',
        'CREATE INDEX "IDX_certificates_lookup_coverage" ON "certificates" ("lookup_status", "status", "kind", "institution_id", "issue_date") ',
        'CREATE TABLE "query_mode_schedules" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "kind" varchar(16) NOT NULL, "new_mode_start" date NOT NULL, "old_mode_last_day" date NOT NULL, "announcement" varchar(1000) NOT NULL, "updated_by_id" integer, "updated_by_name" varchar(100))',
        'CREATE UNIQUE INDEX "IDX_query_mode_schedules_kind" ON "query_mode_schedules" ("kind") ',
        'CREATE TABLE "query_mode_changes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(16) NOT NULL, "changed_at" datetime(3) NOT NULL, "changed_by_id" integer NOT NULL, "changed_by_name" varchar(100) NOT NULL, "before" text NOT NULL, "after" text NOT NULL, "reason" varchar(500) NOT NULL)',
        'CREATE INDEX "IDX_query_mode_changes_kind_id" ON "query_mode_changes" ("kind", "id") ',
        'CREATE TABLE "lookup_logs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime(3) NOT NULL, "day" date NOT NULL, "account_id" integer, "client_address" varchar(64) NOT NULL, "mode" varchar(16) NOT NULL, "kind" varchar(16) NOT NULL, "fields" varchar(100) NOT NULL, "found" integer NOT NULL)',
        'CREATE INDEX "IDX_lookup_logs_day_mode" ON "lookup_logs" ("day", "mode") ',
        'CREATE INDEX "IDX_lookup_logs_account_day" ON "lookup_logs" ("account_id", "day") ',
      ],
    });
    for (const kind of ['qualification', 'skill_level']) {
      await queryRunner.query(
        'INSERT INTO query_mode_schedules (version, kind, new_mode_start, old_mode_last_day, announcement) VALUES (1, ?, ?, ?, ?)',
        [kind, newModeStart, oldModeLastDay, DEFAULT_ANNOUNCEMENT],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP TABLE `lookup_logs`',
        'DROP TABLE `query_mode_changes`',
        'DROP TABLE `query_mode_schedules`',
        'DROP INDEX `IDX_certificates_lookup_coverage` ON `certificates`',
        'DROP INDEX `IDX_certificates_admission_ticket` ON `certificates`',
        'ALTER TABLE `certificates` DROP COLUMN `lookup_status`',
      ],
      sqlite: [
        'DROP INDEX "IDX_lookup_logs_account_day"',
        'DROP INDEX "IDX_lookup_logs_day_mode"',
        'DROP TABLE "lookup_logs"',
        'DROP INDEX "IDX_query_mode_changes_kind_id"',
        'DROP TABLE "query_mode_changes"',
        'DROP INDEX "IDX_query_mode_schedules_kind"',
        'DROP TABLE "query_mode_schedules"',
        'DROP INDEX "IDX_certificates_lookup_coverage"',
        'DROP INDEX "IDX_certificates_admission_ticket"',
        'ALTER TABLE "certificates" DROP COLUMN "lookup_status"',
      ],
    });
  }
}
