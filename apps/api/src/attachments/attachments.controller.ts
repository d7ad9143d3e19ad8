/// <reference types="multer" />
import { pipeline } from 'node:stream/promises';
import {
  Body,
  Controller,
  Get,
  Logger,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '@app/domain';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { AttachmentTooLargeInterceptor } from './attachment-too-large.interceptor';
import { ATTACHMENT_LIST, AttachmentsService } from './attachments.service';
import { UploadAttachmentDto } from './dto/attachment.dto';

/** RFC 6266 / 5987: an ASCII fallback name and the real (Chinese) name as `filename*`. */
function contentDisposition(id: number, fileName: string): string {
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(fileName)?.[0] ?? '';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="attachment-${id}${extension}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('attachments 附件')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/attachments')
export class AttachmentsController {
  private readonly logger = new Logger(AttachmentsController.name);

  constructor(private readonly attachments: AttachmentsService) {}

  /** R-24: multipart `file` + `purpose` → 201 with the attachment's id, type (from the content) and SHA-256. */
  @Post()
  @RequirePermission('attachments.upload')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, purpose: { type: 'string' } },
    },
  })
  @UseInterceptors(AttachmentTooLargeInterceptor, FileInterceptor('file'))
  upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: UploadAttachmentDto,
  ) {
    if (!file) throw new DomainError('ATTACHMENT_NO_FILE', '请选择要上传的附件（PDF、JPEG 或 PNG 文件）');
    // Multer decodes the multipart file name as latin1; browsers send UTF-8.
    const originalName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.attachments.upload(actor, { path: file.path, originalName, size: file.size }, dto.purpose);
  }

  @Get()
  @RequirePermission('attachments.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, ATTACHMENT_LIST);
    return sendPage(res, query, await this.attachments.list(actor, query));
  }

  @Get(':id')
  @RequirePermission('attachments.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.attachments.get(actor, id);
  }

  /** The bytes with the sniffed type, always as a download (never rendered by the browser); audited. */
  @Get(':id/content')
  @RequirePermission('attachments.read')
  async content(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    const download = await this.attachments.download(actor, id);
    res.setHeader('Content-Type', download.contentType);
    res.setHeader('Content-Length', String(download.size));
    res.setHeader('Content-Disposition', contentDisposition(id, download.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    try {
      await pipeline(download.content, res);
    } catch (error) {
      // The reader went away, or the stored file failed its authentication check: the response is cut off.
      if (!res.writableFinished) this.logger.warn({ err: error, attachmentId: id }, 'attachment download cut off');
    }
  }
}
