import { Inject, Injectable } from '@nestjs/common';
import { DomainError, quotaResetsAt } from '@app/domain';
import type { LookupQuotaView } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { LookupQuotasRepository } from './lookup-quotas.repository';
import type { LookupPrincipal } from './lookup-principal';

/** Accounts whose row of the day this process has made sure of; more than this and the set starts again. */
const MAX_KNOWN_ROWS = 100_000;
const REFUSED = Symbol('refused');

/**
 * queries of others — three-field, code and batch rows together — per account and Beijing day: a person 100,
 * a legal entity 500 (config). Taken before the query runs, in the database, so parallel requests on any number of
 * servers never exceed the limit; a batch is taken whole or refused whole.
 */
@Injectable()
export class LookupQuotaService {
  /** The Beijing day of `rowsKnown`: the accounts whose quota row of that day is known to exist. */
  private rowsDay = '';
  private readonly rowsKnown = new Set<number>();

  constructor(
    private readonly quotas: LookupQuotasRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  limitOf(principal: Pick<LookupPrincipal, 'type'>): number {
    const { personDailyQuota, legalEntityDailyQuota } = this.config.lookupAccounts;
    return principal.type === 'legal_entity' ? legalEntityDailyQuota : personDailyQuota;
  }

  /** Counts `n` queries for today, or throws 429 LOOKUP_DAILY_QUOTA_EXCEEDED (nothing counted) with the reset time. */
  async take(principal: LookupPrincipal, n = 1): Promise<void> {
    const today = this.clock.today();
    const limit = this.limitOf(principal);
    if (await this.quotas.take(principal.accountId, today, n, limit)) return;
    throw this.exceeded(today, limit, await this.quotas.used(principal.accountId, today), n);
  }

  /**
   * Takes `n` and runs `work` in the same transaction, so the count, the query and its log commit together (one
   * commit per query); refused as `take` is, before `work` runs. The UPDATE's row lock is the transaction's only
   * lock, held while `work` runs: concurrent queries of one account wait for each other, others do not. The day's
   * row is made (alone, outside the transaction) the first time this process sees the account on a day.
   */
  async takeWith<T>(principal: LookupPrincipal, n: number, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const today = this.clock.today();
    const limit = this.limitOf(principal);
    const accountId = principal.accountId;
    for (let attempt = 0; ; attempt++) {
      await this.ensureRow(accountId, today);
      const outcome = await this.uow.run(async (manager) => {
        if (!(await this.quotas.raise(accountId, today, n, limit, manager))) return REFUSED;
        return { value: await work(manager) };
      });
      if (outcome !== REFUSED) return outcome.value;
      const used = await this.quotas.usedOrNull(accountId, today);
      // No row after all (removed since this process made it): make it again, once.
      if (used === null && attempt === 0) {
        this.rowsKnown.delete(accountId);
        continue;
      }
      throw this.exceeded(today, limit, used ?? 0, n);
    }
  }

  private async ensureRow(accountId: number, today: string): Promise<void> {
    if (this.rowsDay !== today) {
      this.rowsDay = today;
      this.rowsKnown.clear();
    }
    if (this.rowsKnown.has(accountId)) return;
    await this.quotas.ensureRow(accountId, today);
    if (this.rowsKnown.size >= MAX_KNOWN_ROWS) this.rowsKnown.clear();
    this.rowsKnown.add(accountId);
  }

  private exceeded(today: string, limit: number, used: number, n: number): DomainError {
    const resetsAt = quotaResetsAt(today).toISOString();
    return new DomainError(
      'LOOKUP_DAILY_QUOTA_EXCEEDED',
      n > 1 && used < limit
        ? `今日剩余查询次数为 ${limit - used} 次，不足以查询本批 ${n} 条，请减少条数或明日再试`
        : `今日查询他人证书已达上限（${limit} 次），请于北京时间次日零时后再试`,
      { limit, used, requested: n, resetsAt },
    );
  }

  async view(principal: LookupPrincipal): Promise<LookupQuotaView<Date>> {
    const today = this.clock.today();
    return {
      used: await this.quotas.used(principal.accountId, today),
      limit: this.limitOf(principal),
      resetsAt: quotaResetsAt(today),
    };
  }
}
