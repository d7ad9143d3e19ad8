import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../../database/columns';

/**
 * failed logins per client address in a fixed window, beside the per-username lockout, so that one
 * address cannot lock out many accounts. Counted in the database so it holds across server instances.
 */
@Entity('login_address_throttle')
export class LoginAddressThrottle {
  @PrimaryColumn({ type: 'varchar', length: 45 })
  ip!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column(TIMESTAMP)
  windowStartedAt!: Date;
}
