import { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalDataLimits1795450000003 implements MigrationInterface {
  name = 'PersonalDataLimits1795450000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `rate_limits` (`bucket` varchar(128) NOT NULL, `window_start` bigint NOT NULL, `hits` int NOT NULL, PRIMARY KEY (`bucket`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `import_error_reports` ADD `uploader_organisation_id` int NULL");
    // Older reports keep expires_on NULL: their sheets were stored unencrypted, so the first sweep deletes them.
    await queryRunner.query("ALTER TABLE `import_error_reports` ADD `expires_on` date NULL");
    await queryRunner.query("CREATE INDEX `IDX_6f5009bb810e11acd07bfc0588` ON `import_error_reports` (`expires_on`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_6f5009bb810e11acd07bfc0588` ON `import_error_reports`");
    await queryRunner.query("ALTER TABLE `import_error_reports` DROP COLUMN `expires_on`");
    await queryRunner.query("ALTER TABLE `import_error_reports` DROP COLUMN `uploader_organisation_id`");
    await queryRunner.query("DROP TABLE `rate_limits`");
  }
}
