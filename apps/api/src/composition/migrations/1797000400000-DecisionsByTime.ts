import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/**
 * The home page's newest decisions read batch_decisions newest first and stop at a page; 待我处理 leaves out
 * what the reader authored by looking up (batch, actor, action) in the index alone.
 */
export class DecisionsByTime1797000400000 implements MigrationInterface {
  name = 'DecisionsByTime1797000400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE INDEX `IDX_batch_decisions_created` ON `batch_decisions` (`created_at`, `id`)',
        'CREATE INDEX `IDX_batch_decisions_authoring` ON `batch_decisions` (`batch_id`, `actor_id`, `action`)',
      ],
      sqlite: [
        'CREATE INDEX "IDX_batch_decisions_created" ON "batch_decisions" ("created_at", "id") ',
        'CREATE INDEX "IDX_batch_decisions_authoring" ON "batch_decisions" ("batch_id", "actor_id", "action") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_batch_decisions_authoring` ON `batch_decisions`',
        'DROP INDEX `IDX_batch_decisions_created` ON `batch_decisions`',
      ],
      sqlite: ['DROP INDEX "IDX_batch_decisions_authoring"', 'DROP INDEX "IDX_batch_decisions_created"'],
    });
  }
}
