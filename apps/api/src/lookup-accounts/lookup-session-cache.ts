import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  RemoveEvent,
  TransactionCommitEvent,
  UpdateEvent,
} from 'typeorm';
import { TOUCH_INTERVAL_MS } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LookupAccount } from './entities/lookup-account.entity';
import { LookupSession } from './entities/lookup-session.entity';
import type { OpenLookupSession } from './lookup-accounts.repository';

interface Entry {
  session: OpenLookupSession;
  loadedAt: number;
}

/** Columns of lookup accounts that say nothing about who the account is or whether it may query. */
const ACCOUNT_BOOKKEEPING = new Set(['lastLoginAt', 'updatedAt']);
const MAX_ENTRIES = 10_000;

/**
 * The open session of a lookup token for a few seconds (`auth.principalCacheSeconds`, the staff cache's lifetime and
 * rules), so a lookup query does not read session and account every time.
 *
 * - Idle timeout is exactly as without the cache: an entry is used only while its `lastSeenAt` is younger than
 *   the refresh interval, when a database read would neither end the session nor refresh it; so every refresh and
 *   expiry still happens in LookupAuthService, on the same request it would without the cache.
 * - Changes through this instance: an update or delete of lookup sessions (other than a refresh of `lastSeenAt` to
 *   the present) or of lookup accounts (other than bookkeeping) empties the cache at once and again on commit, and
 *   a read overlapping it is not kept. Logout and disabling an account write one of those rows.
 * - Changes by other instances, or by hand in the database, apply within the lifetime.
 */
@Injectable()
export class LookupSessionCache implements OnModuleInit, EntitySubscriberInterface {
  private readonly entries = new Map<string, Entry>();
  private readonly lifetimeMs: number;
  private generation = 0;
  private readonly dirtyTransactions = new WeakSet<QueryRunner>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.lifetimeMs = config.auth.principalCacheSeconds * 1000;
  }

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** The kept session of a token digest while usable (see above), else `load`'s; `load` may return null. */
  async open(
    tokenHash: string,
    load: () => Promise<OpenLookupSession | null>,
  ): Promise<{ session: OpenLookupSession | null }> {
    if (this.lifetimeMs === 0) return { session: await load() };
    const now = this.clock.now().getTime();
    const entry = this.entries.get(tokenHash);
    if (
      entry &&
      now >= entry.loadedAt &&
      now - entry.loadedAt < this.lifetimeMs &&
      now - entry.session.lastSeenAt.getTime() <= TOUCH_INTERVAL_MS
    ) {
      return { session: entry.session };
    }
    if (entry) this.entries.delete(tokenHash);
    const generation = this.generation;
    const session = await load();
    if (session && !session.disabled && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.evict(now);
      this.entries.set(tokenHash, { session, loadedAt: now });
    }
    return { session };
  }

  /** The session as kept, after the service refreshed its `lastSeenAt`. */
  refreshed(tokenHash: string, lastSeenAt: Date): void {
    const entry = this.entries.get(tokenHash);
    if (entry) entry.session = { ...entry.session, lastSeenAt };
  }

  invalidateAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    if (this.concerns(event.metadata.target, event.entity)) this.changed(event.queryRunner);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    if (this.concerns(event.metadata.target, undefined)) this.changed(event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!this.dirtyTransactions.has(event.queryRunner)) return;
    this.dirtyTransactions.delete(event.queryRunner);
    this.invalidateAll();
  }

  private changed(queryRunner: QueryRunner | undefined): void {
    this.invalidateAll();
    if (queryRunner?.isTransactionActive) this.dirtyTransactions.add(queryRunner);
  }

  private concerns(target: unknown, values: Record<string, unknown> | undefined): boolean {
    const columns = values ? Object.keys(values) : undefined;
    if (target === LookupAccount) return !columns || columns.some((c) => !ACCOUNT_BOOKKEEPING.has(c));
    if (target === LookupSession) {
      if (!columns || columns.some((c) => c !== 'lastSeenAt')) return true;
      const seen = values?.lastSeenAt;
      return !(seen instanceof Date) || seen.getTime() < this.clock.now().getTime() - 1000;
    }
    return false;
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.loadedAt >= this.lifetimeMs) this.entries.delete(key);
    }
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
