import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Area, RequirePermission } from '../common/http/route-access';
import { LookupStatsQueryDto, OldModeQueryDto } from './dto/lookup.dto';
import { LookupService } from './lookup.service';

/** The anonymous side of the public lookup: old mode and coverage. No login. */
@ApiTags('lookup 证书查询')
@Area('public')
@Controller('api/lookup')
export class LookupPublicController {
  constructor(private readonly lookup: LookupService) {}

  /** every lookup query is a POST answering 200, also when it finds nothing. */
  @Post('old')
  @HttpCode(200)
  old(@Body() dto: OldModeQueryDto, @Req() req: Request) {
    return this.lookup.oldMode(dto, req.ip ?? '');
  }

  @Get('coverage')
  coverage() {
    return this.lookup.coverage();
  }
}

/** Lookup volumes for the national centre (from the lookup log). */
@ApiTags('lookup 证书查询')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/lookup-stats')
export class LookupStatsController {
  constructor(private readonly lookup: LookupService) {}

  @Get()
  @RequirePermission('lookup.stats')
  stats(@Query() q: LookupStatsQueryDto) {
    return this.lookup.dailyCounts(q);
  }
}
