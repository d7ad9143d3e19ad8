import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/** The home page's newest decisions read batch_decisions newest first and stop at a page. */
export class DecisionsByTime1797000300000 implements MigrationInterface {
  name = 'DecisionsByTime1797000300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['CREATE INDEX `IDX_batch_decisions_created` ON `batch_decisions` (`created_at`, `id`)'],
      sqlite: ['CREATE INDEX "IDX_batch_decisions_created" ON "batch_decisions" ("created_at", "id") '],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP INDEX `IDX_batch_decisions_created` ON `batch_decisions`'],
      sqlite: ['DROP INDEX "IDX_batch_decisions_created"'],
    });
  }
}
