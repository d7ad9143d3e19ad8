import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class PersonalDataLimits1795450000003 implements MigrationInterface {
  name = 'PersonalDataLimits1795450000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Older reports keep expires_on NULL: their sheets were stored unencrypted, so the first sweep deletes them.
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `rate_limits` (`bucket` varchar(128) NOT NULL, `window_start` bigint NOT NULL, `hits` int NOT NULL, PRIMARY KEY (`bucket`)) ENGINE=InnoDB',
        'ALTER TABLE `import_error_reports` ADD `uploader_organisation_id` int NULL',
        'ALTER TABLE `import_error_reports` ADD `expires_on` date NULL',
        'CREATE INDEX `IDX_6f5009bb810e11acd07bfc0588` ON `import_error_reports` (`expires_on`)',
      ],
      sqlite: [
        'CREATE TABLE "rate_limits" ("bucket" varchar(128) PRIMARY KEY NOT NULL, "window_start" bigint NOT NULL, "hits" integer NOT NULL)',
        'ALTER TABLE "import_error_reports" ADD COLUMN "uploader_organisation_id" integer',
        'ALTER TABLE "import_error_reports" ADD COLUMN "expires_on" date',
        'CREATE INDEX "IDX_6f5009bb810e11acd07bfc0588" ON "import_error_reports" ("expires_on")',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_6f5009bb810e11acd07bfc0588` ON `import_error_reports`',
        'ALTER TABLE `import_error_reports` DROP COLUMN `expires_on`',
        'ALTER TABLE `import_error_reports` DROP COLUMN `uploader_organisation_id`',
        'DROP TABLE `rate_limits`',
      ],
      sqlite: [
        'DROP INDEX "IDX_6f5009bb810e11acd07bfc0588"',
        'ALTER TABLE "import_error_reports" DROP COLUMN "expires_on"',
        'ALTER TABLE "import_error_reports" DROP COLUMN "uploader_organisation_id"',
        'DROP TABLE "rate_limits"',
      ],
    });
  }
}
