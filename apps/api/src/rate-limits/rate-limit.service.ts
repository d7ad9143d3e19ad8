import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { Clock } from '../common/clock';
import { pruneIdleRows } from '../database/prune';
import { UnitOfWork } from '../database/unit-of-work';
import { RateLimitsRepository } from './rate-limits.repository';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

/** Buckets whose window started longer ago than this are gone: no limit's window is longer than an hour. */
const PRUNE_AFTER_MS = 86_400_000;

/**
 * Fixed-window rate limits counted in the database, so they hold across requests running at once and across
 * several API instances (never in memory). Each step is one conditional UPDATE, atomic on SQLite and InnoDB.
 */
@Injectable()
export class RateLimitService {
  constructor(
    private readonly counters: RateLimitsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Counts one request against `bucket`; false when the window's limit is already used up (nothing counted). */
  async consume(bucket: string, { limit, windowSeconds }: RateLimit): Promise<boolean> {
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(this.clock.now().getTime() / windowMs) * windowMs;
    const counted = await this.uow.run(async (manager) => {
      if (await this.counters.countInWindow(manager, bucket, windowStart, limit)) return true;
      // A new window: only one request can move the row to it (the others then see it and count normally).
      return this.counters.startWindow(manager, bucket, windowStart);
    });
    if (counted) return true;
    // First use of the bucket (or the limit is reached): make sure the row exists — a racing request may insert it
    // too — and count. The INSERT commits on its own, so InnoDB's duplicate-key locks cannot deadlock the UPDATEs.
    await this.uow.run((manager) => this.counters.ensureBucket(manager, bucket, windowStart));
    return this.uow.run((manager) => this.counters.countInWindow(manager, bucket, windowStart, limit));
  }

  /** consume(), throwing 429 RATE_LIMITED with `message` when the limit is reached. */
  async enforce(bucket: string, rule: RateLimit, message: string): Promise<void> {
    if (!(await this.consume(bucket, rule))) {
      throw new DomainError('RATE_LIMITED', message, { limit: rule.limit, windowSeconds: rule.windowSeconds });
    }
  }

  /**
   * The `rate-limit-prune` job: one row per bucket ever used (per client address for the public limits) would grow
   * without end; a bucket idle for a day holds nothing a limit still needs, and comes back fresh when used again.
   */
  async prune(signal?: AbortSignal): Promise<{ deleted: number }> {
    const before = this.clock.now().getTime() - PRUNE_AFTER_MS;
    return { deleted: await pruneIdleRows(this.uow, this.counters.windowsBefore(before), { signal }) };
  }
}
