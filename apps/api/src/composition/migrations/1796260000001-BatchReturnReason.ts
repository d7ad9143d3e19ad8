import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/**
 * a returned batch keeps the reason of the return that put it there, so the console shows it once in the
 * header. Returned batches get it from their latest `return` decision (a child batch holds a copy of the partial
 * return that created it).
 */
export class BatchReturnReason1796260000001 implements MigrationInterface {
  name = 'BatchReturnReason1796260000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'ALTER TABLE `batches` ADD `return_reason` varchar(1000) NULL',
        "UPDATE `batches` SET `return_reason` = (SELECT d.`comment` FROM `batch_decisions` d WHERE d.`batch_id` = `batches`.`id` AND d.`action` = 'return' ORDER BY d.`id` DESC LIMIT 1) WHERE `status` = 'returned'",
      ],
      sqlite: [
        'ALTER TABLE "batches" ADD COLUMN "return_reason" varchar(1000)',
        'UPDATE "batches" SET "return_reason" = (SELECT d."comment" FROM "batch_decisions" d WHERE d."batch_id" = "batches"."id" AND d."action" = \'return\' ORDER BY d."id" DESC LIMIT 1) WHERE "status" = \'returned\'',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['ALTER TABLE `batches` DROP COLUMN `return_reason`'],
      sqlite: ['ALTER TABLE "batches" DROP COLUMN "return_reason"'],
    });
  }
}
