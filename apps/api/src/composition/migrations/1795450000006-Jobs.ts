import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/** Scheduled jobs: one lease row per job (only one instance runs it at a time) and a record of every run. */
export class Jobs1795450000006 implements MigrationInterface {
  name = 'Jobs1795450000006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'CREATE TABLE `job_leases` (`job` varchar(64) NOT NULL, `holder` varchar(128) NOT NULL, `token` varchar(36) NOT NULL, `acquired_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, PRIMARY KEY (`job`)) ENGINE=InnoDB',
        'CREATE TABLE `job_runs` (`id` int NOT NULL AUTO_INCREMENT, `job` varchar(64) NOT NULL, `instance` varchar(128) NOT NULL, `run_trigger` varchar(16) NOT NULL, `started_at` datetime(3) NOT NULL, `finished_at` datetime(3) NULL, `outcome` varchar(16) NULL, `counts` text NULL, `error` text NULL, INDEX `IDX_job_runs_job_id` (`job`, `id`), INDEX `IDX_job_runs_outcome_id` (`outcome`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
      ],
      sqlite: [
        'CREATE TABLE "job_leases" ("job" varchar(64) PRIMARY KEY NOT NULL, "holder" varchar(128) NOT NULL, "token" varchar(36) NOT NULL, "acquired_at" datetime(3) NOT NULL, "expires_at" datetime(3) NOT NULL)',
        'CREATE TABLE "job_runs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "job" varchar(64) NOT NULL, "instance" varchar(128) NOT NULL, "run_trigger" varchar(16) NOT NULL, "started_at" datetime(3) NOT NULL, "finished_at" datetime(3), "outcome" varchar(16), "counts" text, "error" text)',
        'CREATE INDEX "IDX_job_runs_job_id" ON "job_runs" ("job", "id") ',
        'CREATE INDEX "IDX_job_runs_outcome_id" ON "job_runs" ("outcome", "id") ',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP TABLE `job_runs`', 'DROP TABLE `job_leases`'],
      sqlite: [
        'DROP INDEX "IDX_job_runs_outcome_id"',
        'DROP INDEX "IDX_job_runs_job_id"',
        'DROP TABLE "job_runs"',
        'DROP TABLE "job_leases"',
      ],
    });
  }
}
