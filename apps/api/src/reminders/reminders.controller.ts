import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor/actor';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { RemindersService } from './reminders.service';

@ApiTags('reminders 到期提醒')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** 我的提醒: the items the caller would be reminded of today (a JSON array, overdue first). */
  @Get('my-reminders')
  @RequirePermission('reminders.read')
  mine(@CurrentActor() actor: Actor) {
    return this.reminders.mine(actor);
  }
}
