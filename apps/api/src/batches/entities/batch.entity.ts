import { Column, Entity, Index } from 'typeorm';
import type { BatchStatus } from '@app/domain';
import type { AcceptanceExemption, OverdueStatement } from '@app/contracts';
import { TIMESTAMP, VersionedEntityBase } from '../../database/columns';

// The JSON columns' shapes are part of the batches API's contract (libs/contracts).
export type { AcceptanceExemption, OverdueStatement } from '@app/contracts';

/** one upload of certificate records travelling up the review chain. */
@Entity('batches')
@Index(['status', 'dueDate', 'id'])
// Work lists within a jurisdiction (queue counts, the deadline board's count and page of ids) read this index alone.
@Index(['status', 'orgPath', 'dueDate'])
@Index(['institutionId', 'fileChecksum'], { unique: true })
export class Batch extends VersionedEntityBase {
  @Column({ type: 'varchar', length: 16 })
  kind!: 'skill_level' | 'qualification';

  @Index()
  @Column({ type: 'varchar', length: 24 })
  status!: BatchStatus;

  @Column({ type: 'int' })
  institutionId!: number;

  /** The institution's organisation path, copied so jurisdiction filters need no join. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath!: string;

  /** Child batches of a partial return point at the batch they left. */
  @Index()
  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @Column({ type: 'int', default: 0 })
  recordCount!: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  /** SHA-256 of the uploaded file; the same file twice for one institution is refused. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  fileChecksum!: string | null;

  @Column({ type: 'int' })
  createdById!: number;

  /** why a centre uploaded this batch on the institution's behalf (not needed for dissolved institutions). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  proxyReason!: string | null;

  /** some records were uploaded after their upload deadline (a late submission, not a late review). */
  @Column({ type: 'boolean', default: false })
  lateSubmission!: boolean;

  @Column({ type: 'simple-json', nullable: true })
  overdueStatement!: OverdueStatement | null;

  @Column({ type: 'simple-json', nullable: true })
  exemption!: AcceptanceExemption | null;

  /** Receipt day of the current stage (the day its period runs from, not counted). */
  @Column({ type: 'date', nullable: true })
  stageReceivedOn!: string | null;

  /** Due date of the current stage, or of the correction after a return (R-14, calendar engine). */
  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'varchar', length: 48, nullable: true })
  dueRule!: string | null;

  /** The day the due date's period runs from (earliest issue date, receipt, return), so it can be recomputed. */
  @Column({ type: 'date', nullable: true })
  dueFrom!: string | null;

  /** The due date reaches a year whose holiday notice is not yet published: weekends only, provisional. */
  @Column({ type: 'boolean', default: false })
  dueProvisional!: boolean;

  /** For a returned batch: the stage that returned it. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  returnedFrom!: string | null;

  /** the reason of the return that put the batch in `returned` (for a child batch, the partial return's). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  returnReason!: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'date', nullable: true })
  publishedOn!: string | null;

  /** How many times the batch has been submitted (resubmissions after returns count). */
  @Column({ type: 'int', default: 0 })
  round!: number;
}
