import { Module, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../jobs/job-registry';
import { JobsModule } from '../jobs/jobs.module';
import { OutboxController } from './outbox.controller';
import { OutboxDispatchService } from './outbox-dispatch.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** The durable mail outbox: other features enqueue in their transactions; the dispatch job sends. */
@Module({
  imports: [JobsModule],
  controllers: [OutboxController],
  providers: [OutboxService, OutboxDispatchService, OutboxRepository],
  exports: [OutboxService, OutboxDispatchService],
})
export class MailModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly dispatcher: OutboxDispatchService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'outbox-dispatch',
      description: '发送邮件发件箱中到期的邮件（失败按退避重试）',
      scheduleKey: 'outbox-dispatch',
      run: async () => ({ ...(await this.dispatcher.dispatchPending()) }),
    });
  }
}
