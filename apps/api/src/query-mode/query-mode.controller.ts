import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { isIsoDate } from '@app/domain';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { badInput } from '../common/errors/app-errors';
import { QueryModeService } from './query-mode.service';
import { LookupKindParamDto, QueryModeHistoryQueryDto, QueryModeUpdateDto } from './dto/query-mode.dto';

/** the national centre's cutover schedule (national_admin only). */
@ApiTags('query-mode 查询模式')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/query-mode')
export class QueryModeAdminController {
  constructor(private readonly queryMode: QueryModeService) {}

  @Get()
  @RequirePermission('query-mode.manage')
  list() {
    return this.queryMode.adminList();
  }

  /** Every change, newest first; `?kind=` narrows to one kind. */
  @Get('history')
  @RequirePermission('query-mode.manage')
  history(@Query() q: QueryModeHistoryQueryDto) {
    return this.queryMode.history(q.kind);
  }

  @Put(':kind')
  @RequirePermission('query-mode.manage')
  update(@CurrentActor() actor: Actor, @Param() p: LookupKindParamDto, @Body() dto: QueryModeUpdateDto) {
    if (!isIsoDate(dto.newModeStart) || !isIsoDate(dto.oldModeLastDay)) throw badInput('日期不存在，请检查');
    return this.queryMode.update(actor, p.kind, dto);
  }
}

/** what the public lookup shows above its forms (mode banner and 公告). */
@ApiTags('lookup 证书查询')
@Area('public')
@Controller('api/lookup')
export class QueryModePublicController {
  constructor(private readonly queryMode: QueryModeService) {}

  @Get('modes')
  modes() {
    return this.queryMode.modes();
  }
}
