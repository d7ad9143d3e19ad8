import { createTransport, type Transporter } from 'nodemailer';

/** One message as the outbox hands it to SMTP. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A Message-ID fixed per outbox row, so a resend after a crash is the same message to the receiving side. */
  messageId?: string;
}

/**
 * nodemailer over SMTP_URL: `smtp://` is plain SMTP that upgrades with STARTTLS only when the server offers it
 * (nodemailer's default for a non-secure URL), `smtps://` is TLS from the first byte. Pooled for one dispatch run,
 * so a run sends its batch over a few connections instead of one per mail. Timeouts stay well below the claim
 * time, so a hung server cannot outlast a claim and let a second dispatcher send the same mail.
 */
export class SmtpTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    const url = new URL(smtpUrl);
    this.transporter = createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 25,
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      pool: true,
      maxConnections: 3,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
  }

  /** Sends one mail; resolves with the message id the mail went out with. */
  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transporter.sendMail(mail)) as { messageId?: string; response?: string };
    return info.messageId ?? info.response ?? '';
  }

  close(): void {
    this.transporter.close();
  }
}
