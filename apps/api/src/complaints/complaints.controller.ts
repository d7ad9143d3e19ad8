import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { COMPLAINT_LIST } from './complaint-list';
import { ComplaintsService } from './complaints.service';
import { CloseComplaintDto, CreateComplaintDto, ReopenComplaintDto, ReplyComplaintDto } from './dto/complaints.dto';

/** 投诉: complaints that certificate data is not online, from recording to closure. */
@ApiTags('complaints 投诉')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @RequirePermission('complaints.write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateComplaintDto) {
    return this.complaints.create(actor, dto);
  }

  @Get()
  @RequirePermission('complaints.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, COMPLAINT_LIST);
    return sendPage(res, query, await this.complaints.list(actor, query));
  }

  @Get(':id')
  @RequirePermission('complaints.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.complaints.get(actor, id);
  }

  @Post(':id/reply')
  @HttpCode(200)
  @RequirePermission('complaints.reply')
  reply(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReplyComplaintDto) {
    return this.complaints.reply(actor, id, dto.version, dto.reply.trim());
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('complaints.write')
  close(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: CloseComplaintDto) {
    return this.complaints.close(actor, id, dto.version, dto.note.trim());
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermission('complaints.write')
  reopen(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReopenComplaintDto) {
    return this.complaints.reopen(actor, id, dto.version, dto.reason.trim());
  }
}
