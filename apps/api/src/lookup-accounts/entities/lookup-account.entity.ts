import { Column, Entity, Index } from 'typeorm';
import type { LookupAccountType } from '@app/contracts';
import { EntityBase, TIMESTAMP } from '../../database/columns';

/**
 * a public lookup account (person or legal entity), never a staff user. The ID number or credit code and the
 * mobile number are personal data: encrypted, with a blind index each for login and uniqueness.
 */
@Entity('lookup_accounts')
export class LookupAccount extends EntityBase {
  @Column({ type: 'varchar', length: 16 })
  type!: LookupAccountType;

  /** Person: real name; legal entity: the unit's name. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Person: ID type code; null for a legal entity. */
  @Column({ type: 'int', nullable: true })
  idType!: number | null;

  /** Person: the ID number (18-character form for resident IDs); legal entity: the credit code. Encrypted. */
  @Column({ type: 'varchar', length: 160 })
  identifierEnc!: string;

  /** Blind index of the identifier: the same key and form as certificates.id_number_hash, so `mine` matches. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  identifierHash!: string;

  @Column({ type: 'varchar', length: 40 })
  identifierMasked!: string;

  /** Legal entity: 联系人. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 160 })
  mobileEnc!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  mobileHash!: string;

  @Column({ type: 'varchar', length: 20 })
  mobileMasked!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ ...TIMESTAMP, nullable: true })
  lastLoginAt!: Date | null;
}
