import { Column, Entity, Index } from 'typeorm';
import { EntityBase } from '../../database/columns';

/** a refused upload — nothing of it is stored but the file and its errors, for the error report. */
@Entity('import_error_reports')
export class ImportErrorReport extends EntityBase {
  @Column({ type: 'int' })
  institutionId!: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'int' })
  uploadedById!: number;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  /** FileStore keys of the uploaded sheet and of the errors (JSON). */
  @Column({ type: 'varchar', length: 128 })
  fileKey!: string;

  @Column({ type: 'varchar', length: 128 })
  errorsKey!: string;

  @Column({ type: 'int' })
  errorCount!: number;
}
