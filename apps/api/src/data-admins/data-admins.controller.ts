import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { DATA_ADMIN_LIST } from './data-admin-list';
import { DataAdminsService } from './data-admins.service';
import {
  ApproveDataAdministratorDto,
  RegisterDataAdministratorDto,
  RejectDataAdministratorDto,
} from './dto/data-admins.dto';

/** 数据管理员 (R-4, 附件2): each municipal centre's data administrators, their approval and handovers. */
@ApiTags('data-administrators 数据管理员')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/data-administrators')
export class DataAdminsController {
  constructor(private readonly dataAdmins: DataAdminsService) {}

  @Get()
  @RequirePermission('data-admins.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, DATA_ADMIN_LIST);
    return sendPage(res, query, await this.dataAdmins.list(actor, query));
  }

  /** Declared before `:id`: municipal centres within jurisdiction without an active administrator. */
  @Get('coverage')
  @RequirePermission('data-admins.read')
  coverage(@CurrentActor() actor: Actor) {
    return this.dataAdmins.coverage(actor);
  }

  @Get(':id')
  @RequirePermission('data-admins.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.dataAdmins.get(actor, id);
  }

  /** The full mobile number of the record (audited); every view shows it masked. */
  @Post(':id/reveal-mobile')
  @HttpCode(200)
  @RequirePermission('data-admins.read')
  revealMobile(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.dataAdmins.revealMobile(actor, id);
  }

  @Post()
  @RequirePermission('data-admins.register')
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterDataAdministratorDto) {
    return this.dataAdmins.register(actor, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('data-admins.decide')
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ApproveDataAdministratorDto,
  ) {
    return this.dataAdmins.approve(actor, id, dto.version);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('data-admins.decide')
  reject(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: RejectDataAdministratorDto) {
    return this.dataAdmins.reject(actor, id, dto.version, dto.reason);
  }
}
