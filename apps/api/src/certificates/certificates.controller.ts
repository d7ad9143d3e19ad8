import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { CERTIFICATE_LIST } from './certificate-list';
import { CertificatesService } from './certificates.service';

@ApiTags('certificates 证书')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @RequirePermission('certificates.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    await this.certificates.guardIdNumberSearch(actor, raw.filter);
    const query = parseListQuery(raw, CERTIFICATE_LIST);
    return sendPage(res, query, await this.certificates.list(actor, query));
  }

  @Get(':id')
  @RequirePermission('certificates.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.certificates.get(actor, id);
  }

  /** 显示完整证件号码 — audited. */
  @Post(':id/reveal-id')
  @HttpCode(200)
  @RequirePermission('certificates.unmask')
  reveal(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.certificates.revealIdNumber(actor, id);
  }
}
