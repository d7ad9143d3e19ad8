import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/**
 * each override records which of the certificate's overrides it is, unique per certificate, so two
 * recordings at once cannot both add one. Existing overrides are numbered in the order they were recorded.
 */
export class CorrectionOverrideCount1797001000000 implements MigrationInterface {
  name = 'CorrectionOverrideCount1797001000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        "ALTER TABLE `correction_overrides` ADD `nth` int NOT NULL DEFAULT '1'",
        'UPDATE `correction_overrides` o JOIN (SELECT a.`id`, COUNT(*) AS n FROM `correction_overrides` a JOIN `correction_overrides` b ON b.`certificate_id` = a.`certificate_id` AND b.`id` <= a.`id` GROUP BY a.`id`) r ON r.`id` = o.`id` SET o.`nth` = r.n',
        'CREATE UNIQUE INDEX `IDX_correction_overrides_nth` ON `correction_overrides` (`certificate_id`, `nth`)',
      ],
      sqlite: [
        'DROP INDEX "IDX_8da3f91aa7b9e7e61f3c4a1aaa"',
        'CREATE TABLE "temporary_correction_overrides" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "certificate_id" integer NOT NULL, "province_id" integer NOT NULL, "reason" varchar(500) NOT NULL, "recorded_by_id" integer NOT NULL, "recorded_at" datetime(3) NOT NULL, "nth" integer NOT NULL DEFAULT (1))',
        'INSERT INTO "temporary_correction_overrides"("id", "created_at", "updated_at", "certificate_id", "province_id", "reason", "recorded_by_id", "recorded_at", "nth") SELECT "id", "created_at", "updated_at", "certificate_id", "province_id", "reason", "recorded_by_id", "recorded_at", (SELECT COUNT(*) FROM "correction_overrides" p WHERE p."certificate_id" = "correction_overrides"."certificate_id" AND p."id" <= "correction_overrides"."id") FROM "correction_overrides"',
        'DROP TABLE "correction_overrides"',
        'ALTER TABLE "temporary_correction_overrides" RENAME TO "correction_overrides"',
        'CREATE INDEX "IDX_8da3f91aa7b9e7e61f3c4a1aaa" ON "correction_overrides" ("certificate_id") ',
        'CREATE UNIQUE INDEX "IDX_correction_overrides_nth" ON "correction_overrides" ("certificate_id", "nth") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_correction_overrides_nth` ON `correction_overrides`',
        'ALTER TABLE `correction_overrides` DROP COLUMN `nth`',
      ],
      sqlite: [
        'DROP INDEX "IDX_correction_overrides_nth"',
        'DROP INDEX "IDX_8da3f91aa7b9e7e61f3c4a1aaa"',
        'ALTER TABLE "correction_overrides" RENAME TO "temporary_correction_overrides"',
        'CREATE TABLE "correction_overrides" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "certificate_id" integer NOT NULL, "province_id" integer NOT NULL, "reason" varchar(500) NOT NULL, "recorded_by_id" integer NOT NULL, "recorded_at" datetime(3) NOT NULL)',
        'INSERT INTO "correction_overrides"("id", "created_at", "updated_at", "certificate_id", "province_id", "reason", "recorded_by_id", "recorded_at") SELECT "id", "created_at", "updated_at", "certificate_id", "province_id", "reason", "recorded_by_id", "recorded_at" FROM "temporary_correction_overrides"',
        'DROP TABLE "temporary_correction_overrides"',
        'CREATE INDEX "IDX_8da3f91aa7b9e7e61f3c4a1aaa" ON "correction_overrides" ("certificate_id") ',
      ],
    });
  }
}
