import { Column, Entity, Index } from 'typeorm';
import type { DataAdminStatus } from '@app/domain';
import { TIMESTAMP, VersionedEntityBase } from '../../database/columns';

/**
 * R-4, 附件2: a municipal centre's data administrator — a `municipal_admin` account of the centre with its form,
 * approved by the centre's head. Records are never deleted: a rejected one stays, and a handover marks the previous
 * active one `replaced`, so the centre's history is its records.
 */
@Entity('data_administrators')
export class DataAdministrator extends VersionedEntityBase {
  /** The municipal centre. */
  @Index()
  @Column({ type: 'int' })
  organisationId!: number;

  /** The centre's path in the organisation tree (R-3 jurisdiction). */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath!: string;

  /**
   * The centre's id while this record is active, else null: a unique key, so a centre never has two active
   * administrators even when two approvals race.
   */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  activeOrganisationId!: number | null;

  @Index()
  @Column({ type: 'int' })
  userId!: number;

  /** The account's display name when registered (数据管理员). */
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  position!: string;

  @Column({ type: 'varchar', length: 32 })
  officePhone!: string;

  /** Personal data: encrypted at rest with the field cipher; lists show `mobileMasked`. */
  @Column({ type: 'text' })
  mobileEnc!: string;

  @Column({ type: 'varchar', length: 16 })
  mobileMasked!: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  qq!: string | null;

  @Column({ type: 'varchar', length: 255 })
  publicContact!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DataAdminStatus;

  @Column({ type: 'int' })
  registeredById!: number;

  @Column(TIMESTAMP)
  registeredAt!: Date;

  /** The head who approved or rejected it. */
  @Column({ type: 'int', nullable: true })
  decidedById!: number | null;

  @Column({ ...TIMESTAMP, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectReason!: string | null;

  /** The handover: when the duty passed to this administrator and the record it passed from. */
  @Column({ ...TIMESTAMP, nullable: true })
  activatedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  predecessorId!: number | null;

  @Column({ ...TIMESTAMP, nullable: true })
  replacedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  successorId!: number | null;
}
