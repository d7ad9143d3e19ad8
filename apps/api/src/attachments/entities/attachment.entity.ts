import { Column, Entity, Index } from 'typeorm';
import type { AttachmentContentType, AttachmentPurpose } from '@app/domain';
import { EntityBase, TIMESTAMP } from '../../database/columns';

/**
 * an uploaded scan (statement, commitment, work order). It belongs to the uploader's organisation, may back
 * several of that organisation's requests, and never changes: a wrong file is replaced by uploading another.
 * The bytes are in the FileStore (encrypted) under `fileKey`.
 */
@Entity('attachments')
export class Attachment extends EntityBase {
  @Column({ type: 'varchar', length: 32 })
  purpose!: AttachmentPurpose;

  /** As uploaded (UTF-8), for display; the stored file's key is generated. */
  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'int' })
  size!: number;

  /** Lower-case hex SHA-256 of the bytes. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** Sniffed from the content. */
  @Column({ type: 'varchar', length: 32 })
  contentType!: AttachmentContentType;

  @Column({ type: 'varchar', length: 128 })
  fileKey!: string;

  /** The uploader's organisation: the attachment's owner. */
  @Column({ type: 'int' })
  organisationId!: number;

  /** The owner's path in the organisation tree (R-3 jurisdiction). */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'int' })
  uploadedById!: number;

  /** From the injected clock. */
  @Column(TIMESTAMP)
  uploadedAt!: Date;
}
