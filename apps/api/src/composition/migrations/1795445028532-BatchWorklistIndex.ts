import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class BatchWorklistIndex1795445028532 implements MigrationInterface {
  name = 'BatchWorklistIndex1795445028532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['CREATE INDEX `IDX_d7f9dd56df7b33d1a27876445c` ON `batches` (`status`, `org_path`, `due_date`)'],
      sqlite: ['CREATE INDEX "IDX_d7f9dd56df7b33d1a27876445c" ON "batches" ("status", "org_path", "due_date")'],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP INDEX `IDX_d7f9dd56df7b33d1a27876445c` ON `batches`'],
      sqlite: ['DROP INDEX "IDX_d7f9dd56df7b33d1a27876445c"'],
    });
  }
}
