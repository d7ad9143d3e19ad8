import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/**
 * A batch query's stored rows keep the ids of the certificates they found, so showing or exporting them again leaves
 * out a certificate suspended or deleted since.
 */
export class LookupBatchRowCertificates1797000800000 implements MigrationInterface {
  name = 'LookupBatchRowCertificates1797000800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['ALTER TABLE `lookup_batch_rows` ADD `certificate_ids` text NULL'],
      sqlite: ['ALTER TABLE "lookup_batch_rows" ADD COLUMN "certificate_ids" text'],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['ALTER TABLE `lookup_batch_rows` DROP COLUMN `certificate_ids`'],
      sqlite: ['ALTER TABLE "lookup_batch_rows" DROP COLUMN "certificate_ids"'],
    });
  }
}
