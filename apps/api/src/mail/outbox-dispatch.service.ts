import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GroupCommit } from '../database/group-commit';
import { OutboxMail } from './entities/outbox-mail.entity';
import { SmtpTransport, smtpErrorText } from './mail-transport';
import { OutboxRepository } from './outbox.repository';

/**
 * The Message-ID of an outbox row: the same on every attempt. A dispatcher that dies between the server's
 * acceptance and recording `sent` leaves the row's outcome unknown; it is sent again once the claim lapses (never
 * lost), and the copy carries the same Message-ID, by which mail systems recognise the duplicate.
 */
export function outboxMessageId(mail: Pick<OutboxMail, 'id' | 'createdAt'>, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<outbox-${mail.id}.${mail.createdAt.getTime().toString(36)}@${domain}>`;
}

interface SentMark {
  id: number;
  messageId: string;
}

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

  /**
   * Sends every mail due now. Up to `batchSize` mails are in flight at once over the pooled transport; when half of
   * them are done the next ones are claimed, so the SMTP connections never wait for a whole batch or for a claim.
   * Stops claiming when a claim finds fewer due mails than it asked for (failed ones are due again only later).
   */
  async dispatchPending(): Promise<DispatchCounts> {
    const counts: DispatchCounts = { sent: 0, retried: 0, dead: 0 };
    const { smtpUrl, batchSize, claimSeconds } = this.config.mail;
    if (!smtpUrl) return counts;
    const transport = new SmtpTransport(smtpUrl);
    const token = `${this.instance}:${randomUUID()}`.slice(0, 100);
    const inFlight = new Set<Promise<void>>();
    // Sends recorded as `sent` in as few statements as the database allows (group commit). A send holds its slot
    // until its own mark is written, so the time between the server's acceptance and the durable `sent` — the
    // window in which a crash makes the mail go out again — stays about one statement long.
    const marks = new GroupCommit<SentMark, void>(async (sent) => {
      const marked = await this.outbox.markSent(token, sent, this.clock.now());
      counts.sent += marked;
      if (marked < sent.length) {
        this.logger.warn({ mails: sent.length - marked }, 'mails sent after their claim expired');
      }
      return sent.map(() => undefined);
    });
    try {
      let more = true;
      while (more || inFlight.size > 0) {
        if (more && inFlight.size <= batchSize / 2) {
          const wanted = batchSize - inFlight.size;
          const now = this.clock.now();
          const claimed = await this.outbox.claimDue(token, now, new Date(now.getTime() + claimSeconds * 1000), wanted);
          if (claimed.length < wanted) more = false;
          for (const mail of claimed) {
            const sending: Promise<void> = this.sendOne(transport, token, mail, counts, marks).finally(() =>
              inFlight.delete(sending),
            );
            inFlight.add(sending);
          }
          continue;
        }
        await Promise.race(inFlight);
      }
    } finally {
      // A throw (the database gone) leaves the sends under way to finish or fail before the transport closes.
      await Promise.allSettled([...inFlight]);
      transport.close();
    }
    return counts;
  }

  private async sendOne(
    transport: SmtpTransport,
    token: string,
    mail: OutboxMail,
    counts: DispatchCounts,
    marks: GroupCommit<SentMark, void>,
  ) {
    let messageId: string;
    try {
      messageId = await transport.send({
        from: this.config.mail.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: outboxMessageId(mail, this.config.mail.from),
      });
    } catch (error) {
      const message = smtpErrorText(error);
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
    // The slot stays taken until the mark is written: mails the server accepted but the database does not yet know
    // as sent (sent again after a crash) stay bounded by the window, whatever the database's latency.
    await marks.submit({ id: mail.id, messageId });
  }
}
