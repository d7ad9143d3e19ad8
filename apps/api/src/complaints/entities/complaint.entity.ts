import { Column, Entity, Index } from 'typeorm';
import type { ComplaintChannel, ComplaintStatus } from '@app/domain';
import { TIMESTAMP, VersionedEntityBase } from '../../database/columns';

/**
 * R-43 (粤 四(二)): a complaint that certificate data is not online, recorded by a centre and assigned to the
 * institution, which replies by `dueDate`; the centre closes it or sends it back. The full history of steps is in the
 * audit trail; the row keeps the latest of each.
 */
@Entity('complaints')
@Index(['status', 'dueDate'])
@Index(['institutionId', 'recordedOn'])
export class Complaint extends VersionedEntityBase {
  @Column({ type: 'int' })
  institutionId!: number;

  /** The institution's path, for jurisdiction. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath!: string;

  /** The centre whose staff recorded it. */
  @Column({ type: 'int' })
  recordingOrganisationId!: number;

  @Column({ type: 'varchar', length: 50 })
  holderName!: string;

  /** Personal data: AES-256-GCM like ID numbers; shown masked only. */
  @Column({ type: 'varchar', length: 255 })
  contactPhoneEnc!: string;

  @Column({ type: 'varchar', length: 32 })
  contactPhoneMasked!: string;

  @Column({ type: 'int', nullable: true })
  certificateId!: number | null;

  @Column({ type: 'int', nullable: true })
  batchId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  channel!: ComplaintChannel;

  @Column({ type: 'varchar', length: 2000 })
  content!: string;

  /** The day the centre received it (the complainant's date); not after `recordedOn`. */
  @Column({ type: 'date' })
  receivedOn!: string;

  /** The Beijing day it was recorded: the quality report's period day. */
  @Column({ type: 'date' })
  recordedOn!: string;

  @Column(TIMESTAMP)
  recordedAt!: Date;

  @Column({ type: 'int' })
  recordedById!: number;

  /** The institution's reply is due by the end of this Beijing day (5 working days, R-43). */
  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ComplaintStatus;

  /** Some reply came after its due day (sticky: counted as overdue in the quality report). */
  @Column({ type: 'boolean', default: false })
  lateReply!: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reply!: string | null;

  @Column({ type: 'int', nullable: true })
  repliedById!: number | null;

  @Column({ ...TIMESTAMP, nullable: true })
  repliedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reopenReason!: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  reopenedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  reopenCount!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  closingNote!: string | null;

  @Column({ type: 'int', nullable: true })
  closedById!: number | null;

  @Column({ ...TIMESTAMP, nullable: true })
  closedAt!: Date | null;
}
