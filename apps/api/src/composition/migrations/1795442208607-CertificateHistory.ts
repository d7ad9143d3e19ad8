import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class CertificateHistory1795442208607 implements MigrationInterface {
  name = 'CertificateHistory1795442208607';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `certificate_history` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `certificate_id` int NOT NULL, `batch_id` int NOT NULL, `change` varchar(16) NOT NULL, `snapshot` text NOT NULL, `changed_by_id` int NOT NULL, `reason` varchar(500) NULL, INDEX `IDX_80b62f9564ded385592a6f6ffe` (`batch_id`), INDEX `IDX_82c2eac6afe96e8e86c2eb2bff` (`certificate_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "certificate_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "certificate_id" integer NOT NULL, "batch_id" integer NOT NULL, "change" varchar(16) NOT NULL, "snapshot" text NOT NULL, "changed_by_id" integer NOT NULL, "reason" varchar(500))',
        'CREATE INDEX "IDX_80b62f9564ded385592a6f6ffe" ON "certificate_history" ("batch_id")',
        'CREATE INDEX "IDX_82c2eac6afe96e8e86c2eb2bff" ON "certificate_history" ("certificate_id", "id")',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_82c2eac6afe96e8e86c2eb2bff` ON `certificate_history`',
        'DROP INDEX `IDX_80b62f9564ded385592a6f6ffe` ON `certificate_history`',
        'DROP TABLE `certificate_history`',
      ],
      sqlite: ['DROP TABLE "certificate_history"'],
    });
  }
}
