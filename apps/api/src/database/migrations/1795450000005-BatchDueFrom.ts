import { MigrationInterface, QueryRunner } from 'typeorm';

/** a batch's due date keeps the day its period runs from and whether it is provisional, so it can be recomputed. */
export class BatchDueFrom1795450000005 implements MigrationInterface {
  name = 'BatchDueFrom1795450000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `batches` ADD `due_from` date NULL');
    await queryRunner.query('ALTER TABLE `batches` ADD `due_provisional` tinyint NOT NULL DEFAULT 0');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `batches` DROP COLUMN `due_provisional`');
    await queryRunner.query('ALTER TABLE `batches` DROP COLUMN `due_from`');
  }
}
