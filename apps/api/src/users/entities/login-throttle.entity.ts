import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../../database/columns';

/**
 * failed-login counter per submitted username — kept for unknown usernames too, so a lockout
 * answers the same whether or not the account exists.
 */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ ...TIMESTAMP, nullable: true })
  lockedUntil!: Date | null;

  @Column(TIMESTAMP)
  lastFailureAt!: Date;
}
