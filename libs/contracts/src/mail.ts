// The mail outbox's JSON shapes (`/api/admin/outbox…`, R-36) and the Chinese names of its states.

export type MailStatus = 'pending' | 'sending' | 'sent' | 'dead';

export const MAIL_STATUS_NAMES: Readonly<Record<MailStatus, string>> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  dead: '已放弃',
};

/** `GET /api/admin/outbox` row (without the bodies). */
export interface OutboxMailListItem<Time = string> {
  id: number;
  recipient: string;
  subject: string;
  status: MailStatus;
  /** Send attempts made so far. */
  attempts: number;
  /** When a pending mail is next tried. */
  nextAttemptAt: Time;
  /** While `sending`: when the dispatcher's claim lapses. */
  claimedUntil: Time | null;
  sentAt: Time | null;
  /** The Message-ID the mail went out with. */
  messageId: string | null;
  lastError: string | null;
  createdAt: Time;
  updatedAt: Time;
}

/** `GET /api/admin/outbox/:id` and the answer of `POST …/:id/retry`: the mail as the recipient sees it. */
export interface OutboxMailView<Time = string> extends OutboxMailListItem<Time> {
  text: string;
  html: string;
}
