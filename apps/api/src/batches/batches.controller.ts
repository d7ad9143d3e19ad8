/// <reference types="multer" />
import {
  Body,
  Controller,
  Get,
  HttpCode,
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
import { BatchImportService } from './batch-import.service';
import { BATCH_LIST, BatchQueryService } from './batch-query.service';
import { BatchSubmissionService } from './batch-submission.service';
import { ImportErrorReportsService } from './import-error-reports.service';
import { ExemptionDto, ReuploadBatchDto, SubmitBatchDto, TemplateQueryDto, UploadBatchDto } from './dto/batch.dto';
import { setXlsxDownload } from '../common/http/xlsx-download';

@ApiTags('batches 批次')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/batches')
export class BatchesController {
  constructor(
    private readonly imports: BatchImportService,
    private readonly submissions: BatchSubmissionService,
    private readonly queries: BatchQueryService,
    private readonly errorReports: ImportErrorReportsService,
  ) {}

  /** the import template. */
  @Get('template')
  @RequirePermission('batches.read')
  async template(@Query() q: TemplateQueryDto, @Res() res: Response) {
    const buffer = await this.imports.template(q.kind);
    setXlsxDownload(
      res,
      q.kind === 'qualification' ? '职业资格证书数据导入模板.xlsx' : '职业技能等级证书数据导入模板.xlsx',
    );
    res.send(buffer);
  }

  /** the refused sheet with a 错误说明 column — only for the uploader's organisation, audited. */
  @Get('error-reports/:id')
  @RequirePermission('batches.read')
  async errorReport(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    const report = await this.errorReports.download(actor, id);
    setXlsxDownload(res, report.fileName);
    await report.write(res);
    res.end();
  }

  @Get()
  @RequirePermission('batches.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, BATCH_LIST);
    return sendPage(res, query, await this.queries.list(actor, query));
  }

  @Get(':id')
  @RequirePermission('batches.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.queries.get(actor, id);
  }

  @Get(':id/history')
  @RequirePermission('batches.read')
  history(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.queries.history(actor, id);
  }

  /** multipart upload → a draft batch (201) or nothing but an error report (422). */
  @Post()
  @RequirePermission('batches.upload')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        kind: { type: 'string' },
        institutionId: { type: 'integer' },
        proxyReason: { type: 'string' },
      },
    },
  })
  @UseInterceptors(FileInterceptor('file'))
  upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: UploadBatchDto,
  ) {
    if (!file) throw new DomainError('IMPORT_NO_FILE', '请选择要上传的 Excel 文件（.xlsx）');
    // Multer decodes the multipart file name as latin1; browsers send UTF-8.
    const originalName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.imports.upload(
      actor,
      { path: file.path, originalName, size: file.size },
      dto.kind,
      dto.institutionId,
      dto.proxyReason,
    );
  }

  /** replace a returned (or draft) batch's records with a corrected sheet. */
  @Post(':id/reupload')
  @HttpCode(200)
  @RequirePermission('batches.upload')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file'))
  reupload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: ReuploadBatchDto,
  ) {
    if (!file) throw new DomainError('IMPORT_NO_FILE', '请选择要上传的 Excel 文件（.xlsx）');
    const originalName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.imports.reupload(actor, id, { path: file.path, originalName, size: file.size }, dto.proxyReason);
  }

  /** What submitting now would meet: the console opens the 附件3 form or the cutoff dialog first. */
  @Get(':id/submission-check')
  @RequirePermission('batches.upload')
  submissionCheck(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.submissions.check(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('batches.upload')
  submit(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: SubmitBatchDto) {
    return this.submissions.submit(actor, id, dto.version, dto.overdueStatement);
  }

  @Post(':id/exemption')
  @HttpCode(200)
  @RequirePermission('batches.exemption')
  exemption(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ExemptionDto) {
    return this.submissions.grantExemption(actor, id, dto.version, dto.reason);
  }
}
