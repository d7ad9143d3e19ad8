import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { JOB_RUN_LIST, JobsService } from './jobs.service';

@ApiTags('jobs 定时任务')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get('jobs')
  @RequirePermission('jobs.manage')
  list() {
    return this.jobs.list();
  }

  /**
   * Answers when the run ends, with its run record; 409 JOB_RUNNING while another run holds the lease. An optional
   * JSON object body is handed to the job as its options (screening: `{ "full": true }`).
   */
  @Post('jobs/:name/run')
  @HttpCode(200)
  @RequirePermission('jobs.manage')
  run(@CurrentActor() actor: Actor, @Param('name') name: string, @Body() body: unknown) {
    const options = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
    return this.jobs.runNow(actor, name, options as Record<string, unknown>);
  }

  @Get('job-runs')
  @RequirePermission('jobs.manage')
  async runs(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, JOB_RUN_LIST);
    return sendPage(res, query, await this.jobs.listRuns(query));
  }
}
