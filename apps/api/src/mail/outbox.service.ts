import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '@app/domain';
import type { OutboxMailListItem, OutboxMailView } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/app-errors';
import { defineList, QueryOf } from '../common/http/list-query';
import { UnitOfWork } from '../database/unit-of-work';
import { MAIL_ERRORS } from './mail.errors';
import { MAIL_STATUSES, OutboxMail } from './entities/outbox-mail.entity';
import { NewMail, OutboxRepository } from './outbox.repository';

export const OUTBOX_LIST = defineList({
  resource: 'outbox',
  sort: {
    id: 'm.id',
    createdAt: 'm.createdAt',
    nextAttemptAt: 'm.nextAttemptAt',
    sentAt: 'm.sentAt',
    status: 'm.status',
    recipient: 'm.recipient',
    attempts: 'm.attempts',
  },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 'm.id',
  filters: {
    id: { type: 'idList', column: 'm.id' },
    status: { type: 'enum', values: MAIL_STATUSES, column: 'm.status' },
    recipient: { type: 'text', column: 'm.recipient', op: 'contains', maxLength: 254 },
  },
});

function listItem(m: OutboxMail): OutboxMailListItem<Date> {
  return {
    id: m.id,
    recipient: m.recipient,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt,
    claimedUntil: m.claimedUntil,
    sentAt: m.sentAt,
    messageId: m.messageId,
    lastError: m.lastError,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

/** The outbox's use cases besides dispatch: writing mails in a caller's transaction, reading, retrying dead ones. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Queues mails inside the caller's transaction: they exist exactly when what they report was committed. */
  enqueue(manager: EntityManager, mails: readonly NewMail[]): Promise<void> {
    return this.outbox.insert(manager, mails, this.clock.now());
  }

  async list(query: QueryOf<typeof OUTBOX_LIST>): Promise<{ rows: OutboxMailListItem<Date>[]; total: number }> {
    const { rows, total } = await this.outbox.listPage(query);
    return { rows: rows.map(listItem), total };
  }

  async get(id: number): Promise<OutboxMailView<Date>> {
    const mail = await this.outbox.findById(id);
    if (!mail) throw notFound('邮件');
    return { ...listItem(mail), text: mail.text, html: mail.html };
  }

  /** A dead mail goes back to the queue, due now with fresh attempts (audited); any other state is refused. */
  async retry(actor: Actor, id: number): Promise<OutboxMailView<Date>> {
    const mail = await this.outbox.findById(id);
    if (!mail) throw notFound('邮件');
    await this.uow.run(async (manager) => {
      if (!(await this.outbox.revive(manager, id, this.clock.now()))) {
        throw new DomainError('MAIL_NOT_DEAD', MAIL_ERRORS.MAIL_NOT_DEAD.message, { status: mail.status });
      }
      await this.audit.record(manager, subjectOf(actor), {
        action: 'mail.retry',
        targetType: 'mail',
        targetId: id,
        before: { status: 'dead', attempts: mail.attempts, lastError: mail.lastError },
        after: { status: 'pending' },
      });
    });
    return this.get(id);
  }
}
