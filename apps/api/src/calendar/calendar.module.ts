import { Global, Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** Global: every feature takes its deadlines from CalendarService (issue #3 point 5). */
@Global()
@Module({ controllers: [CalendarController], providers: [CalendarService, CalendarRepository], exports: [CalendarService] })
export class CalendarModule {}
