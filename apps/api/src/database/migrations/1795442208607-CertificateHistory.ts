import { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificateHistory1795442208607 implements MigrationInterface {
  name = 'CertificateHistory1795442208607';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `certificate_history` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `certificate_id` int NOT NULL, `batch_id` int NOT NULL, `change` varchar(16) NOT NULL, `snapshot` text NOT NULL, `changed_by_id` int NOT NULL, `reason` varchar(500) NULL, INDEX `IDX_80b62f9564ded385592a6f6ffe` (`batch_id`), INDEX `IDX_82c2eac6afe96e8e86c2eb2bff` (`certificate_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_82c2eac6afe96e8e86c2eb2bff` ON `certificate_history`");
    await queryRunner.query("DROP INDEX `IDX_80b62f9564ded385592a6f6ffe` ON `certificate_history`");
    await queryRunner.query("DROP TABLE `certificate_history`");
  }
}
