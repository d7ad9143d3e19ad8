/// <reference types="multer" />
import {
  Body,
  Controller,
  Get,
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
import { LOOKUP_KIND_LABELS } from '@app/contracts';
import { Area } from '../common/http/route-access';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { setXlsxDownload } from '../common/http/xlsx-download';
import { LookupKindDto } from './dto/lookup-accounts.dto';
import { LOOKUP_BATCH_ROWS, LookupBatchService } from './lookup-batch.service';
import { CurrentLookupAccount, type LookupPrincipal } from './lookup-principal';

function sendXlsx(res: Response, fileName: string, content: Buffer): void {
  setXlsxDownload(res, fileName);
  res.send(content);
}

/** R-31: batch query of others' certificates (legal entities; persons 403). */
@ApiTags('lookup 证书查询（公众账号）')
@ApiBearerAuth()
@Area('lookup')
@Controller('api/lookup/batch')
export class LookupBatchController {
  constructor(private readonly batches: LookupBatchService) {}

  @Get('template')
  async template(@CurrentLookupAccount() account: LookupPrincipal, @Query() q: LookupKindDto, @Res() res: Response) {
    const content = await this.batches.template(account, q.kind);
    sendXlsx(res, `${LOOKUP_KIND_LABELS[q.kind]}批量查询模板.xlsx`, content);
  }

  /** Multipart `file` (.xlsx from the template) and `kind` → `{ id, kind, rows, found, warning? }`. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, kind: { type: 'string' } } },
  })
  @UseInterceptors(FileInterceptor('file'))
  upload(
    @CurrentLookupAccount() account: LookupPrincipal,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: LookupKindDto,
  ) {
    if (!file) throw new DomainError('IMPORT_NO_FILE', '请选择要上传的 Excel 文件（.xlsx）');
    return this.batches.upload(account, file.path, dto.kind);
  }

  /** The batch's rows, masked, paged (`range=[0,9]`, `Content-Range`). */
  @Get(':id')
  async rows(
    @CurrentLookupAccount() account: LookupPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const query = parseListQuery(raw, LOOKUP_BATCH_ROWS);
    return sendPage(res, query, await this.batches.page(account, id, query));
  }

  @Get(':id/export')
  async export(
    @CurrentLookupAccount() account: LookupPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    const file = await this.batches.export(account, id);
    sendXlsx(res, file.fileName, file.content);
  }
}
