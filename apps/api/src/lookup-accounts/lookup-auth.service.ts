import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, validateLookupRegistration, type RegistrationInput, clientAddressKey } from '@app/domain';
import type { LookupAccountView, LookupLoginResult } from '@app/contracts';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { TOUCH_INTERVAL_MS } from '../auth/auth.service';
import { AuditService } from '../audit/audit.service';
import { LookupAccount } from './entities/lookup-account.entity';
import { IDENTITY_PROVIDER, IdentityProvider } from './identity-provider';
import { LookupAccountsRepository } from './lookup-accounts.repository';
import { LookupSessionCache } from './lookup-session-cache';
import type { LookupPrincipal } from './lookup-principal';

const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

export function accountView(account: LookupAccount): LookupAccountView {
  return {
    id: account.id,
    type: account.type,
    name: account.name,
    identifierMasked: account.identifierMasked,
    mobileMasked: account.mobileMasked,
  };
}

/** The audit subject of a public account: no staff user, the account named in the username field. */
export const lookupSubject = (accountId: number | null, ip: string) => ({
  userId: null,
  username: accountId === null ? 'lookup:anonymous' : `lookup:${accountId}`,
  organisationId: null,
  roles: ['lookup_account'],
  ip,
});

/** registration, login and sessions of public lookup accounts (their own table and tokens, never staff ones). */
@Injectable()
export class LookupAuthService {
  constructor(
    @Inject(IDENTITY_PROVIDER) private readonly identities: IdentityProvider,
    private readonly accounts: LookupAccountsRepository,
    private readonly limits: RateLimitService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: LookupSessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** limited per client address (registrationsPerHour, 429), validated, then created by the identity provider. */
  async register(input: RegistrationInput & { password: string }, ip: string): Promise<LookupAccountView> {
    await this.limits.enforce(
      `lookup.register:${clientAddressKey(ip)}`,
      { limit: this.config.lookupAccounts.registrationsPerHour, windowSeconds: 3600 },
      '该网络地址注册次数过多，请稍后再试',
    );
    const checked = validateLookupRegistration(input);
    if (!checked.ok) {
      throw new DomainError(
        'LOOKUP_REGISTRATION_INVALID',
        `注册信息不正确：${checked.problems.map((p) => p.message).join('；')}`,
        { problems: checked.problems },
      );
    }
    const account = await this.identities.register(checked.value, input.password);
    await this.audit.recordStandalone(lookupSubject(account.id, ip), {
      action: 'lookup.account.register',
      targetType: 'lookup_account',
      targetId: account.id,
    });
    return accountView(account);
  }

  async login(account: string, password: string, ip: string): Promise<LookupLoginResult> {
    const found = await this.identities.authenticate(account, password, ip);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.uow.run(async (manager) => {
      await this.accounts.insertSession(manager, {
        tokenHash: tokenDigest(token),
        accountId: found.id,
        lastSeenAt: now,
        ip,
      });
      await this.accounts.recordLogin(manager, found.id, now);
    });
    return { token, account: accountView(found) };
  }

  /**
   * The guard's check: an open session of a lookup account, idle no longer than staff sessions may be. The
   * session is kept a few seconds by LookupSessionCache, only while it needs neither a refresh nor an expiry here.
   */
  async authenticate(token: string, ip: string): Promise<LookupPrincipal> {
    if (!token) throw new DomainError('AUTH_REQUIRED', '请先登录');
    const digest = tokenDigest(token);
    const { session: open } = await this.sessions.open(digest, () => this.accounts.findOpenSession(digest));
    if (!open) throw new DomainError('AUTH_REQUIRED', '请先登录');
    const now = this.clock.now();
    const idleMs = now.getTime() - open.lastSeenAt.getTime();
    if (idleMs > this.config.auth.sessionIdleMinutes * 60_000 || open.disabled) {
      await this.accounts.endSession(open.sessionId, now);
      throw new DomainError('AUTH_SESSION_EXPIRED', '登录已超时，请重新登录');
    }
    // Refresh lastSeenAt at most once a minute, so queries do not each write.
    if (idleMs > TOUCH_INTERVAL_MS) {
      await this.accounts.touchSession(open.sessionId, now);
      this.sessions.refreshed(digest, now);
    }
    return { accountId: open.accountId, type: open.type, name: open.name, identifierHash: open.identifierHash, ip };
  }

  async me(principal: LookupPrincipal): Promise<LookupAccountView> {
    const account = await this.accounts.findById(principal.accountId);
    if (!account) throw new DomainError('AUTH_REQUIRED', '请先登录');
    return accountView(account);
  }

  async logout(token: string): Promise<void> {
    await this.accounts.endSessionByTokenHash(tokenDigest(token), this.clock.now());
  }
}
