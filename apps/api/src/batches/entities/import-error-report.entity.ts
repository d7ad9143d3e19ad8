import { Column, Entity, Index } from 'typeorm';
import { EntityBase } from '../../database/columns';

/**
 * a refused upload — nothing of it is stored but the file and its errors (both encrypted, FileStore), for
 * the error report; only the uploader's organisation may download it, and it is deleted once it expires.
 */
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

  /** Every error found, listed or not (BoundedErrors). */
  @Column({ type: 'int' })
  errorCount!: number;

  /** The organisation of the person who uploaded: the institution itself, or the centre acting for it. */
  @Column({ type: 'int', nullable: true })
  uploaderOrganisationId!: number | null;

  /** First day the report is gone (config import.errorReportRetentionDays). Null (older rows): already expired. */
  @Index()
  @Column({ type: 'date', nullable: true })
  expiresOn!: string | null;
}
