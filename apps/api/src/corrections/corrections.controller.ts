import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { CertificateVersionsService } from './certificate-versions.service';
import { CORRECTION_LIST } from './correction-list';
import { CorrectionsService } from './corrections.service';
import {
  ApproveCorrectionDto,
  CorrectionOverrideDto,
  CreateCorrectionDto,
  ResubmitCorrectionDto,
  ReturnCorrectionDto,
  WithdrawCorrectionDto,
} from './dto/corrections.dto';

/** 更正申请: modification and deletion requests, their stages and the R-20 overrides. */
@ApiTags('corrections 更正申请')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/corrections')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Get()
  @RequirePermission('corrections.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, CORRECTION_LIST);
    return sendPage(res, query, await this.corrections.list(actor, query));
  }

  @Post()
  @RequirePermission('corrections.request')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCorrectionDto) {
    return this.corrections.create(actor, { ...dto, reason: dto.reason.trim() });
  }

  @Post('overrides')
  @RequirePermission('corrections.override')
  override(@CurrentActor() actor: Actor, @Body() dto: CorrectionOverrideDto) {
    return this.corrections.override(actor, dto.certificateId, dto.reason.trim());
  }

  @Get(':id')
  @RequirePermission('corrections.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.corrections.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('corrections.review')
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ApproveCorrectionDto) {
    return this.corrections.approve(actor, id, dto.version);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission('corrections.review')
  returnToRequester(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReturnCorrectionDto,
  ) {
    return this.corrections.returnToRequester(actor, id, dto.version, dto.reason.trim());
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @RequirePermission('corrections.request')
  resubmit(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ResubmitCorrectionDto) {
    const { version, ...amend } = dto;
    return this.corrections.resubmit(actor, id, version, { ...amend, reason: amend.reason?.trim() });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission('corrections.request')
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: WithdrawCorrectionDto) {
    return this.corrections.withdraw(actor, id, dto.version, dto.reason);
  }
}

/** every version of a certificate with what each changed. */
@ApiTags('certificates 证书')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/certificates')
export class CertificateVersionsController {
  constructor(private readonly versions: CertificateVersionsService) {}

  @Get(':id/versions')
  @RequirePermission('certificates.read')
  versionsOf(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.versions.versions(actor, id);
  }
}
