import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class AuditAnchors1795450000001 implements MigrationInterface {
  name = 'AuditAnchors1795450000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `audit_anchors` (`id` int NOT NULL AUTO_INCREMENT, `seq` int NOT NULL, `hash` varchar(64) NOT NULL, `mac` varchar(64) NOT NULL, `at` datetime(3) NOT NULL, UNIQUE INDEX `IDX_audit_anchors_seq` (`seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "audit_anchors" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "seq" integer NOT NULL, "hash" varchar(64) NOT NULL, "mac" varchar(64) NOT NULL, "at" datetime(3) NOT NULL)',
        'CREATE UNIQUE INDEX "IDX_audit_anchors_seq" ON "audit_anchors" ("seq")',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP INDEX `IDX_audit_anchors_seq` ON `audit_anchors`', 'DROP TABLE `audit_anchors`'],
      sqlite: ['DROP TABLE "audit_anchors"'],
    });
  }
}
