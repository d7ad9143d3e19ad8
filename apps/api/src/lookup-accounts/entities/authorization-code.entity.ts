import { Column, Entity, Index } from 'typeorm';
import type { LookupKind } from '@app/domain';
import { EntityBase, TIMESTAMP } from '../../database/columns';

/**
 * a person's authorization code for one certificate kind (one row per account and kind; generating again
 * replaces the code). Stored encrypted so the holder can see and copy it again, found by its blind index.
 */
@Entity('lookup_authorization_codes')
@Index(['accountId', 'kind'], { unique: true })
export class AuthorizationCode extends EntityBase {
  @Column({ type: 'int' })
  accountId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: LookupKind;

  @Column({ type: 'varchar', length: 160 })
  codeEnc!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash!: string;

  /** When this code was generated (the Clock's time, shown as createdAt). */
  @Column(TIMESTAMP)
  issuedAt!: Date;

  @Column(TIMESTAMP)
  expiresAt!: Date;

  @Column({ type: 'boolean', default: false })
  stopped!: boolean;
}
