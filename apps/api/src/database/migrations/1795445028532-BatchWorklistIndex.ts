import { MigrationInterface, QueryRunner } from 'typeorm';

export class BatchWorklistIndex1795445028532 implements MigrationInterface {
  name = 'BatchWorklistIndex1795445028532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_d7f9dd56df7b33d1a27876445c` ON `batches` (`status`, `org_path`, `due_date`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_d7f9dd56df7b33d1a27876445c` ON `batches`");
  }
}
