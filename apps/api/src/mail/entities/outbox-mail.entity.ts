import { Column, Entity, Index } from 'typeorm';
import { EntityBase, TIMESTAMP } from '../../database/columns';

import type { MailStatus } from '@app/contracts';

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const satisfies readonly MailStatus[];

/**
 * One mail of the durable outbox: written in the same transaction as what it reports, sent later by the
 * dispatcher. `pending` waits for `nextAttemptAt`; `sending` is claimed by `claimedBy` until `claimedUntil` (a claim
 * whose holder died expires and is taken again); `sent` carries the SMTP message id; `dead` gave up after the
 * configured attempts and waits for a retry by hand. Rows are never deleted by the dispatcher.
 */
@Entity('mail_outbox')
@Index(['status', 'nextAttemptAt'])
export class OutboxMail extends EntityBase {
  @Index()
  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: MailStatus;

  /** Send attempts made so far (successful or not). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column(TIMESTAMP)
  nextAttemptAt!: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  claimedBy!: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  claimedUntil!: Date | null;

  @Column({ ...TIMESTAMP, nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;
}
