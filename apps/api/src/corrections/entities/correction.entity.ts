import { Column, Entity, Index } from 'typeorm';
import type { CorrectionRouteKind, CorrectionStageName, CorrectionType, WorkOrderUrgency } from '@app/domain';
import type { CorrectionStatus, WorkOrderFields } from '@app/contracts';
import { EntityBase, TIMESTAMP, VersionedEntityBase } from '../../database/columns';

/**
 * a request to change or logically delete one certificate, on its route of stages. The requested ID
 * number is kept only as ciphertext; `before` keeps the changed fields as they were when filed (ID number
 * masked) with the old number's blind index, so applying can tell whether the certificate moved in between.
 */
@Entity('corrections')
@Index(['status', 'dueDate'])
export class Correction extends VersionedEntityBase {
  @Index()
  @Column({ type: 'int' })
  certificateId!: number;

  /**
   * The certificate while this request is open (pending, returned or awaiting), null once closed: unique, so two
   * requests filed at the same moment cannot both be open (CORRECTION_PENDING).
   */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  openCertificateId!: number | null;

  @Column({ type: 'int' })
  institutionId!: number;

  /** The provincial centre above the institution (overrides, deletions). */
  @Column({ type: 'int' })
  provinceId!: number;

  /** The issuing institution's path, for jurisdiction: the institution and every centre above it. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: CorrectionType;

  @Column({ type: 'varchar', length: 32 })
  route!: CorrectionRouteKind;

  @Column({ type: 'varchar', length: 16 })
  status!: CorrectionStatus;

  /** Where a pending request waits; null otherwise. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  stage!: CorrectionStageName | null;

  /** The requested values other than the ID number (template values or codes). */
  @Column({ type: 'simple-json', nullable: true })
  changes!: Record<string, string | number | null> | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  idNumberEnc!: string | null;

  /** The fields the request really changes, in template order, comma-separated (R-20 counts name and ID changes). */
  @Column({ type: 'varchar', length: 255, default: '' })
  changedFields!: string;

  /** The changed fields' values when filed (ID number masked). */
  @Column({ type: 'simple-json', nullable: true })
  before!: Record<string, string | null> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  beforeIdNumberHash!: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  /** 附件4's fields (work orders only). */
  @Column({ type: 'simple-json', nullable: true })
  workOrder!: WorkOrderFields | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  urgency!: WorkOrderUrgency | null;

  /** The current stage's due day (Beijing); hour-based work orders also have the exact instant. */
  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  dueAt!: Date | null;

  @Column({ ...TIMESTAMP, nullable: true })
  stageReceivedAt!: Date | null;

  @Column({ type: 'int' })
  requestedById!: number;

  @Column(TIMESTAMP)
  requestedAt!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  returnReason!: string | null;

  /** The certificate version the application wrote (modifications). */
  @Column({ type: 'int', nullable: true })
  appliedVersion!: number | null;

  @Column({ ...TIMESTAMP, nullable: true })
  closedAt!: Date | null;

  /** The confirmed re-check that opened this request, if any. */
  @Column({ type: 'int', nullable: true })
  recheckId!: number | null;
}

/** One step on a request: approve, return, resubmit, withdraw (who, at which stage, why). */
@Entity('correction_decisions')
@Index(['correctionId', 'id'])
export class CorrectionDecision extends EntityBase {
  @Column({ type: 'int' })
  correctionId!: number;

  @Column({ type: 'varchar', length: 32 })
  stage!: CorrectionStageName;

  @Column({ type: 'varchar', length: 16 })
  action!: 'approve' | 'return' | 'resubmit' | 'withdraw';

  @Column({ type: 'int' })
  actorId!: number;

  @Column({ type: 'varchar', length: 100 })
  actorName!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column(TIMESTAMP)
  at!: Date;
}

/** The attachments a request cites (an attachment may back several requests of its uploader's organisation). */
@Entity('correction_attachments')
@Index(['correctionId'])
@Index(['attachmentId'])
export class CorrectionAttachment extends EntityBase {
  @Column({ type: 'int' })
  correctionId!: number;

  @Column({ type: 'int' })
  attachmentId!: number;
}

/** the provincial centre allows one more modification of a certificate, with its reason. */
@Entity('correction_overrides')
// One override per certificate and count: two provinces' clerks recording at once cannot both add one (R-20, R-42).
@Index('IDX_correction_overrides_nth', ['certificateId', 'nth'], { unique: true })
export class CorrectionOverride extends EntityBase {
  @Index()
  @Column({ type: 'int' })
  certificateId!: number;

  /** This is the certificate's n-th override (1 for the first). */
  @Column({ type: 'int', default: 1 })
  nth!: number;

  @Column({ type: 'int' })
  provinceId!: number;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'int' })
  recordedById!: number;

  @Column(TIMESTAMP)
  recordedAt!: Date;
}
