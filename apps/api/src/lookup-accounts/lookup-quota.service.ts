import { Inject, Injectable } from '@nestjs/common';
import { DomainError, quotaResetsAt } from '@app/domain';
import type { LookupQuotaView } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GroupCommit } from '../database/group-commit';
import { UnitOfWork } from '../database/unit-of-work';
import { LookupLogService, type LookupLogEntry } from '../lookup/lookup-log.service';
import { LookupQuotasRepository } from './lookup-quotas.repository';
import type { LookupPrincipal } from './lookup-principal';

/** Accounts whose row of the day this process has made sure of; more than this and the set starts again. */
const MAX_KNOWN_ROWS = 100_000;
const REFUSED = Symbol('refused');
/** Rolls back a group's single UPDATE when one of its claims did not fit. */
class NotAllFit extends Error {}

interface QuotaClaim {
  accountId: number;
  day: string;
  n: number;
  limit: number;
  entry: LookupLogEntry;
}

/** One rise per account and day, in account order (the order InnoDB locks the rows in, on every instance). */
function summedByAccountAndDay(claims: readonly QuotaClaim[]): QuotaClaim[] {
  const rises = new Map<string, QuotaClaim>();
  for (const c of claims) {
    const key = `${c.accountId}|${c.day}`;
    const seen = rises.get(key);
    rises.set(key, seen ? { ...seen, n: seen.n + c.n } : c);
  }
  return [...rises.values()].sort((a, b) => a.accountId - b.accountId);
}

/**
 * queries of others — three-field, code and batch rows together — per account and Beijing day: a person 100,
 * a legal entity 500 (config). Counted in the database before any answer is given, so parallel requests on any
 * number of servers never exceed the limit; a batch is taken whole or refused whole.
 */
@Injectable()
export class LookupQuotaService {
  /** The Beijing day of `rowsKnown`: the accounts whose quota row of that day is known to exist. */
  private rowsDay = '';
  private readonly rowsKnown = new Set<number>();
  /** Quota claims of queries that ran (takeAndLog), committed together with their log rows. */
  private readonly claims = new GroupCommit<QuotaClaim, boolean>(async (claims) => {
    // Usually every claim fits: one UPDATE for all of them. When one does not, that transaction is rolled back and
    // the claims are taken one by one, so each caller learns whether its own query was counted.
    const together = await this.uow
      .run(async (manager) => {
        if (!(await this.quotas.raiseAll(summedByAccountAndDay(claims), manager))) throw new NotAllFit();
        await this.log.recordMany(
          claims.map((c) => c.entry),
          manager,
        );
        return claims.map(() => true);
      })
      .catch((error: unknown) => {
        if (error instanceof NotAllFit) return null;
        throw error;
      });
    return together ?? this.takeOneByOne(claims);
  });

  constructor(
    private readonly quotas: LookupQuotasRepository,
    private readonly uow: UnitOfWork,
    private readonly log: LookupLogService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Each claim on its own conditional UPDATE, in one transaction with the log rows of the claims taken. */
  private takeOneByOne(claims: QuotaClaim[]): Promise<boolean[]> {
    return this.uow.run(async (manager) => {
      const taken = new Map<QuotaClaim, boolean>();
      // The same order on every instance, so two instances' group transactions never wait on each other in a cycle.
      for (const c of [...claims].sort((a, b) => a.accountId - b.accountId)) {
        taken.set(c, await this.quotas.raise(c.accountId, c.day, c.n, c.limit, manager));
      }
      await this.log.recordMany(
        claims.filter((c) => taken.get(c)).map((c) => c.entry),
        manager,
      );
      return claims.map((c) => taken.get(c) === true);
    });
  }

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
   * Takes `n` and runs `work` in the same transaction, so the count, the query and its log commit together;
   * refused as `take` is, before `work` runs. The UPDATE's row lock is the transaction's only lock, held while
   * `work` runs: concurrent queries of one account wait for each other, others do not. The day's row is made
   * (alone, outside the transaction) the first time this process sees the account on a day.
   */
  async takeWith<T>(principal: LookupPrincipal, n: number, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.taking(principal, n, async (claim) => {
      const outcome = await this.uow.run(async (manager) => {
        if (!(await this.quotas.raise(claim.accountId, claim.day, n, claim.limit, manager))) return REFUSED;
        return { value: await work(manager) };
      });
      return outcome === REFUSED ? REFUSED : outcome.value;
    });
  }

  /**
   * Takes `n` for a query that has already run and logs it with `entry`, refused as `take` is (nothing logged, the
   * caller withholds the answer). The count and the log of all queries arriving together commit in one transaction
   * (group commit): one disk flush for many queries instead of one each.
   */
  async takeAndLog(principal: LookupPrincipal, n: number, entry: LookupLogEntry): Promise<void> {
    await this.taking(principal, n, async (claim) =>
      (await this.claims.submit({ ...claim, n, entry })) ? undefined : REFUSED,
    );
  }

  /** Makes sure of the day's row, runs `attempt`, and on refusal answers 429 with the day's count. */
  private async taking<T>(
    principal: LookupPrincipal,
    n: number,
    attempt: (claim: { accountId: number; day: string; limit: number }) => Promise<T | typeof REFUSED>,
  ): Promise<T> {
    const day = this.clock.today();
    const limit = this.limitOf(principal);
    const accountId = principal.accountId;
    for (let tries = 0; ; tries++) {
      await this.ensureRow(accountId, day);
      const outcome = await attempt({ accountId, day, limit });
      if (outcome !== REFUSED) return outcome;
      const used = await this.quotas.usedOrNull(accountId, day);
      // No row after all (removed since this process made it): make it again, once.
      if (used === null && tries === 0) {
        this.rowsKnown.delete(accountId);
        continue;
      }
      throw this.exceeded(day, limit, used ?? 0, n);
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
