import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OutboxMail } from './entities/outbox-mail.entity';
import { SmtpTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';

export interface DispatchCounts {
  sent: number;
  retried: number;
  dead: number;
}

/**
 * Sends due outbox mails (the `outbox-dispatch` job calls dispatchPending). Each run claims its rows with a
 * conditional UPDATE under a token of its own, so two dispatchers — in one process or on several servers — never
 * send the same row; a claim whose holder died expires after `mail.claimSeconds` and the row is taken again.
 * A failure is retried after `retryBaseSeconds × 2^(attempts − 1)`; after `maxAttempts` the mail is `dead` (kept,
 * retried by hand). Without SMTP_URL nothing is sent and the mails wait in the outbox.
 */
@Injectable()
export class OutboxDispatchService {
  private readonly logger = new Logger(OutboxDispatchService.name);
  private readonly instance = `${hostname()}:${process.pid}`;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends every mail due now, batch by batch, until none is left or every claimed one failed. */
  async dispatchPending(): Promise<DispatchCounts> {
    const counts: DispatchCounts = { sent: 0, retried: 0, dead: 0 };
    const { smtpUrl, batchSize, claimSeconds } = this.config.mail;
    if (!smtpUrl) return counts;
    const transport = new SmtpTransport(smtpUrl);
    const token = `${this.instance}:${randomUUID()}`.slice(0, 100);
    try {
      for (;;) {
        const now = this.clock.now();
        const claimed = await this.outbox.claimDue(
          token,
          now,
          new Date(now.getTime() + claimSeconds * 1000),
          batchSize,
        );
        if (claimed.length === 0) break;
        await Promise.all(claimed.map((mail) => this.sendOne(transport, token, mail, counts)));
        if (claimed.length < batchSize) break;
      }
    } finally {
      transport.close();
    }
    return counts;
  }

  private async sendOne(transport: SmtpTransport, token: string, mail: OutboxMail, counts: DispatchCounts) {
    let messageId: string;
    try {
      messageId = await transport.send({
        from: this.config.mail.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = mail.attempts + 1;
      const { retryBaseSeconds, maxAttempts } = this.config.mail;
      const next =
        attempts >= maxAttempts
          ? null
          : new Date(this.clock.now().getTime() + retryBaseSeconds * 1000 * 2 ** (attempts - 1));
      if (await this.outbox.markFailed(mail.id, token, message, next)) {
        if (next) counts.retried += 1;
        else counts.dead += 1;
      }
      this.logger.warn({ mailId: mail.id, attempts, dead: next === null, err: message }, 'mail send failed');
      return;
    }
    if (await this.outbox.markSent(mail.id, token, messageId, this.clock.now())) counts.sent += 1;
    else this.logger.warn({ mailId: mail.id }, 'mail sent after its claim expired');
  }
}
