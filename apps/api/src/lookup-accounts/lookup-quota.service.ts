import { Inject, Injectable } from '@nestjs/common';
import { DomainError, quotaResetsAt } from '@app/domain';
import type { LookupQuotaView } from '@app/contracts';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LookupQuotasRepository } from './lookup-quotas.repository';
import type { LookupPrincipal } from './lookup-principal';

/**
 * queries of others — three-field, code and batch rows together — per account and Beijing day: a person 100,
 * a legal entity 500 (config). Taken before the query runs, in the database, so parallel requests on any number of
 * servers never exceed the limit; a batch is taken whole or refused whole.
 */
@Injectable()
export class LookupQuotaService {
  constructor(
    private readonly quotas: LookupQuotasRepository,
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
    const used = await this.quotas.used(principal.accountId, today);
    const resetsAt = quotaResetsAt(today).toISOString();
    throw new DomainError(
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
