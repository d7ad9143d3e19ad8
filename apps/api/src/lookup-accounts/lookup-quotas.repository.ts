import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LookupQuota } from './entities/lookup-quota.entity';

/**
 * R-30 daily quotas, counted in the database so they hold across requests running at once and across API
 * instances. The conditional UPDATE is atomic on SQLite and InnoDB, alone or inside the caller's transaction (whose
 * only lock it then is); the INSERT of a day's row always runs alone, never in a transaction that holds or waits for
 * other locks, so InnoDB's duplicate-key and gap locks cannot deadlock it with the UPDATE.
 */
@Injectable()
export class LookupQuotasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds `n` to the day's count while the result stays within `limit`; false (nothing counted) otherwise. */
  async take(accountId: number, day: string, n: number, limit: number): Promise<boolean> {
    if (await this.raise(accountId, day, n, limit)) return true;
    // First query of the day (or the limit is reached): make sure the row exists, then try once more.
    await this.ensureRow(accountId, day);
    return this.raise(accountId, day, n, limit);
  }

  /** The day's row of the account, with nothing used, unless it exists. Autocommit only (see above). */
  async ensureRow(accountId: number, day: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(LookupQuota)
      .values({ accountId, day, used: 0 })
      .orIgnore()
      .execute();
  }

  /** Adds `n` to the day's existing row while it stays within `limit`; false when it would not (or no row). */
  async raise(
    accountId: number,
    day: string,
    n: number,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(LookupQuota)
      .set({ used: () => `used + ${Number(n)}` })
      .where('account_id = :accountId AND day = :day AND used + :n <= :limit', { accountId, day, n, limit })
      .execute();
    return result.affected === 1;
  }

  /**
   * Adds each rise's `n` to its existing row, all in one statement, when every one of them stays within its limit;
   * false when any would not (or has no row) — then the caller's transaction must be rolled back, as the rises
   * that fitted were counted. Rises of one account and day must come summed into one.
   */
  async raiseAll(
    rises: readonly { accountId: number; day: string; n: number; limit: number }[],
    manager: EntityManager,
  ): Promise<boolean> {
    if (rises.length === 0) return true;
    const params: Record<string, string | number> = {};
    const whens: string[] = [];
    const fits: string[] = [];
    rises.forEach((r, i) => {
      Object.assign(params, { [`a${i}`]: r.accountId, [`d${i}`]: r.day, [`n${i}`]: r.n, [`l${i}`]: r.limit });
      const row = `account_id = :a${i} AND day = :d${i}`;
      whens.push(`WHEN ${row} THEN :n${i}`);
      fits.push(`(${row} AND used + :n${i} <= :l${i})`);
    });
    const result = await manager
      .createQueryBuilder()
      .update(LookupQuota)
      .set({ used: () => `used + CASE ${whens.join(' ')} ELSE 0 END` })
      .where(fits.join(' OR '), params)
      .execute();
    return result.affected === rises.length;
  }

  async used(accountId: number, day: string): Promise<number> {
    return (await this.usedOrNull(accountId, day)) ?? 0;
  }

  /** The day's count, or null when the account has no row for the day. */
  async usedOrNull(accountId: number, day: string): Promise<number | null> {
    const row = await this.dataSource.getRepository(LookupQuota).findOneBy({ accountId, day });
    return row ? row.used : null;
  }
}
