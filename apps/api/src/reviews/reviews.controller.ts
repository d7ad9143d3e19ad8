import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { DEADLINE_LIST, DeadlineBoardService } from './deadline-board.service';
import { ApproveDto, BulkApproveDto, ReturnDto } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews 审核')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly board: DeadlineBoardService,
  ) {}

  @Post('batches/bulk-approve')
  @HttpCode(200)
  @RequirePermission('batches.review')
  bulkApprove(@CurrentActor() actor: Actor, @Body() dto: BulkApproveDto) {
    return this.reviews.bulkApprove(actor, dto.items, dto.comment);
  }

  @Post('batches/:id/approve')
  @HttpCode(200)
  @RequirePermission('batches.review')
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ApproveDto) {
    if (dto.dryRun) return this.reviews.approvalCheck(actor, id, dto.version);
    return this.reviews.approve(actor, id, dto.version, dto.comment);
  }

  @Post('batches/:id/return')
  @HttpCode(200)
  @RequirePermission('batches.review')
  returnBatch(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReturnDto) {
    return this.reviews.return(actor, id, dto.version, dto.reason, dto.records);
  }

  /** 期限看板. */
  @Get('deadlines')
  @RequirePermission('batches.read')
  async deadlines(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, DEADLINE_LIST);
    return sendPage(res, query, await this.board.list(actor, query));
  }
}
