import { Module, OnModuleInit } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { JobRegistry } from '../jobs/job-registry';
import { JobsModule } from '../jobs/jobs.module';
import { MailModule } from '../mail/mail.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ReminderSources } from './reminder-sources';
import { RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** Deadline reminders: the daily `deadline-reminders` job and 我的提醒. */
@Module({
  imports: [CalendarModule, MailModule, JobsModule, OrganisationsModule],
  controllers: [RemindersController],
  providers: [RemindersService, RemindersRepository, ReminderSources],
  exports: [RemindersService, ReminderSources],
})
export class RemindersModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly reminders: RemindersService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'deadline-reminders',
      description: '到期提醒：向负责人发送即将到期和已逾期待办的摘要邮件，逾期的同时督办负责单位领导',
      scheduleKey: 'deadline-reminders',
      run: (context) => this.reminders.run(context.runId, context.signal),
    });
  }
}
