import { Column, Entity, Index } from 'typeorm';
import { EntityBase } from '../../database/columns';

/**
 * a certificate record as it was before it was edited or replaced. Nothing is lost: every
 * superseded version stays here (the ID number still only as ciphertext).
 */
@Entity('certificate_history')
@Index(['certificateId', 'id'])
export class CertificateHistory extends EntityBase {
  @Column({ type: 'int' })
  certificateId!: number;

  @Index()
  @Column({ type: 'int' })
  batchId!: number;

  /**
   * Why this version was superseded: 'edit' (changed in the console), 'reupload' (replaced by a corrected sheet) or
   * 'correction' (an applied correction request, R-19).
   */
  @Column({ type: 'varchar', length: 16 })
  change!: 'edit' | 'reupload' | 'correction';

  /** The correction request whose application superseded this version. */
  @Column({ type: 'int', nullable: true })
  correctionId!: number | null;

  /** The full previous row as JSON. */
  @Column({ type: 'text' })
  snapshot!: string;

  @Column({ type: 'int' })
  changedById!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;
}
