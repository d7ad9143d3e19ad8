import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/** uploaded attachments (their bytes are in the FileStore); listed within jurisdiction by the owner's path. */
export class Attachments1797000700000 implements MigrationInterface {
  name = 'Attachments1797000700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `attachments` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `purpose` varchar(32) NOT NULL, `file_name` varchar(255) NOT NULL, `size` int NOT NULL, `sha256` varchar(64) NOT NULL, `content_type` varchar(32) NOT NULL, `file_key` varchar(128) NOT NULL, `organisation_id` int NOT NULL, `org_path` varchar(255) NOT NULL, `uploaded_by_id` int NOT NULL, `uploaded_at` datetime(3) NOT NULL, INDEX `IDX_13cc1bfce55df233cfbf55cce9` (`org_path`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "attachments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "purpose" varchar(32) NOT NULL, "file_name" varchar(255) NOT NULL, "size" integer NOT NULL, "sha256" varchar(64) NOT NULL, "content_type" varchar(32) NOT NULL, "file_key" varchar(128) NOT NULL, "organisation_id" integer NOT NULL, "org_path" varchar(255) NOT NULL, "uploaded_by_id" integer NOT NULL, "uploaded_at" datetime(3) NOT NULL)',
        'CREATE INDEX "IDX_13cc1bfce55df233cfbf55cce9" ON "attachments" ("org_path") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP INDEX `IDX_13cc1bfce55df233cfbf55cce9` ON `attachments`', 'DROP TABLE `attachments`'],
      sqlite: ['DROP INDEX "IDX_13cc1bfce55df233cfbf55cce9"', 'DROP TABLE "attachments"'],
    });
  }
}
