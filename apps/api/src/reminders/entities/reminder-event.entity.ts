import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * one reminder event mailed to one person, once ever. The unique key (item kind, batch, stage, due date,
 * event, recipient) is what keeps a job run twice, or on two servers at once, from mailing twice: a run inserts
 * the events it may send, skipping existing keys, and mails only the rows that carry its own run id. A new stage
 * or a new due date (after a return) is a new key, so a new item.
 */
@Entity('reminder_events')
@Index(['itemKind', 'batchId', 'stage', 'dueDate', 'event', 'recipientUserId'], { unique: true })
@Index(['runId'])
export class ReminderEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 24 })
  itemKind!: string;

  /**
   * The item's subject: the batch, or for an R-18 upload day (`qualification_upload_day`) the institution. The
   * column keeps its first name; the item kind in the key tells which it is.
   */
  @Column({ type: 'int' })
  batchId!: number;

  /** The batch status the item belongs to (a review stage, `draft` or `returned`), or `upload_day`. */
  @Column({ type: 'varchar', length: 24 })
  stage!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  event!: 'due_soon' | 'overdue';

  @Column({ type: 'int' })
  recipientUserId!: number;

  /** True when the recipient hears of it as the head (R-35 escalation), not as the person who must act. */
  @Column({ type: 'boolean', default: false })
  escalation!: boolean;

  /** The job run that inserted the row (and mailed it). */
  @Column({ type: 'int' })
  runId!: number;
}
