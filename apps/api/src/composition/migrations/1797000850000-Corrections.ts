import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/** correction and deletion requests, their decisions, attachments and R-20 overrides; versions say which request wrote them. */
export class Corrections1797000850000 implements MigrationInterface {
  name = 'Corrections1797000850000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        "CREATE TABLE `corrections` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `certificate_id` int NOT NULL, `open_certificate_id` int NULL, `institution_id` int NOT NULL, `province_id` int NOT NULL, `org_path` varchar(255) NOT NULL, `type` varchar(16) NOT NULL, `route` varchar(32) NOT NULL, `status` varchar(16) NOT NULL, `stage` varchar(32) NULL, `changes` text NULL, `id_number_enc` varchar(160) NULL, `changed_fields` varchar(255) NOT NULL DEFAULT '', `before` text NULL, `before_id_number_hash` varchar(64) NULL, `reason` varchar(500) NOT NULL, `work_order` text NULL, `urgency` varchar(16) NULL, `due_date` date NULL, `due_at` datetime(3) NULL, `stage_received_at` datetime(3) NULL, `requested_by_id` int NOT NULL, `requested_at` datetime(3) NOT NULL, `return_reason` varchar(500) NULL, `applied_version` int NULL, `closed_at` datetime(3) NULL, `recheck_id` int NULL, INDEX `IDX_3951906b95e13aa21f8ca809d2` (`certificate_id`), UNIQUE INDEX `IDX_76656cd2d9df036ed7d2e44e03` (`open_certificate_id`), INDEX `IDX_4273b0a18a6724a01ee2cc238c` (`org_path`), INDEX `IDX_ef9a835dcf1c37c8920500042b` (`status`, `due_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
        'CREATE TABLE `correction_decisions` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `correction_id` int NOT NULL, `stage` varchar(32) NOT NULL, `action` varchar(16) NOT NULL, `actor_id` int NOT NULL, `actor_name` varchar(100) NOT NULL, `reason` varchar(500) NULL, `at` datetime(3) NOT NULL, INDEX `IDX_edd776d79b866b0cc5785581b4` (`correction_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `correction_attachments` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `correction_id` int NOT NULL, `attachment_id` int NOT NULL, INDEX `IDX_f5d95794a076ccc74adc3e0f6e` (`attachment_id`), INDEX `IDX_98ba54fe8d55594f81bae1ccdf` (`correction_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `correction_overrides` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `certificate_id` int NOT NULL, `province_id` int NOT NULL, `reason` varchar(500) NOT NULL, `recorded_by_id` int NOT NULL, `recorded_at` datetime(3) NOT NULL, INDEX `IDX_8da3f91aa7b9e7e61f3c4a1aaa` (`certificate_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'ALTER TABLE `certificate_history` ADD `correction_id` int NULL',
      ],
      sqlite: [
        'CREATE TABLE "corrections" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "certificate_id" integer NOT NULL, "open_certificate_id" integer, "institution_id" integer NOT NULL, "province_id" integer NOT NULL, "org_path" varchar(255) NOT NULL, "type" varchar(16) NOT NULL, "route" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "stage" varchar(32), "changes" text, "id_number_enc" varchar(160), "changed_fields" varchar(255) NOT NULL DEFAULT (\'\'), "before" text, "before_id_number_hash" varchar(64), "reason" varchar(500) NOT NULL, "work_order" text, "urgency" varchar(16), "due_date" date, "due_at" datetime(3), "stage_received_at" datetime(3), "requested_by_id" integer NOT NULL, "requested_at" datetime(3) NOT NULL, "return_reason" varchar(500), "applied_version" integer, "closed_at" datetime(3), "recheck_id" integer)',
        'CREATE INDEX "IDX_3951906b95e13aa21f8ca809d2" ON "corrections" ("certificate_id") ',
        'CREATE UNIQUE INDEX "IDX_76656cd2d9df036ed7d2e44e03" ON "corrections" ("open_certificate_id") ',
        'CREATE INDEX "IDX_4273b0a18a6724a01ee2cc238c" ON "corrections" ("org_path") ',
        'CREATE INDEX "IDX_ef9a835dcf1c37c8920500042b" ON "corrections" ("status", "due_date") ',
        'CREATE TABLE "correction_decisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "correction_id" integer NOT NULL, "stage" varchar(32) NOT NULL, "action" varchar(16) NOT NULL, "actor_id" integer NOT NULL, "actor_name" varchar(100) NOT NULL, "reason" varchar(500), "at" datetime(3) NOT NULL)',
        'CREATE INDEX "IDX_edd776d79b866b0cc5785581b4" ON "correction_decisions" ("correction_id", "id") ',
        'CREATE TABLE "correction_attachments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "correction_id" integer NOT NULL, "attachment_id" integer NOT NULL)',
        'CREATE INDEX "IDX_f5d95794a076ccc74adc3e0f6e" ON "correction_attachments" ("attachment_id") ',
        'CREATE INDEX "IDX_98ba54fe8d55594f81bae1ccdf" ON "correction_attachments" ("correction_id") ',
        'CREATE TABLE "correction_overrides" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "certificate_id" integer NOT NULL, "province_id" integer NOT NULL, "reason" varchar(500) NOT NULL, "recorded_by_id" integer NOT NULL, "recorded_at" datetime(3) NOT NULL)',
        'CREATE INDEX "IDX_8da3f91aa7b9e7e61f3c4a1aaa" ON "correction_overrides" ("certificate_id") ',
        'ALTER TABLE "certificate_history" ADD "correction_id" integer',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'ALTER TABLE `certificate_history` DROP COLUMN `correction_id`',
        'DROP INDEX `IDX_8da3f91aa7b9e7e61f3c4a1aaa` ON `correction_overrides`',
        'DROP TABLE `correction_overrides`',
        'DROP INDEX `IDX_98ba54fe8d55594f81bae1ccdf` ON `correction_attachments`',
        'DROP INDEX `IDX_f5d95794a076ccc74adc3e0f6e` ON `correction_attachments`',
        'DROP TABLE `correction_attachments`',
        'DROP INDEX `IDX_edd776d79b866b0cc5785581b4` ON `correction_decisions`',
        'DROP TABLE `correction_decisions`',
        'DROP INDEX `IDX_ef9a835dcf1c37c8920500042b` ON `corrections`',
        'DROP INDEX `IDX_4273b0a18a6724a01ee2cc238c` ON `corrections`',
        'DROP INDEX `IDX_76656cd2d9df036ed7d2e44e03` ON `corrections`',
        'DROP INDEX `IDX_3951906b95e13aa21f8ca809d2` ON `corrections`',
        'DROP TABLE `corrections`',
      ],
      sqlite: [
        'ALTER TABLE "certificate_history" DROP COLUMN "correction_id"',
        'DROP INDEX "IDX_8da3f91aa7b9e7e61f3c4a1aaa"',
        'DROP TABLE "correction_overrides"',
        'DROP INDEX "IDX_98ba54fe8d55594f81bae1ccdf"',
        'DROP INDEX "IDX_f5d95794a076ccc74adc3e0f6e"',
        'DROP TABLE "correction_attachments"',
        'DROP INDEX "IDX_edd776d79b866b0cc5785581b4"',
        'DROP TABLE "correction_decisions"',
        'DROP INDEX "IDX_ef9a835dcf1c37c8920500042b"',
        'DROP INDEX "IDX_4273b0a18a6724a01ee2cc238c"',
        'DROP INDEX "IDX_76656cd2d9df036ed7d2e44e03"',
        'DROP INDEX "IDX_3951906b95e13aa21f8ca809d2"',
        'DROP TABLE "corrections"',
      ],
    });
  }
}
