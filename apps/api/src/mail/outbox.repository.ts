import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { applyFilters, fetchPage, ListQuery } from '../common/http/list-query';
import { OutboxMail } from './entities/outbox-mail.entity';

/** The most bytes of mail bodies one INSERT carries. */
const MAX_STATEMENT_BYTES = 4 * 1024 * 1024;

export interface NewMail {
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

/** What a claim is allowed to take: a pending mail whose time has come, or one whose claim holder died. */
const DUE = "((status = 'pending' AND next_attempt_at <= :now) OR (status = 'sending' AND claimed_until < :now))";

/** Columns of the list (the bodies are read only by show). */
const LIST_COLUMNS = [
  'm.id',
  'm.recipient',
  'm.subject',
  'm.status',
  'm.attempts',
  'm.nextAttemptAt',
  'm.claimedUntil',
  'm.sentAt',
  'm.messageId',
  'm.lastError',
  'm.createdAt',
  'm.updatedAt',
];

/**
 * All SQL of the outbox. Every state change is one conditional UPDATE naming the state it leaves (and, after a
 * claim, the claim token), so two dispatchers on SQLite or InnoDB can never both win the same row — no SKIP LOCKED.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes mails as `pending` inside the caller's transaction, so they commit with what they report. */
  async insert(manager: EntityManager, mails: readonly NewMail[], now: Date): Promise<void> {
    if (mails.length === 0) return;
    const rows = mails.map((m) => ({ ...m, status: 'pending' as const, attempts: 0, nextAttemptAt: now }));
    // Chunks keep each statement well under the drivers' parameter limits and, by size, under MySQL's
    // max_allowed_packet (16 MB by default; 500 digests of tens of KB each exceed it).
    let chunk: typeof rows = [];
    let bytes = 0;
    const flush = async () => {
      if (chunk.length > 0) await manager.createQueryBuilder().insert().into(OutboxMail).values(chunk).execute();
      chunk = [];
      bytes = 0;
    };
    for (const row of rows) {
      const size = Buffer.byteLength(row.text) + Buffer.byteLength(row.html) + Buffer.byteLength(row.subject) + 300;
      if (chunk.length >= 500 || (chunk.length > 0 && bytes + size > MAX_STATEMENT_BYTES)) await flush();
      chunk.push(row);
      bytes += size;
    }
    await flush();
  }

  /**
   * Claims up to `limit` due mails for `token` until `until` and returns them. The candidates are read first; the
   * UPDATE repeats the due condition, so a row another dispatcher claimed in between is not taken again.
   */
  async claimDue(token: string, now: Date, until: Date, limit: number): Promise<OutboxMail[]> {
    const candidates: { id: number }[] = await this.dataSource
      .getRepository(OutboxMail)
      .createQueryBuilder()
      .select('id', 'id')
      .where(DUE, { now })
      .orderBy('id', 'ASC')
      .limit(limit)
      .getRawMany();
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => Number(c.id));
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxMail)
      .set({ status: 'sending', claimedBy: token, claimedUntil: until })
      .where('id IN (:...ids)', { ids })
      .andWhere(DUE, { now })
      .execute();
    // Only this claim's rows: rows claimed earlier under the same token may still be in flight.
    return this.dataSource
      .getRepository(OutboxMail)
      .find({ where: { id: In(ids), claimedBy: token, status: 'sending' }, order: { id: 'ASC' } });
  }

  /**
   * Records successful sends in one statement (each row with its own message id); answers how many rows this
   * claim still held — a row whose claim lapsed and was taken over is left to its new holder.
   */
  async markSent(token: string, sent: readonly { id: number; messageId: string }[], now: Date): Promise<number> {
    if (sent.length === 0) return 0;
    const params: Record<string, unknown> = { token };
    const cases = sent.map((s, i) => {
      params[`i${i}`] = s.id;
      params[`m${i}`] = s.messageId.slice(0, 255);
      return `WHEN :i${i} THEN :m${i}`;
    });
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxMail)
      .set({
        status: 'sent',
        sentAt: now,
        messageId: () => `CASE id ${cases.join(' ')} END`,
        attempts: () => 'attempts + 1',
        claimedBy: null,
        claimedUntil: null,
        lastError: null,
      })
      .where("id IN (:...ids) AND claimed_by = :token AND status = 'sending'", { ids: sent.map((s) => s.id) })
      .setParameters(params)
      .execute();
    return result.affected ?? 0;
  }

  /** Records a failed send: back to `pending` at `nextAttemptAt`, or `dead` when that is null. */
  async markFailed(id: number, token: string, error: string, nextAttemptAt: Date | null): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OutboxMail)
      .set({
        status: nextAttemptAt ? 'pending' : 'dead',
        ...(nextAttemptAt ? { nextAttemptAt } : {}),
        attempts: () => 'attempts + 1',
        claimedBy: null,
        claimedUntil: null,
        lastError: error.slice(0, 1000),
      })
      .where("id = :id AND claimed_by = :token AND status = 'sending'", { id, token })
      .execute();
    return Boolean(result.affected);
  }

  /** A dead mail back to `pending`, due now, with its attempts counted afresh; false when it is not dead. */
  async revive(manager: EntityManager, id: number, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OutboxMail)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where("id = :id AND status = 'dead'", { id })
      .execute();
    return Boolean(result.affected);
  }

  findById(id: number): Promise<OutboxMail | null> {
    return this.dataSource.getRepository(OutboxMail).findOneBy({ id });
  }

  listPage(query: ListQuery): Promise<{ rows: OutboxMail[]; total: number }> {
    const qb = this.dataSource.getRepository(OutboxMail).createQueryBuilder('m').select(LIST_COLUMNS);
    applyFilters(qb, query);
    return fetchPage(qb, query);
  }
}
