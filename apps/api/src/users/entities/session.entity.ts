import { Column, Entity, Index } from 'typeorm';
import { EntityBase, TIMESTAMP } from '../../database/columns';

/** A staff login. Only the SHA-256 of the bearer token is stored; R-41 idle expiry uses lastSeenAt. */
@Entity('sessions')
export class Session extends EntityBase {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index()
  @Column({ type: 'int' })
  userId!: number;

  @Column(TIMESTAMP)
  lastSeenAt!: Date;

  @Column({ ...TIMESTAMP, nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'varchar', length: 45, default: '' })
  ip!: string;
}
