import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { DismissFlagDto } from './dto/flags.dto';
import { FLAG_LIST } from './flag-list';
import { FlagsService } from './flags.service';

/** 疑似问题: the screening job's flags and national's dismissal. */
@ApiTags('flags 疑似问题')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/flags')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Get()
  @RequirePermission('flags.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, FLAG_LIST);
    return sendPage(res, query, await this.flags.list(actor, query));
  }

  @Get('summary')
  @RequirePermission('flags.read')
  summary(@CurrentActor() actor: Actor) {
    return this.flags.summary(actor);
  }

  @Get(':id')
  @RequirePermission('flags.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.flags.get(actor, id);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @RequirePermission('flags.decide')
  dismiss(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: DismissFlagDto) {
    return this.flags.dismiss(actor, id, dto.reason.trim());
  }
}
