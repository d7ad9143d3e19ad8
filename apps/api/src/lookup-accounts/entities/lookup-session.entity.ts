import { Column, Entity, Index } from 'typeorm';
import { EntityBase, TIMESTAMP } from '../../database/columns';

/** A public lookup login, apart from staff sessions: only the SHA-256 of the bearer token is stored. */
@Entity('lookup_sessions')
export class LookupSession extends EntityBase {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index()
  @Column({ type: 'int' })
  accountId!: number;

  @Column(TIMESTAMP)
  lastSeenAt!: Date;

  @Column({ ...TIMESTAMP, nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'varchar', length: 45, default: '' })
  ip!: string;
}
