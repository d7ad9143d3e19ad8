import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditAnchors1795450000001 implements MigrationInterface {
  name = 'AuditAnchors1795450000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `audit_anchors` (`id` int NOT NULL AUTO_INCREMENT, `seq` int NOT NULL, `hash` varchar(64) NOT NULL, `mac` varchar(64) NOT NULL, `at` datetime(3) NOT NULL, UNIQUE INDEX `IDX_audit_anchors_seq` (`seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_audit_anchors_seq` ON `audit_anchors`');
    await queryRunner.query('DROP TABLE `audit_anchors`');
  }
}
