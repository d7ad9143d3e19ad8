import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor/actor';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { DashboardFiguresService } from './dashboard-figures.service';
import { DashboardService } from './dashboard.service';
import { LookupVolumesQueryDto, MonthlyQueryDto } from './dto/dashboard.dto';

@ApiTags('dashboard 首页')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly figures: DashboardFiguresService,
  ) {}

  /** 首页: the caller's pending work by stage and due date, recent decisions, the organisations below. */
  @Get('dashboard')
  @RequirePermission('batches.read')
  view(@CurrentActor() actor: Actor) {
    return this.dashboard.view(actor);
  }

  /** 待我处理 of every kind the caller's roles act on (batches, re-checks, correction requests, flags). */
  @Get('dashboard/work')
  @RequirePermission('batches.read')
  work(@CurrentActor() actor: Actor) {
    return this.figures.work(actor);
  }

  /** Batches first submitted and certificates published per Beijing month, within jurisdiction. */
  @Get('dashboard/monthly')
  @RequirePermission('batches.read')
  monthly(@CurrentActor() actor: Actor, @Query() q: MonthlyQueryDto) {
    return this.figures.monthly(actor, q.months ?? 12);
  }

  /** Open overdue batches, re-checks and correction requests per organisation directly below the caller. */
  @Get('dashboard/overdue-by-region')
  @RequirePermission('batches.read')
  overdueByRegion(@CurrentActor() actor: Actor) {
    return this.figures.overdueByRegion(actor);
  }

  /** Supervising centres: open flags by rule, open and overdue re-checks. */
  @Get('dashboard/screening')
  @RequirePermission('flags.read')
  screening(@CurrentActor() actor: Actor) {
    return this.figures.screening(actor);
  }

  /** National staff: lookups per day and mode. */
  @Get('dashboard/lookup-volumes')
  @RequirePermission('lookup.stats')
  lookupVolumes(@Query() q: LookupVolumesQueryDto) {
    return this.figures.lookupVolumes(q.days ?? 30);
  }
}
