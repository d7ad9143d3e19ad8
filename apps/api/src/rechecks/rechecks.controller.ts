import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { CertificateHistoryService } from './certificate-history.service';
import { ConfirmRecheckDto, RestoreRecheckDto, SuspendCertificateDto, SuspendFlagDto } from './dto/rechecks.dto';
import { RECHECK_LIST } from './recheck-list';
import { RechecksService } from './rechecks.service';
import { SuspensionService } from './suspension.service';

/** 暂停查询: national suspends a certificate, or every certificate of a flag, from lookup. */
@ApiTags('suspensions 暂停查询')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin')
export class SuspensionsController {
  constructor(
    private readonly suspension: SuspensionService,
    private readonly history: CertificateHistoryService,
  ) {}

  @Post('certificates/:id/suspend')
  @HttpCode(200)
  @RequirePermission('flags.decide')
  suspendCertificate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SuspendCertificateDto,
  ) {
    return this.suspension.suspendCertificate(actor, id, dto.reason.trim(), dto.flagId);
  }

  @Post('flags/:id/suspend')
  @HttpCode(200)
  @RequirePermission('flags.decide')
  suspendFlag(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: SuspendFlagDto) {
    return this.suspension.suspendFlag(actor, id, dto.reason.trim());
  }

  /** Publication, flags, suspensions and re-check decisions of one certificate, newest first. */
  @Get('certificates/:id/history')
  @RequirePermission('certificates.read')
  certificateHistory(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.history.history(actor, id);
  }
}

/** 复核: the owning province's re-check of each suspended certificate. */
@ApiTags('rechecks 复核')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/rechecks')
export class RechecksController {
  constructor(private readonly rechecks: RechecksService) {}

  @Get()
  @RequirePermission('rechecks.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, RECHECK_LIST);
    return sendPage(res, query, await this.rechecks.list(actor, query));
  }

  @Get(':id')
  @RequirePermission('rechecks.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.rechecks.get(actor, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('rechecks.decide')
  restore(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RestoreRecheckDto) {
    return this.rechecks.restore(actor, id, dto.version, dto.reason.trim());
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @RequirePermission('rechecks.decide')
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ConfirmRecheckDto) {
    return this.rechecks.confirm(actor, id, dto.version, dto.reason.trim(), dto.outcome);
  }
}
