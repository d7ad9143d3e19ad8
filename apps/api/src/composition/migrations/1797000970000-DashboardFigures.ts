import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/**
 * The dashboards' publications per month (R-40) count certificates by institution and publication day within a
 * jurisdiction: read from this index alone, never from the rows.
 */
export class DashboardFigures1797000970000 implements MigrationInterface {
  name = 'DashboardFigures1797000970000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['CREATE INDEX `IDX_certificates_published` ON `certificates` (`institution_id`, `published_on`)'],
      sqlite: ['CREATE INDEX "IDX_certificates_published" ON "certificates" ("institution_id", "published_on") '],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP INDEX `IDX_certificates_published` ON `certificates`'],
      sqlite: ['DROP INDEX "IDX_certificates_published"'],
    });
  }
}
