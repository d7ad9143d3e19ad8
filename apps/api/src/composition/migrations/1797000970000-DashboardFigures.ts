import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/**
 * The dashboards' monthly figures (R-40): publications count a range of certificates by publication day per month,
 * first submissions a range of the submit decisions taken in draft — index ranges, never every row.
 */
export class DashboardFigures1797000970000 implements MigrationInterface {
  name = 'DashboardFigures1797000970000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE INDEX `IDX_certificates_published` ON `certificates` (`published_on`, `institution_id`)',
        'CREATE INDEX `IDX_batch_decisions_submissions` ON `batch_decisions` (`action`, `stage`, `created_at`)',
      ],
      sqlite: [
        'CREATE INDEX "IDX_certificates_published" ON "certificates" ("published_on", "institution_id") ',
        'CREATE INDEX "IDX_batch_decisions_submissions" ON "batch_decisions" ("action", "stage", "created_at") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_batch_decisions_submissions` ON `batch_decisions`',
        'DROP INDEX `IDX_certificates_published` ON `certificates`',
      ],
      sqlite: ['DROP INDEX "IDX_batch_decisions_submissions"', 'DROP INDEX "IDX_certificates_published"'],
    });
  }
}
