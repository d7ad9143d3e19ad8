import { Module, OnModuleInit } from '@nestjs/common';
import { ReminderSources } from '../reminders/reminder-sources';
import { RemindersModule } from '../reminders/reminders.module';
import { QueryModeAdminController, QueryModePublicController } from './query-mode.controller';
import { QueryModeRepository } from './query-mode.repository';
import { QueryModeService } from './query-mode.service';

/** the lookup's cutover schedule; every lookup asks QueryModeService.requireOpen before anything else. */
@Module({
  imports: [RemindersModule],
  controllers: [QueryModeAdminController, QueryModePublicController],
  providers: [QueryModeService, QueryModeRepository],
  exports: [QueryModeService],
})
export class QueryModeModule implements OnModuleInit {
  constructor(
    private readonly reminders: ReminderSources,
    private readonly queryModes: QueryModeService,
  ) {}

  /** the coming cutovers are reminder items of the national centre. */
  onModuleInit(): void {
    this.reminders.register((context) => this.queryModes.cutoverItems(context));
  }
}
