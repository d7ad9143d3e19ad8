import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class Batches1795441436822 implements MigrationInterface {
  name = 'Batches1795441436822';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        "CREATE TABLE `batches` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `kind` varchar(16) NOT NULL, `status` varchar(24) NOT NULL, `institution_id` int NOT NULL, `org_path` varchar(255) NOT NULL, `parent_id` int NULL, `record_count` int NOT NULL DEFAULT '0', `file_name` varchar(255) NULL, `file_checksum` varchar(64) NULL, `created_by_id` int NOT NULL, `late_submission` tinyint NOT NULL DEFAULT 0, `overdue_statement` text NULL, `exemption` text NULL, `stage_received_on` date NULL, `due_date` date NULL, `due_rule` varchar(48) NULL, `returned_from` varchar(24) NULL, `submitted_at` datetime(3) NULL, `published_on` date NULL, `round` int NOT NULL DEFAULT '0', INDEX `IDX_0e0a2fc0b05d1980725ce39725` (`status`), INDEX `IDX_b314d18bf83d08dcc4fe964c0c` (`org_path`), INDEX `IDX_db783e9b41c905e2985c11e4f8` (`parent_id`), UNIQUE INDEX `IDX_f8cacf4a6d8efb6a2bc55c44fd` (`institution_id`, `file_checksum`), INDEX `IDX_4004c5b399bb7a14a32eedbbf6` (`status`, `due_date`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
        "CREATE TABLE `batch_decisions` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `batch_id` int NOT NULL, `action` varchar(16) NOT NULL, `stage` varchar(24) NOT NULL, `result_status` varchar(24) NOT NULL, `actor_id` int NOT NULL, `actor_name` varchar(64) NOT NULL, `actor_role` varchar(64) NOT NULL, `organisation_id` int NOT NULL, `comment` varchar(1000) NULL, `record_count` int NOT NULL DEFAULT '0', `child_batch_id` int NULL, `due_date` date NULL, `late` tinyint NOT NULL DEFAULT 0, INDEX `IDX_8545a90d15635579977b1956b5` (`batch_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
        'CREATE TABLE `batch_decision_records` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `decision_id` int NOT NULL, `certificate_id` int NOT NULL, `reason` varchar(500) NOT NULL, INDEX `IDX_9de97e2bd43680a979ddd61c7d` (`decision_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `import_error_reports` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `institution_id` int NOT NULL, `org_path` varchar(255) NOT NULL, `uploaded_by_id` int NOT NULL, `file_name` varchar(255) NOT NULL, `file_key` varchar(128) NOT NULL, `errors_key` varchar(128) NOT NULL, `error_count` int NOT NULL, INDEX `IDX_81c8a9caf0b044891e0c2f6834` (`org_path`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `certificates` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, `batch_id` int NOT NULL, `institution_id` int NOT NULL, `kind` varchar(16) NOT NULL, `holder_name` varchar(40) NOT NULL, `id_type` int NOT NULL, `id_number_enc` varchar(160) NOT NULL, `id_number_hash` varchar(64) NOT NULL, `id_number_masked` varchar(40) NOT NULL, `gender` int NOT NULL, `birth_date` date NOT NULL, `education` int NULL, `occupation_code` varchar(16) NOT NULL, `occupation_name` varchar(60) NOT NULL, `work_type` varchar(60) NULL, `level` int NULL, `certificate_number` varchar(40) NOT NULL, `issue_date` date NOT NULL, `admission_ticket` varchar(40) NULL, `theory_score` decimal(4,1) NULL, `practical_score` decimal(4,1) NULL, `comprehensive_score` decimal(4,1) NULL, `result` int NULL, `status` varchar(16) NOT NULL, `row_number` int NOT NULL, `upload_due` date NULL, `return_reason` varchar(500) NULL, `published_on` date NULL, `deleted_at` datetime(3) NULL, INDEX `IDX_583cafbed006dbad6af74420bf` (`id_number_hash`), UNIQUE INDEX `IDX_0387224f2281652909605da294` (`certificate_number`), INDEX `IDX_948d3f59dba8a8306b56fbea0e` (`status`), INDEX `IDX_3a708a50db4016c54f4a260ab5` (`institution_id`, `issue_date`), INDEX `IDX_c667bccd39e4f910dd429105da` (`batch_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "batches" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "kind" varchar(16) NOT NULL, "status" varchar(24) NOT NULL, "institution_id" integer NOT NULL, "org_path" varchar(255) NOT NULL, "parent_id" integer, "record_count" integer NOT NULL DEFAULT (0), "file_name" varchar(255), "file_checksum" varchar(64), "created_by_id" integer NOT NULL, "late_submission" boolean NOT NULL DEFAULT (0), "overdue_statement" text, "exemption" text, "stage_received_on" date, "due_date" date, "due_rule" varchar(48), "returned_from" varchar(24), "submitted_at" datetime(3), "published_on" date, "round" integer NOT NULL DEFAULT (0))',
        'CREATE INDEX "IDX_0e0a2fc0b05d1980725ce39725" ON "batches" ("status")',
        'CREATE INDEX "IDX_b314d18bf83d08dcc4fe964c0c" ON "batches" ("org_path")',
        'CREATE INDEX "IDX_db783e9b41c905e2985c11e4f8" ON "batches" ("parent_id")',
        'CREATE UNIQUE INDEX "IDX_f8cacf4a6d8efb6a2bc55c44fd" ON "batches" ("institution_id", "file_checksum")',
        'CREATE INDEX "IDX_4004c5b399bb7a14a32eedbbf6" ON "batches" ("status", "due_date", "id")',
        'CREATE TABLE "batch_decisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "batch_id" integer NOT NULL, "action" varchar(16) NOT NULL, "stage" varchar(24) NOT NULL, "result_status" varchar(24) NOT NULL, "actor_id" integer NOT NULL, "actor_name" varchar(64) NOT NULL, "actor_role" varchar(64) NOT NULL, "organisation_id" integer NOT NULL, "comment" varchar(1000), "record_count" integer NOT NULL DEFAULT (0), "child_batch_id" integer, "due_date" date, "late" boolean NOT NULL DEFAULT (0))',
        'CREATE INDEX "IDX_8545a90d15635579977b1956b5" ON "batch_decisions" ("batch_id", "id")',
        'CREATE TABLE "batch_decision_records" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "decision_id" integer NOT NULL, "certificate_id" integer NOT NULL, "reason" varchar(500) NOT NULL)',
        'CREATE INDEX "IDX_9de97e2bd43680a979ddd61c7d" ON "batch_decision_records" ("decision_id")',
        'CREATE TABLE "import_error_reports" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "institution_id" integer NOT NULL, "org_path" varchar(255) NOT NULL, "uploaded_by_id" integer NOT NULL, "file_name" varchar(255) NOT NULL, "file_key" varchar(128) NOT NULL, "errors_key" varchar(128) NOT NULL, "error_count" integer NOT NULL)',
        'CREATE INDEX "IDX_81c8a9caf0b044891e0c2f6834" ON "import_error_reports" ("org_path")',
        'CREATE TABLE "certificates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "batch_id" integer NOT NULL, "institution_id" integer NOT NULL, "kind" varchar(16) NOT NULL, "holder_name" varchar(40) NOT NULL, "id_type" integer NOT NULL, "id_number_enc" varchar(160) NOT NULL, "id_number_hash" varchar(64) NOT NULL, "id_number_masked" varchar(40) NOT NULL, "gender" integer NOT NULL, "birth_date" date NOT NULL, "education" integer, "occupation_code" varchar(16) NOT NULL, "occupation_name" varchar(60) NOT NULL, "work_type" varchar(60), "level" integer, "certificate_number" varchar(40) NOT NULL, "issue_date" date NOT NULL, "admission_ticket" varchar(40), "theory_score" decimal(4,1), "practical_score" decimal(4,1), "comprehensive_score" decimal(4,1), "result" integer, "status" varchar(16) NOT NULL, "row_number" integer NOT NULL, "upload_due" date, "return_reason" varchar(500), "published_on" date, "deleted_at" datetime(3))',
        'CREATE INDEX "IDX_583cafbed006dbad6af74420bf" ON "certificates" ("id_number_hash")',
        'CREATE UNIQUE INDEX "IDX_0387224f2281652909605da294" ON "certificates" ("certificate_number")',
        'CREATE INDEX "IDX_948d3f59dba8a8306b56fbea0e" ON "certificates" ("status")',
        'CREATE INDEX "IDX_3a708a50db4016c54f4a260ab5" ON "certificates" ("institution_id", "issue_date")',
        'CREATE INDEX "IDX_c667bccd39e4f910dd429105da" ON "certificates" ("batch_id", "id")',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_c667bccd39e4f910dd429105da` ON `certificates`',
        'DROP INDEX `IDX_3a708a50db4016c54f4a260ab5` ON `certificates`',
        'DROP INDEX `IDX_948d3f59dba8a8306b56fbea0e` ON `certificates`',
        'DROP INDEX `IDX_0387224f2281652909605da294` ON `certificates`',
        'DROP INDEX `IDX_583cafbed006dbad6af74420bf` ON `certificates`',
        'DROP TABLE `certificates`',
        'DROP INDEX `IDX_81c8a9caf0b044891e0c2f6834` ON `import_error_reports`',
        'DROP TABLE `import_error_reports`',
        'DROP INDEX `IDX_9de97e2bd43680a979ddd61c7d` ON `batch_decision_records`',
        'DROP TABLE `batch_decision_records`',
        'DROP INDEX `IDX_8545a90d15635579977b1956b5` ON `batch_decisions`',
        'DROP TABLE `batch_decisions`',
        'DROP INDEX `IDX_4004c5b399bb7a14a32eedbbf6` ON `batches`',
        'DROP INDEX `IDX_f8cacf4a6d8efb6a2bc55c44fd` ON `batches`',
        'DROP INDEX `IDX_db783e9b41c905e2985c11e4f8` ON `batches`',
        'DROP INDEX `IDX_b314d18bf83d08dcc4fe964c0c` ON `batches`',
        'DROP INDEX `IDX_0e0a2fc0b05d1980725ce39725` ON `batches`',
        'DROP TABLE `batches`',
      ],
      sqlite: [
        'DROP TABLE "certificates"',
        'DROP TABLE "import_error_reports"',
        'DROP TABLE "batch_decision_records"',
        'DROP TABLE "batch_decisions"',
        'DROP TABLE "batches"',
      ],
    });
  }
}
