import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/** complaints about data not online, assigned to an institution; listed within jurisdiction by its path. */
export class Complaints1797000900000 implements MigrationInterface {
  name = 'Complaints1797000900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        "CREATE TABLE `complaints` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `institution_id` int NOT NULL, `org_path` varchar(255) NOT NULL, `recording_organisation_id` int NOT NULL, `holder_name` varchar(50) NOT NULL, `contact_phone_enc` varchar(255) NOT NULL, `contact_phone_masked` varchar(32) NOT NULL, `certificate_id` int NULL, `batch_id` int NULL, `channel` varchar(16) NOT NULL, `content` varchar(2000) NOT NULL, `received_on` date NOT NULL, `recorded_on` date NOT NULL, `recorded_at` datetime(3) NOT NULL, `recorded_by_id` int NOT NULL, `due_date` date NOT NULL, `status` varchar(16) NOT NULL, `late_reply` tinyint NOT NULL DEFAULT 0, `reply` varchar(2000) NULL, `replied_by_id` int NULL, `replied_at` datetime(3) NULL, `reopen_reason` varchar(500) NULL, `reopened_at` datetime(3) NULL, `reopen_count` int NOT NULL DEFAULT '0', `closing_note` varchar(500) NULL, `closed_by_id` int NULL, `closed_at` datetime(3) NULL, INDEX `IDX_dcc71c22da92e0f0207e5eb51c` (`org_path`), INDEX `IDX_5720812e94ec3a5aa1369ad5f5` (`institution_id`, `recorded_on`), INDEX `IDX_dc67222ae64d6e941fed06cd7a` (`status`, `due_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
      ],
      sqlite: [
        'CREATE TABLE "complaints" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "institution_id" integer NOT NULL, "org_path" varchar(255) NOT NULL, "recording_organisation_id" integer NOT NULL, "holder_name" varchar(50) NOT NULL, "contact_phone_enc" varchar(255) NOT NULL, "contact_phone_masked" varchar(32) NOT NULL, "certificate_id" integer, "batch_id" integer, "channel" varchar(16) NOT NULL, "content" varchar(2000) NOT NULL, "received_on" date NOT NULL, "recorded_on" date NOT NULL, "recorded_at" datetime(3) NOT NULL, "recorded_by_id" integer NOT NULL, "due_date" date NOT NULL, "status" varchar(16) NOT NULL, "late_reply" boolean NOT NULL DEFAULT (0), "reply" varchar(2000), "replied_by_id" integer, "replied_at" datetime(3), "reopen_reason" varchar(500), "reopened_at" datetime(3), "reopen_count" integer NOT NULL DEFAULT (0), "closing_note" varchar(500), "closed_by_id" integer, "closed_at" datetime(3))',
        'CREATE INDEX "IDX_dcc71c22da92e0f0207e5eb51c" ON "complaints" ("org_path") ',
        'CREATE INDEX "IDX_5720812e94ec3a5aa1369ad5f5" ON "complaints" ("institution_id", "recorded_on") ',
        'CREATE INDEX "IDX_dc67222ae64d6e941fed06cd7a" ON "complaints" ("status", "due_date") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_dc67222ae64d6e941fed06cd7a` ON `complaints`',
        'DROP INDEX `IDX_5720812e94ec3a5aa1369ad5f5` ON `complaints`',
        'DROP INDEX `IDX_dcc71c22da92e0f0207e5eb51c` ON `complaints`',
        'DROP TABLE `complaints`',
      ],
      sqlite: [
        'DROP INDEX "IDX_dc67222ae64d6e941fed06cd7a"',
        'DROP INDEX "IDX_5720812e94ec3a5aa1369ad5f5"',
        'DROP INDEX "IDX_dcc71c22da92e0f0207e5eb51c"',
        'DROP TABLE "complaints"',
      ],
    });
  }
}
