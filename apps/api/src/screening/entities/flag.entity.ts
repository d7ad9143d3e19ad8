import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ScreeningRule } from '@app/domain';
import { TIMESTAMP, VersionedEntityBase } from '../../database/columns';

export type FlagStatus = 'open' | 'dismissed' | 'suspended';

/** one suspicious finding of the screening job — its rule, evidence and what national made of it. */
@Entity('flags')
@Index(['status', 'rule'])
export class Flag extends VersionedEntityBase {
  @Column({ type: 'varchar', length: 32 })
  rule!: ScreeningRule;

  /** SHA-256 of the evidence key (rule, certificates, figures): the same evidence is never raised twice. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: FlagStatus;

  /** Chinese one-line summary of what crossed the threshold. */
  @Column({ type: 'varchar', length: 500 })
  summary!: string;

  /** JSON: the figures and the other certificates (ID numbers never in it, only masked). */
  @Column({ type: 'text' })
  evidence!: string;

  @Column({ type: 'int' })
  certificateCount!: number;

  @Column(TIMESTAMP)
  raisedAt!: Date;

  @Column({ type: 'int', nullable: true })
  raisedByRunId!: number | null;

  @Column({ ...TIMESTAMP, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  decidedById!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionReason!: string | null;
}

/** The certificates a flag concerns, with their institution's path for jurisdiction. */
@Entity('flag_certificates')
export class FlagCertificate {
  @PrimaryColumn({ type: 'int' })
  flagId!: number;

  @Index()
  @PrimaryColumn({ type: 'int' })
  certificateId!: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath!: string;
}

/**
 * `similar_number`: the number of a screened certificate folded by certificateNumberKey, kept only when the number is
 * not its own fold (full-width, lower case, spaces); a number that is its own fold is matched by certificate_number.
 */
@Entity('screening_number_keys')
export class ScreeningNumberKey {
  @PrimaryColumn({ type: 'int' })
  certificateId!: number;

  @Index()
  @Column({ type: 'varchar', length: 60 })
  numberKey!: string;
}

/** How far the incremental screening has read (certificates.updated_at). */
@Entity('screening_watermarks')
export class ScreeningWatermark {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'datetime', precision: 6 })
  watermark!: Date;
}
