import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class MailOutbox1796252390576 implements MigrationInterface {
  name = 'MailOutbox1796252390576';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        "CREATE TABLE `mail_outbox` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `recipient` varchar(254) NOT NULL, `subject` varchar(255) NOT NULL, `text` text NOT NULL, `html` text NOT NULL, `status` varchar(16) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `next_attempt_at` datetime(3) NOT NULL, `claimed_by` varchar(100) NULL, `claimed_until` datetime(3) NULL, `sent_at` datetime(3) NULL, `message_id` varchar(255) NULL, `last_error` varchar(1000) NULL, INDEX `IDX_31c9162e83637f788a214174f0` (`recipient`), INDEX `IDX_63513349650e25976f9ec6dcda` (`status`, `next_attempt_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
      ],
      sqlite: [
        'CREATE TABLE "mail_outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "recipient" varchar(254) NOT NULL, "subject" varchar(255) NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime(3) NOT NULL, "claimed_by" varchar(100), "claimed_until" datetime(3), "sent_at" datetime(3), "message_id" varchar(255), "last_error" varchar(1000))',
        'CREATE INDEX "IDX_31c9162e83637f788a214174f0" ON "mail_outbox" ("recipient") ',
        'CREATE INDEX "IDX_63513349650e25976f9ec6dcda" ON "mail_outbox" ("status", "next_attempt_at") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_63513349650e25976f9ec6dcda` ON `mail_outbox`',
        'DROP INDEX `IDX_31c9162e83637f788a214174f0` ON `mail_outbox`',
        'DROP TABLE `mail_outbox`',
      ],
      sqlite: [
        'DROP INDEX "IDX_63513349650e25976f9ec6dcda"',
        'DROP INDEX "IDX_31c9162e83637f788a214174f0"',
        'DROP TABLE "mail_outbox"',
      ],
    });
  }
}
