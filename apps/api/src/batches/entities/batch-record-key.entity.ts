import { Column, Entity, Index } from 'typeorm';
import { EntityBase } from '../../database/columns';

export type RecordKeyPurpose = 'returned' | 'exemption';

/**
 * The records a workflow fact is about, by id (kept by edits) and certificate number (kept by a re-upload of the
 * same record): the records a return sent back for correction (R-14 correction period) and those the provincial
 * centre's exemption from the 6-month cutoff was granted for. A table, not JSON on the batch, because a
 * batch may hold 100,000 records.
 */
@Entity('batch_record_keys')
@Index(['batchId', 'purpose'])
export class BatchRecordKey extends EntityBase {
  @Column({ type: 'int' })
  batchId!: number;

  @Column({ type: 'varchar', length: 16 })
  purpose!: RecordKeyPurpose;

  @Column({ type: 'int' })
  certificateId!: number;

  @Column({ type: 'varchar', length: 40 })
  certificateNumber!: string;
}
