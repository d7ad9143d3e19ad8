import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

export class ReminderEvents1796253731035 implements MigrationInterface {
  name = 'ReminderEvents1796253731035';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `reminder_events` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `item_kind` varchar(24) NOT NULL, `batch_id` int NOT NULL, `stage` varchar(24) NOT NULL, `due_date` date NOT NULL, `event` varchar(16) NOT NULL, `recipient_user_id` int NOT NULL, `escalation` tinyint NOT NULL DEFAULT 0, `run_id` int NOT NULL, INDEX `IDX_e2a7f223375e0bdd114631aef3` (`run_id`), UNIQUE INDEX `IDX_71cd1660224282471445913740` (`item_kind`, `batch_id`, `stage`, `due_date`, `event`, `recipient_user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "reminder_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "item_kind" varchar(24) NOT NULL, "batch_id" integer NOT NULL, "stage" varchar(24) NOT NULL, "due_date" date NOT NULL, "event" varchar(16) NOT NULL, "recipient_user_id" integer NOT NULL, "escalation" boolean NOT NULL DEFAULT (0), "run_id" integer NOT NULL)',
        'CREATE INDEX "IDX_e2a7f223375e0bdd114631aef3" ON "reminder_events" ("run_id") ',
        'CREATE UNIQUE INDEX "IDX_71cd1660224282471445913740" ON "reminder_events" ("item_kind", "batch_id", "stage", "due_date", "event", "recipient_user_id") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'DROP INDEX `IDX_71cd1660224282471445913740` ON `reminder_events`',
        'DROP INDEX `IDX_e2a7f223375e0bdd114631aef3` ON `reminder_events`',
        'DROP TABLE `reminder_events`',
      ],
      sqlite: [
        'DROP INDEX "IDX_71cd1660224282471445913740"',
        'DROP INDEX "IDX_e2a7f223375e0bdd114631aef3"',
        'DROP TABLE "reminder_events"',
      ],
    });
  }
}
