import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  ATTACHMENT_PURPOSES,
  attachmentDisplayName,
  attachmentDownloadName,
  DomainError,
  sniffAttachment,
  type AttachmentContentType,
  type AttachmentPurpose,
  type SniffResult,
} from '@app/domain';
import { ATTACHMENT_CONTENT_TYPE_LABELS, type AttachmentView } from '@app/contracts';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/app-errors';
import { defineList, QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../database/unit-of-work';
import { FileStore } from '../files/file-store';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UsersRepository } from '../users/users.repository';
import { AttachmentReach } from './attachment-reach';
import { AttachmentsRepository } from './attachments.repository';
import { Attachment } from './entities/attachment.entity';
import { hashingReader, readEnds, type UploadedFile } from './uploaded-file';

export const ATTACHMENT_LIST = defineList({
  resource: 'attachments',
  sort: { id: 'a.id', uploadedAt: 'a.uploadedAt', fileName: 'a.fileName', size: 'a.size', purpose: 'a.purpose' },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 'a.id',
  filters: {
    id: { type: 'idList', column: 'a.id' },
    purpose: { type: 'enumList', values: ATTACHMENT_PURPOSES, column: 'a.purpose' },
    organisationId: { type: 'id', column: 'a.organisationId' },
    q: { type: 'text', column: 'a.fileName', op: 'contains', maxLength: 100 },
  },
});

/** An attachment's bytes on their way to the reader. */
export interface AttachmentDownload {
  fileName: string;
  contentType: AttachmentContentType;
  size: number;
  content: Readable;
}

/**
 * R-24 attachments: uploaded by any staff member for their own organisation, typed from the content, stored
 * encrypted with their SHA-256; readable within jurisdiction (AttachmentReach), each download audited.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly files: FileStore,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly jurisdiction: JurisdictionService,
    private readonly reach: AttachmentReach,
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Checks the type from the bytes before anything is stored, then streams the file into the store while hashing
   * it; the row and its audit record commit together. The temporary upload is deleted whatever happens.
   */
  async upload(actor: Actor, file: UploadedFile, purpose: AttachmentPurpose): Promise<AttachmentView> {
    try {
      const { head, tail } = await readEnds(file.path, file.size);
      const sniffed = sniffAttachment(head, tail, file.size);
      if (!sniffed.ok) throw typeRefusal(sniffed);
      const fileKey = this.files.newKey('attachments', sniffed.extension);
      const { stream, hash } = hashingReader(file.path);
      await this.files.putStream(fileKey, stream);
      const row = {
        purpose,
        fileName: attachmentDisplayName(file.originalName, `附件${sniffed.extension}`),
        size: file.size,
        sha256: hash.digest('hex'),
        contentType: sniffed.contentType,
        fileKey,
        organisationId: actor.organisationId,
        orgPath: actor.organisationPath,
        uploadedById: actor.userId,
        uploadedAt: this.clock.now(),
      };
      let id: number;
      try {
        id = await this.uow.run(async (manager) => {
          const inserted = await this.attachments.insert(manager, row);
          await this.audit.record(manager, subjectOf(actor), {
            action: 'attachment.upload',
            targetType: 'attachment',
            targetId: inserted,
            after: {
              purpose,
              fileName: row.fileName,
              size: row.size,
              sha256: row.sha256,
              contentType: row.contentType,
            },
          });
          return inserted;
        });
      } catch (error) {
        await this.files.remove(fileKey);
        throw error;
      }
      return (await this.views([{ ...row, id } as Attachment]))[0];
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** The metadata, after an audit record: who looked at which holder's paper is itself worth knowing. */
  async get(actor: Actor, id: number): Promise<AttachmentView> {
    const attachment = await this.readable(actor, id);
    await this.audit.recordStandalone(subjectOf(actor), {
      action: 'attachment.view',
      targetType: 'attachment',
      targetId: attachment.id,
      detail: `查看附件信息（${attachment.fileName}）`,
    });
    return (await this.views([attachment]))[0];
  }

  /** The bytes, after an audit record of who downloaded what. */
  async download(actor: Actor, id: number): Promise<AttachmentDownload> {
    const attachment = await this.readable(actor, id);
    await this.audit.recordStandalone(subjectOf(actor), {
      action: 'attachment.download',
      targetType: 'attachment',
      targetId: attachment.id,
      detail: `下载附件（${attachment.fileName}，SHA-256 ${attachment.sha256}）`,
    });
    return {
      fileName: attachmentDownloadName(attachment.fileName, attachment.contentType),
      contentType: attachment.contentType,
      size: attachment.size,
      content: this.files.read(attachment.fileKey),
    };
  }

  /** Attachments within the actor's jurisdiction (the forms pick their organisation's with `organisationId`). */
  async list(actor: Actor, query: QueryOf<typeof ATTACHMENT_LIST>) {
    const { rows, total } = await this.attachments.listPage(query, (qb, path) =>
      this.jurisdiction.restrictList(qb, path, actor),
    );
    return { rows: await this.views(rows), total };
  }

  /** The attachment if the actor may read it; 404 otherwise, as if it did not exist. */
  private async readable(actor: Actor, id: number): Promise<Attachment> {
    const attachment = await this.attachments.findById(id);
    if (!attachment) throw notFound('附件');
    this.jurisdiction.assertWithinAny(actor, await this.reach.pathsOf(attachment), '附件');
    return attachment;
  }

  private async views(rows: Attachment[]): Promise<AttachmentView[]> {
    const organisations = await this.organisations.namesByIds(rows.map((r) => r.organisationId));
    const uploaders = await this.users.labelsByIds(rows.map((r) => r.uploadedById));
    return rows.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      fileName: r.fileName,
      size: r.size,
      sha256: r.sha256,
      contentType: r.contentType,
      organisationId: r.organisationId,
      organisationName: organisations.get(r.organisationId) ?? null,
      uploadedById: r.uploadedById,
      uploadedByName: uploaders.get(r.uploadedById) ?? null,
      uploadedAt: r.uploadedAt.toISOString(),
    }));
  }
}

/** the Chinese reason a file was refused, by what its bytes showed. */
function typeRefusal(result: Extract<SniffResult, { ok: false }>): DomainError {
  switch (result.reason) {
    case 'empty':
      return new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', '附件是空文件，请选择 PDF、JPEG 或 PNG 文件');
    case 'truncated':
      return new DomainError(
        'ATTACHMENT_TYPE_NOT_ALLOWED',
        `文件开头是 ${ATTACHMENT_CONTENT_TYPE_LABELS[result.looksLike!]} 格式，但缺少该格式的文件结尾：文件不完整、已损坏或并非真正的 ${ATTACHMENT_CONTENT_TYPE_LABELS[result.looksLike!]} 文件，请重新扫描或导出后上传`,
      );
    case 'not_allowed':
      return new DomainError(
        'ATTACHMENT_TYPE_NOT_ALLOWED',
        '附件只能是 PDF、JPEG 或 PNG 文件（按文件内容识别，与文件名无关）',
      );
  }
}
