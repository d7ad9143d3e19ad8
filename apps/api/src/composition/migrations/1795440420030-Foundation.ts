import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class Foundation1795440420030 implements MigrationInterface {
  name = 'Foundation1795440420030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        "CREATE TABLE `audit_logs` (`id` int NOT NULL AUTO_INCREMENT, `seq` int NOT NULL, `at` datetime(3) NOT NULL, `user_id` int NULL, `username` varchar(64) NOT NULL DEFAULT '', `organisation_id` int NULL, `role` varchar(255) NOT NULL DEFAULT '', `action` varchar(64) NOT NULL, `target_type` varchar(48) NOT NULL DEFAULT '', `target_id` varchar(64) NOT NULL DEFAULT '', `before` text NULL, `after` text NULL, `ip` varchar(45) NOT NULL DEFAULT '', `outcome` varchar(16) NOT NULL, `detail` text NULL, `prev_hash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, UNIQUE INDEX `IDX_0fcafb39fdc3239647c3a4eeeb` (`seq`), INDEX `IDX_90eb701fe0d7584d54a15567f8` (`at`), INDEX `IDX_117606b0d7bc55c1f250e50b61` (`username`), INDEX `IDX_cee5459245f652b75eb2759b4c` (`action`), INDEX `IDX_a358c00ae08bdea24880372d7a` (`target_type`, `target_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
        'CREATE TABLE `audit_chain_head` (`id` int NOT NULL AUTO_INCREMENT, `seq` int NOT NULL, `last_hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
        "CREATE TABLE `login_throttle` (`username` varchar(64) NOT NULL, `failures` int NOT NULL DEFAULT '0', `locked_until` datetime(3) NULL, `last_failure_at` datetime(3) NOT NULL, PRIMARY KEY (`username`)) ENGINE=InnoDB",
        "CREATE TABLE `sessions` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `token_hash` varchar(64) NOT NULL, `user_id` int NOT NULL, `last_seen_at` datetime(3) NOT NULL, `ended_at` datetime(3) NULL, `ip` varchar(45) NOT NULL DEFAULT '', UNIQUE INDEX `IDX_abaa9e068cdd390bc5210f7988` (`token_hash`), INDEX `IDX_085d540d9f418cfbdc7bd55bb1` (`user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
        "CREATE TABLE `organisations` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `level` varchar(16) NOT NULL, `parent_id` int NULL, `path` varchar(255) NOT NULL DEFAULT '', `region_code` varchar(6) NOT NULL, `name` varchar(100) NOT NULL, `credit_code` varchar(18) NULL, `kind` varchar(24) NULL, `status` varchar(16) NOT NULL DEFAULT 'active', `registered_at` date NULL, `deadline_profile` varchar(16) NOT NULL DEFAULT 'national', `scope` text NULL, INDEX `IDX_41f1cc89689b55aede50d36d0c` (`parent_id`), INDEX `IDX_ba6fd7a67e760cb946b26bc736` (`path`), INDEX `IDX_65810c71c76c5167958d10ae80` (`region_code`), INDEX `IDX_4a3dcb66f1630f551b81bca1b3` (`name`), UNIQUE INDEX `IDX_ce58bd50fa97271a44afbb55be` (`credit_code`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
        'CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `username` varchar(64) NOT NULL, `display_name` varchar(64) NOT NULL, `password_hash` varchar(255) NOT NULL, `roles` text NOT NULL, `organisation_id` int NOT NULL, `disabled` tinyint NOT NULL DEFAULT 0, `must_change_password` tinyint NOT NULL DEFAULT 0, `totp_secret_enc` text NULL, `totp_enabled` tinyint NOT NULL DEFAULT 0, `last_login_at` datetime(3) NULL, `email` varchar(100) NULL, UNIQUE INDEX `IDX_fe0bb3f6520ee0469504521e71` (`username`), INDEX `IDX_2fc4294f8ec97da71d587dc557` (`organisation_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "audit_logs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "seq" integer NOT NULL, "at" datetime(3) NOT NULL, "user_id" integer, "username" varchar(64) NOT NULL DEFAULT (\'\'), "organisation_id" integer, "role" varchar(255) NOT NULL DEFAULT (\'\'), "action" varchar(64) NOT NULL, "target_type" varchar(48) NOT NULL DEFAULT (\'\'), "target_id" varchar(64) NOT NULL DEFAULT (\'\'), "before" text, "after" text, "ip" varchar(45) NOT NULL DEFAULT (\'\'), "outcome" varchar(16) NOT NULL, "detail" text, "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)',
        'CREATE UNIQUE INDEX "IDX_0fcafb39fdc3239647c3a4eeeb" ON "audit_logs" ("seq")',
        'CREATE INDEX "IDX_90eb701fe0d7584d54a15567f8" ON "audit_logs" ("at")',
        'CREATE INDEX "IDX_117606b0d7bc55c1f250e50b61" ON "audit_logs" ("username")',
        'CREATE INDEX "IDX_cee5459245f652b75eb2759b4c" ON "audit_logs" ("action")',
        'CREATE INDEX "IDX_a358c00ae08bdea24880372d7a" ON "audit_logs" ("target_type", "target_id")',
        'CREATE TABLE "audit_chain_head" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "seq" integer NOT NULL, "last_hash" varchar(64) NOT NULL)',
        'CREATE TABLE "login_throttle" ("username" varchar(64) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "locked_until" datetime(3), "last_failure_at" datetime(3) NOT NULL)',
        'CREATE TABLE "sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "token_hash" varchar(64) NOT NULL, "user_id" integer NOT NULL, "last_seen_at" datetime(3) NOT NULL, "ended_at" datetime(3), "ip" varchar(45) NOT NULL DEFAULT (\'\'))',
        'CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions" ("token_hash")',
        'CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id")',
        'CREATE TABLE "organisations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "level" varchar(16) NOT NULL, "parent_id" integer, "path" varchar(255) NOT NULL DEFAULT (\'\'), "region_code" varchar(6) NOT NULL, "name" varchar(100) NOT NULL, "credit_code" varchar(18), "kind" varchar(24), "status" varchar(16) NOT NULL DEFAULT (\'active\'), "registered_at" date, "deadline_profile" varchar(16) NOT NULL DEFAULT (\'national\'), "scope" text)',
        'CREATE INDEX "IDX_41f1cc89689b55aede50d36d0c" ON "organisations" ("parent_id")',
        'CREATE INDEX "IDX_ba6fd7a67e760cb946b26bc736" ON "organisations" ("path")',
        'CREATE INDEX "IDX_65810c71c76c5167958d10ae80" ON "organisations" ("region_code")',
        'CREATE INDEX "IDX_4a3dcb66f1630f551b81bca1b3" ON "organisations" ("name")',
        'CREATE UNIQUE INDEX "IDX_ce58bd50fa97271a44afbb55be" ON "organisations" ("credit_code")',
        'CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "username" varchar(64) NOT NULL, "display_name" varchar(64) NOT NULL, "password_hash" varchar(255) NOT NULL, "roles" text NOT NULL, "organisation_id" integer NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "must_change_password" boolean NOT NULL DEFAULT (0), "totp_secret_enc" text, "totp_enabled" boolean NOT NULL DEFAULT (0), "last_login_at" datetime(3), "email" varchar(100))',
        'CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users" ("username")',
        'CREATE INDEX "IDX_2fc4294f8ec97da71d587dc557" ON "users" ("organisation_id")',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_2fc4294f8ec97da71d587dc557` ON `users`',
        'DROP INDEX `IDX_fe0bb3f6520ee0469504521e71` ON `users`',
        'DROP TABLE `users`',
        'DROP INDEX `IDX_ce58bd50fa97271a44afbb55be` ON `organisations`',
        'DROP INDEX `IDX_4a3dcb66f1630f551b81bca1b3` ON `organisations`',
        'DROP INDEX `IDX_65810c71c76c5167958d10ae80` ON `organisations`',
        'DROP INDEX `IDX_ba6fd7a67e760cb946b26bc736` ON `organisations`',
        'DROP INDEX `IDX_41f1cc89689b55aede50d36d0c` ON `organisations`',
        'DROP TABLE `organisations`',
        'DROP INDEX `IDX_085d540d9f418cfbdc7bd55bb1` ON `sessions`',
        'DROP INDEX `IDX_abaa9e068cdd390bc5210f7988` ON `sessions`',
        'DROP TABLE `sessions`',
        'DROP TABLE `login_throttle`',
        'DROP TABLE `audit_chain_head`',
        'DROP INDEX `IDX_a358c00ae08bdea24880372d7a` ON `audit_logs`',
        'DROP INDEX `IDX_cee5459245f652b75eb2759b4c` ON `audit_logs`',
        'DROP INDEX `IDX_117606b0d7bc55c1f250e50b61` ON `audit_logs`',
        'DROP INDEX `IDX_90eb701fe0d7584d54a15567f8` ON `audit_logs`',
        'DROP INDEX `IDX_0fcafb39fdc3239647c3a4eeeb` ON `audit_logs`',
        'DROP TABLE `audit_logs`',
      ],
      sqlite: [
        'DROP TABLE "users"',
        'DROP TABLE "organisations"',
        'DROP TABLE "sessions"',
        'DROP TABLE "login_throttle"',
        'DROP TABLE "audit_chain_head"',
        'DROP TABLE "audit_logs"',
      ],
    });
  }
}
