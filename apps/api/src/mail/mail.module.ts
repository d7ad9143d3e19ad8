import { Module } from '@nestjs/common';
import { OutboxController } from './outbox.controller';
import { OutboxDispatchService } from './outbox-dispatch.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** The durable mail outbox: other features enqueue in their transactions; the dispatch job sends. */
@Module({
  controllers: [OutboxController],
  providers: [OutboxService, OutboxDispatchService, OutboxRepository],
  exports: [OutboxService, OutboxDispatchService],
})
export class MailModule {}
