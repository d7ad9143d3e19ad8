import { Column, Entity, Index } from 'typeorm';
import type { Role } from '@app/domain';
import { TIMESTAMP, VersionedEntityBase } from '../../database/columns';

/** staff accounts. */
@Entity('users')
export class User extends VersionedEntityBase {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 64 })
  displayName!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'simple-json' })
  roles!: Role[];

  @Index()
  @Column({ type: 'int' })
  organisationId!: number;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** TOTP secret, encrypted at rest with the field cipher. */
  @Column({ type: 'text', nullable: true })
  totpSecretEnc!: string | null;

  @Column({ type: 'boolean', default: false })
  totpEnabled!: boolean;

  /** the last TOTP time step accepted, so each code works once (raised atomically, never lowered). */
  @Column({ type: 'int', nullable: true })
  totpLastStep!: number | null;

  @Column({ ...TIMESTAMP, nullable: true })
  lastLoginAt!: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  email!: string | null;
}
