import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/** R-4, 附件2: municipal data administrators, their approval by the centre's head and their handovers. */
export class DataAdministrators1797000950000 implements MigrationInterface {
  name = 'DataAdministrators1797000950000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `data_administrators` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `organisation_id` int NOT NULL, `org_path` varchar(255) NOT NULL, `active_organisation_id` int NULL, `user_id` int NOT NULL, `name` varchar(64) NOT NULL, `position` varchar(64) NOT NULL, `office_phone` varchar(32) NOT NULL, `mobile_enc` text NOT NULL, `mobile_masked` varchar(16) NOT NULL, `qq` varchar(12) NULL, `public_contact` varchar(255) NOT NULL, `status` varchar(16) NOT NULL, `registered_by_id` int NOT NULL, `registered_at` datetime(3) NOT NULL, `decided_by_id` int NULL, `decided_at` datetime(3) NULL, `reject_reason` varchar(500) NULL, `activated_at` datetime(3) NULL, `predecessor_id` int NULL, `replaced_at` datetime(3) NULL, `successor_id` int NULL, INDEX `IDX_7c0fa901cdb1d96efcc18d9e7f` (`organisation_id`), INDEX `IDX_d05b1e7b1b57017ba19c8337ca` (`org_path`), UNIQUE INDEX `IDX_41af9f6a0b5f4eb2f0071fb3c6` (`active_organisation_id`), INDEX `IDX_b09a46116ca3fa48e7924bdff0` (`user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "data_administrators" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "organisation_id" integer NOT NULL, "org_path" varchar(255) NOT NULL, "active_organisation_id" integer, "user_id" integer NOT NULL, "name" varchar(64) NOT NULL, "position" varchar(64) NOT NULL, "office_phone" varchar(32) NOT NULL, "mobile_enc" text NOT NULL, "mobile_masked" varchar(16) NOT NULL, "qq" varchar(12), "public_contact" varchar(255) NOT NULL, "status" varchar(16) NOT NULL, "registered_by_id" integer NOT NULL, "registered_at" datetime(3) NOT NULL, "decided_by_id" integer, "decided_at" datetime(3), "reject_reason" varchar(500), "activated_at" datetime(3), "predecessor_id" integer, "replaced_at" datetime(3), "successor_id" integer)',
        'CREATE INDEX "IDX_7c0fa901cdb1d96efcc18d9e7f" ON "data_administrators" ("organisation_id") ',
        'CREATE INDEX "IDX_d05b1e7b1b57017ba19c8337ca" ON "data_administrators" ("org_path") ',
        'CREATE UNIQUE INDEX "IDX_41af9f6a0b5f4eb2f0071fb3c6" ON "data_administrators" ("active_organisation_id") ',
        'CREATE INDEX "IDX_b09a46116ca3fa48e7924bdff0" ON "data_administrators" ("user_id") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP TABLE `data_administrators`'],
      sqlite: [
        'DROP INDEX "IDX_b09a46116ca3fa48e7924bdff0"',
        'DROP INDEX "IDX_41af9f6a0b5f4eb2f0071fb3c6"',
        'DROP INDEX "IDX_d05b1e7b1b57017ba19c8337ca"',
        'DROP INDEX "IDX_7c0fa901cdb1d96efcc18d9e7f"',
        'DROP TABLE "data_administrators"',
      ],
    });
  }
}
