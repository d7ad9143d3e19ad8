import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor/actor';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard 首页')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** 首页: the caller's pending work by stage and due date, recent decisions, the organisations below. */
  @Get('dashboard')
  @RequirePermission('batches.read')
  view(@CurrentActor() actor: Actor) {
    return this.dashboard.view(actor);
  }
}
