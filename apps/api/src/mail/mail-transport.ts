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

/** nodemailer's error codes, in the words the outbox page shows (the server's own text follows in brackets). */
const SMTP_ERROR_TEXTS: Record<string, string> = {
  ECONNECTION: '无法连接邮件服务器',
  ECONNREFUSED: '无法连接邮件服务器',
  ENOTFOUND: '找不到邮件服务器',
  ETIMEDOUT: '连接邮件服务器超时',
  ESOCKET: '与邮件服务器的连接出错',
  ETLS: '与邮件服务器建立加密连接失败',
  EAUTH: '邮件服务器拒绝登录（用户名或密码有误）',
  EENVELOPE: '邮件服务器拒绝了发件人或收件人',
  EMESSAGE: '邮件服务器拒绝了邮件内容',
  EPROTOCOL: '邮件服务器的应答不符合协议',
  ECONNRESET: '与邮件服务器的连接被中断',
};

/**
 * A failed send in Chinese for the outbox's 最近错误, keeping the technical detail after it, e.g.
 * `无法连接邮件服务器（connect ECONNREFUSED 127.0.0.1:2525）`.
 */
export function smtpErrorText(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; message?: string } | null;
  const detail = e?.message ?? String(error);
  // The socket's own code (a pooled connection reports a refused connection as ESOCKET) says more than nodemailer's.
  const system = /\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET)\b/.exec(detail)?.[1];
  let text = SMTP_ERROR_TEXTS[system ?? ''] ?? (e?.code ? SMTP_ERROR_TEXTS[e.code] : undefined);
  if (!text && typeof e?.responseCode === 'number') {
    text = e.responseCode >= 500 ? '邮件服务器拒绝了这封邮件' : '邮件服务器暂时无法接收，稍后重试';
  }
  return `${text ?? '发送失败'}（${detail}）`;
}
