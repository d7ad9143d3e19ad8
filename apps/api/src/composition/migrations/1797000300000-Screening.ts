import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

// institutions existing before the status history get one: active since registration, and their present
// status (if another) since their last change — the best the rows can tell.
const BACKFILL_ACTIVE =
  "INSERT INTO organisation_status_history (organisation_id, status, effective_from) SELECT id, 'active', COALESCE(registered_at, DATE(created_at)) FROM organisations WHERE level = 'institution'";
const BACKFILL_OTHER =
  "INSERT INTO organisation_status_history (organisation_id, status, effective_from) SELECT id, status, DATE(updated_at) FROM organisations WHERE level = 'institution' AND status <> 'active'";

export class Screening1797000300000 implements MigrationInterface {
  name = 'Screening1797000300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `organisation_status_history` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `organisation_id` int NOT NULL, `status` varchar(16) NOT NULL, `effective_from` date NOT NULL, INDEX `IDX_70b66fdd115abf5a0cfa2c3004` (`organisation_id`, `effective_from`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `flags` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `rule` varchar(32) NOT NULL, `fingerprint` varchar(64) NOT NULL, `status` varchar(16) NOT NULL, `summary` varchar(500) NOT NULL, `evidence` text NOT NULL, `certificate_count` int NOT NULL, `raised_at` datetime(3) NOT NULL, `raised_by_run_id` int NULL, `decided_at` datetime(3) NULL, `decided_by_id` int NULL, `decision_reason` varchar(500) NULL, UNIQUE INDEX `IDX_843fb3f85e2553c1bdaa70923b` (`fingerprint`), INDEX `IDX_37457e3fb69041d4ed23ac32f2` (`status`, `rule`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `flag_certificates` (`flag_id` int NOT NULL, `certificate_id` int NOT NULL, `org_path` varchar(255) NOT NULL, INDEX `IDX_f7683d7637f91acc6c8c40a159` (`certificate_id`), INDEX `IDX_bb0a096ab2bb66e8f074242b3c` (`org_path`), PRIMARY KEY (`flag_id`, `certificate_id`)) ENGINE=InnoDB',
        'CREATE TABLE `screening_number_keys` (`certificate_id` int NOT NULL, `number_key` varchar(60) NOT NULL, INDEX `IDX_e266a80f6880e8800fbd4c8694` (`number_key`), PRIMARY KEY (`certificate_id`)) ENGINE=InnoDB',
        'CREATE TABLE `screening_watermarks` (`name` varchar(32) NOT NULL, `watermark` datetime(6) NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB',
        'CREATE TABLE `rechecks` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `certificate_id` int NOT NULL, `flag_id` int NULL, `province_id` int NOT NULL, `org_path` varchar(255) NOT NULL, `suspend_reason` varchar(500) NOT NULL, `suspended_by_id` int NOT NULL, `suspended_at` datetime(3) NOT NULL, `due_date` date NOT NULL, `status` varchar(16) NOT NULL, `outcome` varchar(16) NULL, `decision_reason` varchar(500) NULL, `decided_by_id` int NULL, `decided_at` datetime(3) NULL, INDEX `IDX_05b8b8bd238470b3d22d97a917` (`certificate_id`), INDEX `IDX_0ea951e263aac7831ccc1cc5fe` (`flag_id`), INDEX `IDX_a76afb7cbedf5c26ed8598d067` (`org_path`), INDEX `IDX_10b7bb39ee552ea1b2b675a406` (`status`, `due_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        BACKFILL_ACTIVE,
        BACKFILL_OTHER,
      ],
      sqlite: [
        'CREATE TABLE "organisation_status_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "organisation_id" integer NOT NULL, "status" varchar(16) NOT NULL, "effective_from" date NOT NULL)',
        'CREATE INDEX "IDX_70b66fdd115abf5a0cfa2c3004" ON "organisation_status_history" ("organisation_id", "effective_from") ',
        'CREATE TABLE "flags" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "rule" varchar(32) NOT NULL, "fingerprint" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "summary" varchar(500) NOT NULL, "evidence" text NOT NULL, "certificate_count" integer NOT NULL, "raised_at" datetime(3) NOT NULL, "raised_by_run_id" integer, "decided_at" datetime(3), "decided_by_id" integer, "decision_reason" varchar(500))',
        'CREATE UNIQUE INDEX "IDX_843fb3f85e2553c1bdaa70923b" ON "flags" ("fingerprint") ',
        'CREATE INDEX "IDX_37457e3fb69041d4ed23ac32f2" ON "flags" ("status", "rule") ',
        'CREATE TABLE "flag_certificates" ("flag_id" integer NOT NULL, "certificate_id" integer NOT NULL, "org_path" varchar(255) NOT NULL, PRIMARY KEY ("flag_id", "certificate_id"))',
        'CREATE INDEX "IDX_f7683d7637f91acc6c8c40a159" ON "flag_certificates" ("certificate_id") ',
        'CREATE INDEX "IDX_bb0a096ab2bb66e8f074242b3c" ON "flag_certificates" ("org_path") ',
        'CREATE TABLE "screening_number_keys" ("certificate_id" integer PRIMARY KEY NOT NULL, "number_key" varchar(60) NOT NULL)',
        'CREATE INDEX "IDX_e266a80f6880e8800fbd4c8694" ON "screening_number_keys" ("number_key") ',
        'CREATE TABLE "screening_watermarks" ("name" varchar(32) PRIMARY KEY NOT NULL, "watermark" datetime(6) NOT NULL)',
        'CREATE TABLE "rechecks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "certificate_id" integer NOT NULL, "flag_id" integer, "province_id" integer NOT NULL, "org_path" varchar(255) NOT NULL, "suspend_reason" varchar(500) NOT NULL, "suspended_by_id" integer NOT NULL, "suspended_at" datetime(3) NOT NULL, "due_date" date NOT NULL, "status" varchar(16) NOT NULL, "outcome" varchar(16), "decision_reason" varchar(500), "decided_by_id" integer, "decided_at" datetime(3))',
        'CREATE INDEX "IDX_05b8b8bd238470b3d22d97a917" ON "rechecks" ("certificate_id") ',
        'CREATE INDEX "IDX_0ea951e263aac7831ccc1cc5fe" ON "rechecks" ("flag_id") ',
        'CREATE INDEX "IDX_a76afb7cbedf5c26ed8598d067" ON "rechecks" ("org_path") ',
        'CREATE INDEX "IDX_10b7bb39ee552ea1b2b675a406" ON "rechecks" ("status", "due_date") ',
        BACKFILL_ACTIVE,
        BACKFILL_OTHER,
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_10b7bb39ee552ea1b2b675a406` ON `rechecks`',
        'DROP INDEX `IDX_a76afb7cbedf5c26ed8598d067` ON `rechecks`',
        'DROP INDEX `IDX_0ea951e263aac7831ccc1cc5fe` ON `rechecks`',
        'DROP INDEX `IDX_05b8b8bd238470b3d22d97a917` ON `rechecks`',
        'DROP TABLE `rechecks`',
        'DROP TABLE `screening_watermarks`',
        'DROP INDEX `IDX_e266a80f6880e8800fbd4c8694` ON `screening_number_keys`',
        'DROP TABLE `screening_number_keys`',
        'DROP INDEX `IDX_bb0a096ab2bb66e8f074242b3c` ON `flag_certificates`',
        'DROP INDEX `IDX_f7683d7637f91acc6c8c40a159` ON `flag_certificates`',
        'DROP TABLE `flag_certificates`',
        'DROP INDEX `IDX_37457e3fb69041d4ed23ac32f2` ON `flags`',
        'DROP INDEX `IDX_843fb3f85e2553c1bdaa70923b` ON `flags`',
        'DROP TABLE `flags`',
        'DROP INDEX `IDX_70b66fdd115abf5a0cfa2c3004` ON `organisation_status_history`',
        'DROP TABLE `organisation_status_history`',
      ],
      sqlite: [
        'DROP INDEX "IDX_10b7bb39ee552ea1b2b675a406"',
        'DROP INDEX "IDX_a76afb7cbedf5c26ed8598d067"',
        'DROP INDEX "IDX_0ea951e263aac7831ccc1cc5fe"',
        'DROP INDEX "IDX_05b8b8bd238470b3d22d97a917"',
        'DROP TABLE "rechecks"',
        'DROP TABLE "screening_watermarks"',
        'DROP INDEX "IDX_e266a80f6880e8800fbd4c8694"',
        'DROP TABLE "screening_number_keys"',
        'DROP INDEX "IDX_bb0a096ab2bb66e8f074242b3c"',
        'DROP INDEX "IDX_f7683d7637f91acc6c8c40a159"',
        'DROP TABLE "flag_certificates"',
        'DROP INDEX "IDX_37457e3fb69041d4ed23ac32f2"',
        'DROP INDEX "IDX_843fb3f85e2553c1bdaa70923b"',
        'DROP TABLE "flags"',
        'DROP INDEX "IDX_70b66fdd115abf5a0cfa2c3004"',
        'DROP TABLE "organisation_status_history"',
      ],
    });
  }
}
