import { Global, Module } from '@nestjs/common';
import { CalendarChangeListeners } from './calendar-change';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** Global: every feature takes its deadlines from CalendarService. */
@Global()
@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarRepository, CalendarChangeListeners],
  exports: [CalendarService, CalendarChangeListeners],
})
export class CalendarModule {}
