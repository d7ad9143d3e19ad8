import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowRules1795450000004 implements MigrationInterface {
  name = 'WorkflowRules1795450000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `batch_record_keys` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `batch_id` int NOT NULL, `purpose` varchar(16) NOT NULL, `certificate_id` int NOT NULL, `certificate_number` varchar(40) NOT NULL, INDEX `IDX_85ed32f38223840dbd06417952` (`batch_id`, `purpose`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `batches` ADD `proxy_reason` varchar(500) NULL");
    await queryRunner.query("ALTER TABLE `batch_decisions` ADD `inherited_from_batch_id` int NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `batch_decisions` DROP COLUMN `inherited_from_batch_id`");
    await queryRunner.query("ALTER TABLE `batches` DROP COLUMN `proxy_reason`");
    await queryRunner.query("DROP INDEX `IDX_85ed32f38223840dbd06417952` ON `batch_record_keys`");
    await queryRunner.query("DROP TABLE `batch_record_keys`");
  }
}
