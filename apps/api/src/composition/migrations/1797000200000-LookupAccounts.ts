import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class LookupAccounts1797000200000 implements MigrationInterface {
  name = 'LookupAccounts1797000200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `lookup_accounts` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `type` varchar(16) NOT NULL, `name` varchar(100) NOT NULL, `id_type` int NULL, `identifier_enc` varchar(160) NOT NULL, `identifier_hash` varchar(64) NOT NULL, `identifier_masked` varchar(40) NOT NULL, `contact_name` varchar(40) NULL, `mobile_enc` varchar(160) NOT NULL, `mobile_hash` varchar(64) NOT NULL, `mobile_masked` varchar(20) NOT NULL, `password_hash` varchar(255) NOT NULL, `disabled` tinyint NOT NULL DEFAULT 0, `last_login_at` datetime(3) NULL, UNIQUE INDEX `IDX_43042c5d31ca43dfd999382df2` (`identifier_hash`), UNIQUE INDEX `IDX_d89f5eb5881b89048c36dfc7d4` (`mobile_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        "CREATE TABLE `lookup_sessions` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `token_hash` varchar(64) NOT NULL, `account_id` int NOT NULL, `last_seen_at` datetime(3) NOT NULL, `ended_at` datetime(3) NULL, `ip` varchar(45) NOT NULL DEFAULT '', UNIQUE INDEX `IDX_a78f6e08be3c1d5d09baa59636` (`token_hash`), INDEX `IDX_910cdb7a3d2e0cd9ea59226443` (`account_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
        "CREATE TABLE `lookup_quotas` (`account_id` int NOT NULL, `day` varchar(10) NOT NULL, `used` int NOT NULL DEFAULT '0', PRIMARY KEY (`account_id`, `day`)) ENGINE=InnoDB",
        'CREATE TABLE `lookup_authorization_codes` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `account_id` int NOT NULL, `kind` varchar(16) NOT NULL, `code_enc` varchar(160) NOT NULL, `code_hash` varchar(64) NOT NULL, `issued_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, `stopped` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `IDX_aec3eace3a36078b7e080df03e` (`code_hash`), UNIQUE INDEX `IDX_072a25d8b64bf6d76771529ba5` (`account_id`, `kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `lookup_batches` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `account_id` int NOT NULL, `kind` varchar(16) NOT NULL, `row_count` int NOT NULL, `found` int NOT NULL, `queried_at` datetime(3) NOT NULL, INDEX `IDX_c5454252b455b1cd285fa2012d` (`account_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `lookup_batch_rows` (`id` int NOT NULL AUTO_INCREMENT, `batch_id` int NOT NULL, `sheet_row` int NOT NULL, `queried_name` varchar(40) NOT NULL, `queried_id_number_masked` varchar(40) NOT NULL, `queried_certificate_number` varchar(40) NOT NULL, `results` text NOT NULL, UNIQUE INDEX `IDX_dce9fed187221eb5dbd0c72d5e` (`batch_id`, `sheet_row`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "lookup_accounts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "type" varchar(16) NOT NULL, "name" varchar(100) NOT NULL, "id_type" integer, "identifier_enc" varchar(160) NOT NULL, "identifier_hash" varchar(64) NOT NULL, "identifier_masked" varchar(40) NOT NULL, "contact_name" varchar(40), "mobile_enc" varchar(160) NOT NULL, "mobile_hash" varchar(64) NOT NULL, "mobile_masked" varchar(20) NOT NULL, "password_hash" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "last_login_at" datetime(3))',
        'CREATE UNIQUE INDEX "IDX_43042c5d31ca43dfd999382df2" ON "lookup_accounts" ("identifier_hash") ',
        'CREATE UNIQUE INDEX "IDX_d89f5eb5881b89048c36dfc7d4" ON "lookup_accounts" ("mobile_hash") ',
        'CREATE TABLE "lookup_sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "token_hash" varchar(64) NOT NULL, "account_id" integer NOT NULL, "last_seen_at" datetime(3) NOT NULL, "ended_at" datetime(3), "ip" varchar(45) NOT NULL DEFAULT (\'\'))',
        'CREATE UNIQUE INDEX "IDX_a78f6e08be3c1d5d09baa59636" ON "lookup_sessions" ("token_hash") ',
        'CREATE INDEX "IDX_910cdb7a3d2e0cd9ea59226443" ON "lookup_sessions" ("account_id") ',
        'CREATE TABLE "lookup_quotas" ("account_id" integer NOT NULL, "day" varchar(10) NOT NULL, "used" integer NOT NULL DEFAULT (0), PRIMARY KEY ("account_id", "day"))',
        'CREATE TABLE "lookup_authorization_codes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "account_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "code_enc" varchar(160) NOT NULL, "code_hash" varchar(64) NOT NULL, "issued_at" datetime(3) NOT NULL, "expires_at" datetime(3) NOT NULL, "stopped" boolean NOT NULL DEFAULT (0))',
        'CREATE UNIQUE INDEX "IDX_aec3eace3a36078b7e080df03e" ON "lookup_authorization_codes" ("code_hash") ',
        'CREATE UNIQUE INDEX "IDX_072a25d8b64bf6d76771529ba5" ON "lookup_authorization_codes" ("account_id", "kind") ',
        'CREATE TABLE "lookup_batches" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "account_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "row_count" integer NOT NULL, "found" integer NOT NULL, "queried_at" datetime(3) NOT NULL)',
        'CREATE INDEX "IDX_c5454252b455b1cd285fa2012d" ON "lookup_batches" ("account_id") ',
        'CREATE TABLE "lookup_batch_rows" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batch_id" integer NOT NULL, "sheet_row" integer NOT NULL, "queried_name" varchar(40) NOT NULL, "queried_id_number_masked" varchar(40) NOT NULL, "queried_certificate_number" varchar(40) NOT NULL, "results" text NOT NULL)',
        'CREATE UNIQUE INDEX "IDX_dce9fed187221eb5dbd0c72d5e" ON "lookup_batch_rows" ("batch_id", "sheet_row") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_dce9fed187221eb5dbd0c72d5e` ON `lookup_batch_rows`',
        'DROP TABLE `lookup_batch_rows`',
        'DROP INDEX `IDX_c5454252b455b1cd285fa2012d` ON `lookup_batches`',
        'DROP TABLE `lookup_batches`',
        'DROP INDEX `IDX_072a25d8b64bf6d76771529ba5` ON `lookup_authorization_codes`',
        'DROP INDEX `IDX_aec3eace3a36078b7e080df03e` ON `lookup_authorization_codes`',
        'DROP TABLE `lookup_authorization_codes`',
        'DROP TABLE `lookup_quotas`',
        'DROP INDEX `IDX_910cdb7a3d2e0cd9ea59226443` ON `lookup_sessions`',
        'DROP INDEX `IDX_a78f6e08be3c1d5d09baa59636` ON `lookup_sessions`',
        'DROP TABLE `lookup_sessions`',
        'DROP INDEX `IDX_d89f5eb5881b89048c36dfc7d4` ON `lookup_accounts`',
        'DROP INDEX `IDX_43042c5d31ca43dfd999382df2` ON `lookup_accounts`',
        'DROP TABLE `lookup_accounts`',
      ],
      sqlite: [
        'DROP INDEX "IDX_dce9fed187221eb5dbd0c72d5e"',
        'DROP TABLE "lookup_batch_rows"',
        'DROP INDEX "IDX_c5454252b455b1cd285fa2012d"',
        'DROP TABLE "lookup_batches"',
        'DROP INDEX "IDX_072a25d8b64bf6d76771529ba5"',
        'DROP INDEX "IDX_aec3eace3a36078b7e080df03e"',
        'DROP TABLE "lookup_authorization_codes"',
        'DROP TABLE "lookup_quotas"',
        'DROP INDEX "IDX_910cdb7a3d2e0cd9ea59226443"',
        'DROP INDEX "IDX_a78f6e08be3c1d5d09baa59636"',
        'DROP TABLE "lookup_sessions"',
        'DROP INDEX "IDX_d89f5eb5881b89048c36dfc7d4"',
        'DROP INDEX "IDX_43042c5d31ca43dfd999382df2"',
        'DROP TABLE "lookup_accounts"',
      ],
    });
  }
}
