import { Column, Entity, Index } from 'typeorm';
import { TIMESTAMP, VersionedEntityBase } from '../../database/columns';

export type RecheckStatus = 'open' | 'restored' | 'confirmed';
export type RecheckOutcome = 'delete' | 'correct';

/**
 * a suspension (暂停查询) and the owning province's re-check (复核) task it opens: restore to lookup, or
 * confirm, which leads to a deletion or correction request.
 */
@Entity('rechecks')
@Index(['status', 'dueDate'])
export class Recheck extends VersionedEntityBase {
  @Index()
  @Column({ type: 'int' })
  certificateId!: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  flagId!: number | null;

  /** The provincial centre that re-checks (owner of the certificate's institution). */
  @Column({ type: 'int' })
  provinceId!: number;

  /** The certificate's institution path, for jurisdiction. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 500 })
  suspendReason!: string;

  @Column({ type: 'int' })
  suspendedById!: number;

  @Column(TIMESTAMP)
  suspendedAt!: Date;

  /** Beijing day, working days from the suspension (screening.recheckWorkingDays). */
  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RecheckStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: RecheckOutcome | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionReason!: string | null;

  @Column({ type: 'int', nullable: true })
  decidedById!: number | null;

  @Column({ ...TIMESTAMP, nullable: true })
  decidedAt!: Date | null;
}
