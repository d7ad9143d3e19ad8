import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDriver } from '../../database/schema';

/** one-time TOTP codes (last accepted time step per user) and the per-address failed-login window. */
export class AccountHardening1795450000002 implements MigrationInterface {
  name = 'AccountHardening1795450000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: [
        'ALTER TABLE `users` ADD `totp_last_step` int NULL',
        "CREATE TABLE `login_address_throttle` (`ip` varchar(45) NOT NULL, `failures` int NOT NULL DEFAULT '0', `window_started_at` datetime(3) NOT NULL, PRIMARY KEY (`ip`)) ENGINE=InnoDB",
      ],
      sqlite: [
        'ALTER TABLE "users" ADD COLUMN "totp_last_step" integer',
        'CREATE TABLE "login_address_throttle" ("ip" varchar(45) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "window_started_at" datetime(3) NOT NULL)',
      ],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await runForDriver(queryRunner, {
      mysql: ['DROP TABLE `login_address_throttle`', 'ALTER TABLE `users` DROP COLUMN `totp_last_step`'],
      sqlite: ['DROP TABLE "login_address_throttle"', 'ALTER TABLE "users" DROP COLUMN "totp_last_step"'],
    });
  }
}
