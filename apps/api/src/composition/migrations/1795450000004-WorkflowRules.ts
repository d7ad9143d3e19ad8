import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class WorkflowRules1795450000004 implements MigrationInterface {
  name = 'WorkflowRules1795450000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `batch_record_keys` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `batch_id` int NOT NULL, `purpose` varchar(16) NOT NULL, `certificate_id` int NOT NULL, `certificate_number` varchar(40) NOT NULL, INDEX `IDX_85ed32f38223840dbd06417952` (`batch_id`, `purpose`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'ALTER TABLE `batches` ADD `proxy_reason` varchar(500) NULL',
        'ALTER TABLE `batch_decisions` ADD `inherited_from_batch_id` int NULL',
      ],
      sqlite: [
        'CREATE TABLE "batch_record_keys" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "batch_id" integer NOT NULL, "purpose" varchar(16) NOT NULL, "certificate_id" integer NOT NULL, "certificate_number" varchar(40) NOT NULL)',
        'CREATE INDEX "IDX_85ed32f38223840dbd06417952" ON "batch_record_keys" ("batch_id", "purpose")',
        'ALTER TABLE "batches" ADD COLUMN "proxy_reason" varchar(500)',
        'ALTER TABLE "batch_decisions" ADD COLUMN "inherited_from_batch_id" integer',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'ALTER TABLE `batch_decisions` DROP COLUMN `inherited_from_batch_id`',
        'ALTER TABLE `batches` DROP COLUMN `proxy_reason`',
        'DROP INDEX `IDX_85ed32f38223840dbd06417952` ON `batch_record_keys`',
        'DROP TABLE `batch_record_keys`',
      ],
      sqlite: [
        'ALTER TABLE "batch_decisions" DROP COLUMN "inherited_from_batch_id"',
        'ALTER TABLE "batches" DROP COLUMN "proxy_reason"',
        'DROP TABLE "batch_record_keys"',
      ],
    });
  }
}
