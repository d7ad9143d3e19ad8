import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IdleRows } from '../database/prune';
import { RateLimitCounter } from './entities/rate-limit-counter.entity';

/** Fixed-window counters, one row per bucket; every step is one conditional statement (atomic on SQLite and InnoDB). */
@Injectable()
export class RateLimitsRepository {
  /** Counts one hit in the window starting at `windowStart` while below `limit`; false when not counted. */
  async countInWindow(manager: EntityManager, bucket: string, windowStart: number, limit: number): Promise<boolean> {
    const counted = await manager
      .createQueryBuilder()
      .update(RateLimitCounter)
      .set({ hits: () => 'hits + 1' })
      .where('bucket = :bucket AND window_start = :windowStart AND hits < :limit', { bucket, windowStart, limit })
      .execute();
    return Boolean(counted.affected);
  }

  /** Moves a bucket still in an older window to `windowStart` with this hit counted; only one request can. */
  async startWindow(manager: EntityManager, bucket: string, windowStart: number): Promise<boolean> {
    const moved = await manager
      .createQueryBuilder()
      .update(RateLimitCounter)
      .set({ windowStart, hits: 1 })
      .where('bucket = :bucket AND window_start < :windowStart', { bucket, windowStart })
      .execute();
    return Boolean(moved.affected);
  }

  /** Creates the bucket's row at zero hits unless it exists (a racing request may create it too). */
  async ensureBucket(manager: EntityManager, bucket: string, windowStart: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(RateLimitCounter)
      .values({ bucket, windowStart, hits: 0 })
      .orIgnore()
      .execute();
  }

  /** Buckets whose window started before `before` (epoch ms). */
  windowsBefore(before: number): IdleRows {
    return {
      entity: RateLimitCounter,
      keyColumn: 'bucket',
      condition: 'window_start < :before',
      parameters: { before },
    };
  }
}
