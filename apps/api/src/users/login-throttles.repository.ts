import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IdleRows } from '../database/prune';
import { rawEntities } from '../database/raw-select';
import { LoginAddressThrottle } from './entities/login-address-throttle.entity';
import { LoginThrottle } from './entities/login-throttle.entity';

/**
 * R-41 lockout and per-address limit, counted in the database so they hold for parallel requests and across
 * instances. Each step is one conditional statement, atomic on SQLite and InnoDB; the times come from the caller.
 */
@Injectable()
export class LoginThrottlesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims one attempt for `key`: the row is created if missing; a finished lockout, or failures older than
   * `windowMs`, start over; then failures + 1 while below `threshold` and not locked. True when claimed.
   */
  async claimAttempt(key: string, now: Date, threshold: number, windowMs: number): Promise<boolean> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(LoginThrottle)
      .values({ username: key, failures: 0, lockedUntil: null, lastFailureAt: now })
      .orIgnore()
      .execute();
    await this.dataSource
      .createQueryBuilder()
      .update(LoginThrottle)
      .set({ failures: 0, lockedUntil: null })
      .where(
        'username = :key AND ((locked_until IS NOT NULL AND locked_until <= :now) OR (locked_until IS NULL AND last_failure_at < :staleBefore))',
        { key, now, staleBefore: new Date(now.getTime() - windowMs) },
      )
      .execute();
    const claimed = await this.dataSource
      .createQueryBuilder()
      .update(LoginThrottle)
      .set({ failures: () => 'failures + 1', lastFailureAt: now })
      .where('username = :key AND failures < :threshold AND locked_until IS NULL', { key, threshold })
      .execute();
    return claimed.affected === 1;
  }

  /** Locks `key` until `lockedUntil` once its failures reached `threshold` (and it is not locked yet). */
  async lockIfReached(key: string, threshold: number, lockedUntil: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(LoginThrottle)
      .set({ lockedUntil })
      .where('username = :key AND failures >= :threshold AND locked_until IS NULL', { key, threshold })
      .execute();
  }

  find(key: string): Promise<LoginThrottle | null> {
    return this.dataSource.getRepository(LoginThrottle).findOneBy({ username: key });
  }

  /** Hand-written: the users list reads this on every page. */
  findMany(keys: string[]): Promise<LoginThrottle[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return rawEntities(this.dataSource, LoginThrottle, 'SELECT * FROM login_throttle WHERE username IN (:...keys)', {
      keys,
    });
  }

  /** Gives back a claimed attempt that turned out not to be a failure. */
  async releaseAttempt(key: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(LoginThrottle)
      .set({ failures: () => 'failures - 1' })
      .where('username = :key AND failures > 0 AND locked_until IS NULL', { key })
      .execute();
  }

  /** Forgets the failures and any lock of `key` (successful login, unlock, password reset). */
  async clear(key: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(LoginThrottle).delete({ username: key });
  }

  /**
   * Claims one slot of the fixed window for `ip`: the row is created if missing, a window older than `windowMs`
   * starts over at `now`, then failures + 1 while below `limit`. True when claimed.
   */
  async claimAddressSlot(ip: string, now: Date, limit: number, windowMs: number): Promise<boolean> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(LoginAddressThrottle)
      .values({ ip, failures: 0, windowStartedAt: now })
      .orIgnore()
      .execute();
    await this.dataSource
      .createQueryBuilder()
      .update(LoginAddressThrottle)
      .set({ failures: 0, windowStartedAt: now })
      .where('ip = :ip AND window_started_at <= :windowStart', { ip, windowStart: new Date(now.getTime() - windowMs) })
      .execute();
    const claimed = await this.dataSource
      .createQueryBuilder()
      .update(LoginAddressThrottle)
      .set({ failures: () => 'failures + 1' })
      .where('ip = :ip AND failures < :limit', { ip, limit })
      .execute();
    return claimed.affected === 1;
  }

  /** Per-username rows whose last failure is before `idleBefore` and which are not locked at `now`. */
  idleRows(idleBefore: Date, now: Date): IdleRows {
    return {
      entity: LoginThrottle,
      keyColumn: 'username',
      condition: 'last_failure_at < :idleBefore AND (locked_until IS NULL OR locked_until <= :now)',
      parameters: { idleBefore, now },
    };
  }

  /** Per-address rows whose window started before `idleBefore`. */
  idleAddressRows(idleBefore: Date): IdleRows {
    return {
      entity: LoginAddressThrottle,
      keyColumn: 'ip',
      condition: 'window_started_at < :idleBefore',
      parameters: { idleBefore },
    };
  }

  async releaseAddressSlot(ip: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(LoginAddressThrottle)
      .set({ failures: () => 'failures - 1' })
      .where('ip = :ip AND failures > 0', { ip })
      .execute();
  }
}
