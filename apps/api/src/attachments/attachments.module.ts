import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { uploadOptions } from '../common/http/uploads';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AttachmentAuditNames } from './attachment-audit-names';
import { AttachmentReach } from './attachment-reach';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

@Module({
  imports: [
    UsersModule,
    // an upload lands in a temporary file (streamed, never buffered whole) and stops at the attachment limit
    // (413, the partial file removed): nothing reaches the FileStore before its type is checked.
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) =>
        uploadOptions(config, { fileSize: config.attachments.maxBytes, files: 1, fields: 5, fieldSize: 1024 }),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [AttachmentsController],
  providers: [AttachmentsRepository, AttachmentsService, AttachmentReach, AttachmentAuditNames],
  // Correction and deletion requests check and widen access to the attachments they cite.
  exports: [AttachmentsService, AttachmentsRepository, AttachmentReach],
})
export class AttachmentsModule {}
