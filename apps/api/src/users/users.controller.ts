import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { USER_LIST, UsersService } from './users.service';

@ApiTags('users 用户')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, USER_LIST);
    return sendPage(res, query, await this.users.list(actor, query));
  }

  @Get(':id')
  @RequirePermission('users.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.users.get(actor, id);
  }

  @Post()
  @RequirePermission('users.write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Put(':id')
  @RequirePermission('users.write')
  update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @RequirePermission('users.write')
  disable(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.users.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequirePermission('users.write')
  enable(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.users.setDisabled(actor, id, false);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @RequirePermission('users.write')
  resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.users.resetPassword(actor, id);
  }

  @Post(':id/reset-totp')
  @HttpCode(200)
  @RequirePermission('users.write')
  resetTotp(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.users.resetTotp(actor, id);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission('users.write')
  unlock(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.users.unlock(actor, id);
  }
}
