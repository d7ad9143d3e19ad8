import { Column, Entity, Index } from 'typeorm';
import type { LookupKind } from '@app/domain';
import type { LookupCertificate } from '@app/contracts';
import { EntityBase, TIMESTAMP } from '../../database/columns';

/** one batch query of a legal entity; its rows keep only masked results. */
@Entity('lookup_batches')
export class LookupBatch extends EntityBase {
  @Index()
  @Column({ type: 'int' })
  accountId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: LookupKind;

  /** Not `rows`: a reserved word in MySQL 8. */
  @Column({ type: 'int', name: 'row_count' })
  rows!: number;

  @Column({ type: 'int' })
  found!: number;

  @Column(TIMESTAMP)
  queriedAt!: Date;
}

/** One queried line: what was asked (its ID number masked) and the masked certificates it found. */
@Entity('lookup_batch_rows')
@Index(['batchId', 'rowNumber'], { unique: true })
export class LookupBatchRowEntity {
  @Column({ type: 'int', primary: true, generated: 'increment' })
  id!: number;

  @Column({ type: 'int' })
  batchId!: number;

  /** The sheet row the user sees (not `row_number`: a reserved word in MySQL 8). */
  @Column({ type: 'int', name: 'sheet_row' })
  rowNumber!: number;

  @Column({ type: 'varchar', length: 40 })
  queriedName!: string;

  @Column({ type: 'varchar', length: 40 })
  queriedIdNumberMasked!: string;

  @Column({ type: 'varchar', length: 40 })
  queriedCertificateNumber!: string;

  @Column({ type: 'simple-json' })
  results!: LookupCertificate[];

  /**
   * The ids of `results`' certificates, in the same order: a stored answer is shown again only for certificates
   * still visible to lookup (R-33: one suspended or deleted since is no longer found). Null on rows stored before
   * the ids were kept: their results are withheld.
   */
  @Column({ type: 'simple-json', nullable: true })
  certificateIds!: number[] | null;
}
