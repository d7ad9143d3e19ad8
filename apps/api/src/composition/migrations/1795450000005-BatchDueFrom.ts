import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/** a batch's due date keeps the day its period runs from and whether it is provisional, so it can be recomputed. */
export class BatchDueFrom1795450000005 implements MigrationInterface {
  name = 'BatchDueFrom1795450000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'ALTER TABLE `batches` ADD `due_from` date NULL',
        'ALTER TABLE `batches` ADD `due_provisional` tinyint NOT NULL DEFAULT 0',
      ],
      sqlite: [
        'ALTER TABLE "batches" ADD COLUMN "due_from" date',
        'ALTER TABLE "batches" ADD COLUMN "due_provisional" boolean NOT NULL DEFAULT (0)',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['ALTER TABLE `batches` DROP COLUMN `due_provisional`', 'ALTER TABLE `batches` DROP COLUMN `due_from`'],
      sqlite: ['ALTER TABLE "batches" DROP COLUMN "due_provisional"', 'ALTER TABLE "batches" DROP COLUMN "due_from"'],
    });
  }
}
