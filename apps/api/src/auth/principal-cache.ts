import { createHash } from 'node:crypto';
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
import type { Actor } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';
import { TOUCH_INTERVAL_MS } from './auth.service';
import { Session } from '../users/entities/session.entity';

/** What the guard needs of a session: the acting person, the R-41 flag, and the session's last activity. */
export interface AuthenticatedSession {
  actor: Actor;
  mustChangePassword: boolean;
  /** The session's `lastSeenAt` as stored after this authentication (touched or not). */
  lastSeenAt: Date;
}

interface Entry {
  /** As first loaded; each use puts the request's own address in. */
  actor: Actor;
  mustChangePassword: boolean;
  lastSeenAt: number;
  loadedAt: number;
}

/** Bookkeeping columns of users that say nothing about who the person is or whether they may act. */
const USER_BOOKKEEPING = new Set([
  'lastLoginAt',
  'totpLastStep',
  'totpSecretEnc',
  'totpEnabled',
  'version',
  'updatedAt',
]);
/** More entries than this and the oldest are dropped (one per open session; a few hundred in practice). */
const MAX_ENTRIES = 10_000;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * The staff principal of a session for a few seconds (`auth.principalCacheSeconds`), so a request does not re-read
 * session, user and organisation every time.
 *
 * - Idle timeout is exactly as without the cache: an entry is used only while a database read would neither
 *   end the session nor refresh its `lastSeenAt` (younger than the refresh interval), so every refresh and every
 *   expiry still happens in AuthService, on the same request it would without the cache.
 * - Changes through this process: an update or delete of users (other than bookkeeping columns), organisations or
 *   sessions (other than a refresh of `lastSeenAt` to the present) empties the cache at once, and again when the
 *   transaction commits; a read that overlapped such a change is not stored. Logout, disable, password change and
 *   reset, role and organisation edits all write one of those rows.
 * - Changes by other instances, or by hand in the database, show within the lifetime (a few seconds).
 */
@Injectable()
export class PrincipalCache implements OnModuleInit, EntitySubscriberInterface {
  private readonly entries = new Map<string, Entry>();
  private readonly lifetimeMs: number;
  /** Bumped on every invalidation: a read begun before it is not stored. */
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

  /** The session's principal from the cache, or from `load` (AuthService) when not cached or no longer usable. */
  async authenticate(
    token: string,
    ip: string,
    load: () => Promise<AuthenticatedSession>,
  ): Promise<Omit<AuthenticatedSession, 'lastSeenAt'>> {
    if (this.lifetimeMs === 0) return load();
    const key = digest(token);
    const now = this.clock.now().getTime();
    const entry = this.entries.get(key);
    if (entry && now - entry.loadedAt < this.lifetimeMs && now - entry.lastSeenAt <= TOUCH_INTERVAL_MS) {
      return { actor: { ...entry.actor, ip }, mustChangePassword: entry.mustChangePassword };
    }
    if (entry) this.entries.delete(key);
    const generation = this.generation;
    const loaded = await load();
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.evictOldest(now);
      this.entries.set(key, {
        actor: loaded.actor,
        mustChangePassword: loaded.mustChangePassword,
        lastSeenAt: loaded.lastSeenAt.getTime(),
        loadedAt: now,
      });
    }
    return { actor: loaded.actor, mustChangePassword: loaded.mustChangePassword };
  }

  /** Forgets every principal (any change that may concern one). */
  invalidateAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    if (this.concernsPrincipals(event.metadata.target, event.entity)) {
      this.changed(event.queryRunner);
    }
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    if (this.concernsPrincipals(event.metadata.target, undefined)) this.changed(event.queryRunner);
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

  /** `values`: the columns an update sets (unknown: undefined, taken as concerning). */
  private concernsPrincipals(target: unknown, values: Record<string, unknown> | undefined): boolean {
    if (target === Organisation) return true;
    const columns = values ? Object.keys(values) : undefined;
    if (target === User) return !columns || columns.some((c) => !USER_BOOKKEEPING.has(c));
    if (target === Session) {
      if (!columns || columns.some((c) => c !== 'lastSeenAt')) return true;
      // A refresh sets lastSeenAt to the present: it only lengthens a session, never ends one. Anything else is a change.
      const seen = values?.lastSeenAt;
      return !(seen instanceof Date) || seen.getTime() < this.clock.now().getTime() - 1000;
    }
    return false;
  }

  private evictOldest(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.loadedAt >= this.lifetimeMs) this.entries.delete(key);
    }
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
