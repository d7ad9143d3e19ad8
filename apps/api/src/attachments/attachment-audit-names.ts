import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { AttachmentsRepository } from './attachments.repository';

/** Names attachments in the audit log by their file name. */
@Injectable()
export class AttachmentAuditNames implements OnModuleInit {
  constructor(
    private readonly names: AuditTargetNames,
    private readonly attachments: AttachmentsRepository,
  ) {}

  onModuleInit(): void {
    this.names.register('attachment', async (ids) => {
      const names = await this.attachments.fileNamesByIds(numericIds(ids));
      return new Map([...names].map(([id, name]) => [String(id), `#${id} ${name}`]));
    });
  }
}
