import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/**
 * The dashboards' publications per month (R-40) count certificates by publication day within a jurisdiction: a
 * range of this index per month, never the rows.
 */
export class DashboardFigures1797000970000 implements MigrationInterface {
  name = 'DashboardFigures1797000970000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['CREATE INDEX `IDX_certificates_published` ON `certificates` (`published_on`, `institution_id`)'],
      sqlite: ['CREATE INDEX "IDX_certificates_published" ON "certificates" ("published_on", "institution_id") '],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP INDEX `IDX_certificates_published` ON `certificates`'],
      sqlite: ['DROP INDEX "IDX_certificates_published"'],
    });
  }
}
