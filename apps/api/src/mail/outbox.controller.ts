import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { OUTBOX_LIST, OutboxService } from './outbox.service';

/** the national administrator watches the mail outbox and retries mails that were given up. */
@ApiTags('outbox 邮件发件箱')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @RequirePermission('mail.outbox')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, OUTBOX_LIST);
    return sendPage(res, query, await this.outbox.list(query));
  }

  @Get(':id')
  @RequirePermission('mail.outbox')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.outbox.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission('mail.outbox')
  retry(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.outbox.retry(actor, id);
  }
}
