import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { CalendarService } from './calendar.service';
import {
  AddCalendarDayDto,
  DeadlineQueryDto,
  PublishYearDto,
  RemoveCalendarDayDto,
  YearQueryDto,
} from './dto/calendar.dto';

@ApiTags('calendar 工作日历与期限')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** a deadline with its explanation (期限计算器). */
  @Get('deadline')
  @RequirePermission('calendar.read')
  deadline(@Query() q: DeadlineQueryDto) {
    return this.calendar.deadline(q.rule, q.from, q.profile ?? 'national');
  }

  @Get('days')
  @RequirePermission('calendar.read')
  days(@Query() q: YearQueryDto) {
    return this.calendar.year(q.year);
  }

  @Post('years')
  @RequirePermission('calendar.write')
  publishYear(@CurrentActor() actor: Actor, @Body() dto: PublishYearDto) {
    return this.calendar.publishYear(actor, dto);
  }

  @Post('days')
  @RequirePermission('calendar.write')
  addDay(@CurrentActor() actor: Actor, @Body() dto: AddCalendarDayDto) {
    return this.calendar.addDay(actor, dto);
  }

  /** DELETE with a JSON body { reason } (the reason is required and audited). */
  @Delete('days/:date')
  @RequirePermission('calendar.write')
  removeDay(@CurrentActor() actor: Actor, @Param('date') date: string, @Body() dto: RemoveCalendarDayDto) {
    return this.calendar.removeDay(actor, date, dto.reason);
  }
}
