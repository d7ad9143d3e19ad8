import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LookupQuota } from './entities/lookup-quota.entity';

/**
 * R-30 daily quotas, counted in the database so they hold across requests running at once and across API
 * instances. Each step is one statement in its own autocommit transaction (atomic on SQLite and InnoDB); no
 * transaction spans the INSERT and the UPDATE, so InnoDB's duplicate-key locks cannot deadlock them.
 */
@Injectable()
export class LookupQuotasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds `n` to the day's count while the result stays within `limit`; false (nothing counted) otherwise. */
  async take(accountId: number, day: string, n: number, limit: number): Promise<boolean> {
    if (await this.raise(accountId, day, n, limit)) return true;
    // First query of the day (or the limit is reached): make sure the row exists, then try once more.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(LookupQuota)
      .values({ accountId, day, used: 0 })
      .orIgnore()
      .execute();
    return this.raise(accountId, day, n, limit);
  }

  private async raise(accountId: number, day: string, n: number, limit: number): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(LookupQuota)
      .set({ used: () => `used + ${Number(n)}` })
      .where('account_id = :accountId AND day = :day AND used + :n <= :limit', { accountId, day, n, limit })
      .execute();
    return result.affected === 1;
  }

  async used(accountId: number, day: string): Promise<number> {
    const row = await this.dataSource.getRepository(LookupQuota).findOneBy({ accountId, day });
    return row?.used ?? 0;
  }
}
