import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError, clientAddressKey } from '@app/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Actor, AuditSubject, subjectOf } from '../common/actor/actor';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { User } from '../users/entities/user.entity';
import { assertPasswordPolicy, throttleKey } from '../users/credentials';
import { LoginThrottlesRepository } from '../users/login-throttles.repository';
import { SessionsRepository } from '../users/sessions.repository';
import { UsersRepository } from '../users/users.repository';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../crypto/password-hasher';
import type { AuthenticatedSession } from './principal-cache';
import { totp } from './totp';
import type { SessionUser } from '@app/contracts';

export type { SessionUser } from '@app/contracts';

const invalidCredentials = () => new DomainError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误');
const sessionExpired = () => new DomainError('AUTH_SESSION_EXPIRED', '登录已超时，请重新登录');
/** Refresh lastSeenAt at most this often, so every request does not write. */
export const TOUCH_INTERVAL_MS = 60_000;

const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly throttles: LoginThrottlesRepository,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * password, lockout after repeated failures, and the TOTP second factor when enabled. Every attempt
   * first claims a slot in the database — per client address and per username — before any password is
   * checked, so parallel requests cannot run more checks than the thresholds allow.
   */
  async login(username: string, password: string, totpCode: string | undefined, ip: string) {
    const name = username.trim();
    const key = throttleKey(name);
    const now = this.clock.now();
    const subject: AuditSubject = { userId: null, username: name, organisationId: null, roles: [], ip };
    if (!(await this.claimAddressSlot(ip, now))) {
      await this.audit.recordStandalone(subject, {
        action: 'auth.login',
        outcome: 'failure',
        detail: 'AUTH_TOO_MANY_FAILURES_FROM_ADDRESS',
      });
      throw new DomainError('AUTH_TOO_MANY_FAILURES_FROM_ADDRESS', '该网络地址登录失败次数过多，请稍后再试');
    }
    const claim = await this.claimAttempt(key, now);
    if (!claim.ok) {
      await this.audit.recordStandalone(subject, {
        action: 'auth.login',
        outcome: 'failure',
        detail: 'AUTH_ACCOUNT_LOCKED',
      });
      throw this.lockedError(claim.lockedUntil);
    }
    const user = await this.users.findByUsername(name);
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !passwordOk || user.disabled) {
      const lockedUntil = await this.failAttempt(key, now);
      await this.audit.recordStandalone(
        { ...subject, userId: user?.id ?? null, organisationId: user?.organisationId ?? null },
        // A checked, wrong password is always recorded as such: the rows count the password checks.
        { action: 'auth.login', outcome: 'failure', detail: 'AUTH_INVALID_CREDENTIALS' },
      );
      if (lockedUntil) throw this.lockedError(lockedUntil);
      throw invalidCredentials();
    }
    if (user.totpEnabled) {
      if (!totpCode) {
        // The password was right; asking for the second factor is not a failed attempt.
        await this.releaseAttempt(key);
        await this.releaseAddressSlot(ip);
        throw new DomainError('AUTH_TOTP_REQUIRED', '请输入两步验证动态码');
      }
      if (!(await this.acceptTotp(user, totpCode))) {
        const lockedUntil = await this.failAttempt(key, now);
        await this.audit.recordStandalone(
          { ...subject, userId: user.id, organisationId: user.organisationId },
          { action: 'auth.login', outcome: 'failure', detail: 'AUTH_TOTP_INVALID' },
        );
        if (lockedUntil) throw this.lockedError(lockedUntil);
        throw new DomainError('AUTH_TOTP_INVALID', '动态码错误、已过期或已使用过');
      }
    }
    const token = randomBytes(32).toString('base64url');
    await this.releaseAddressSlot(ip);
    await this.uow.run(async (manager) => {
      await this.throttles.clear(key, manager);
      await this.sessions.insert(manager, { tokenHash: tokenDigest(token), userId: user.id, lastSeenAt: now, ip });
      // Logging in is not an edit of the account: the version stays.
      await this.users.update(manager, user.id, { lastLoginAt: now, version: () => 'version' });
      await this.audit.record(
        manager,
        { userId: user.id, username: user.username, organisationId: user.organisationId, roles: user.roles, ip },
        { action: 'auth.login', targetType: 'user', targetId: user.id },
      );
    });
    return { token, user: await this.sessionUser(user) };
  }

  /** Resolves a bearer token to the acting person; R-41 idle sessions end after the configured minutes. */
  async authenticate(token: string, ip: string): Promise<Actor> {
    return (await this.authenticateSession(token, ip)).actor;
  }

  /** As `authenticate`, also telling whether the account must change its password before anything else. */
  async authenticateSession(token: string, ip: string): Promise<AuthenticatedSession> {
    const session = await this.sessions.findOpenByTokenHash(tokenDigest(token));
    if (!session) throw new DomainError('AUTH_REQUIRED', '请先登录');
    const now = this.clock.now();
    const idleMs = now.getTime() - session.lastSeenAt.getTime();
    if (idleMs > this.config.auth.sessionIdleMinutes * 60_000) {
      await this.uow.run((manager) => this.sessions.end(manager, session.id, now));
      throw sessionExpired();
    }
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) throw sessionExpired();
    const organisation = await this.organisations.findByIdOrFail(user.organisationId);
    if (idleMs > TOUCH_INTERVAL_MS) {
      await this.uow.run((manager) => this.sessions.touch(manager, session.id, now));
    }
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      organisationId: organisation.id,
      organisationPath: organisation.path,
      organisationLevel: organisation.level,
      ip,
    };
    return {
      actor,
      mustChangePassword: user.mustChangePassword,
      lastSeenAt: idleMs > TOUCH_INTERVAL_MS ? now : session.lastSeenAt,
    };
  }

  async logout(token: string, actor: Actor): Promise<void> {
    await this.uow.run(async (manager) => {
      await this.sessions.endByTokenHash(manager, tokenDigest(token), this.clock.now());
      await this.audit.record(manager, subjectOf(actor), {
        action: 'auth.logout',
        targetType: 'user',
        targetId: actor.userId,
      });
    });
  }

  async me(actor: Actor): Promise<SessionUser> {
    return this.sessionUser(await this.users.findByIdOrFail(actor.userId));
  }

  /**
   * wrong current passwords count toward the account's lockout like failed logins (423 once locked).
   * A successful change ends every other session of the account; the current one stays.
   */
  async changePassword(
    actor: Actor,
    currentToken: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.users.findByIdOrFail(actor.userId);
    const key = throttleKey(user.username);
    const now = this.clock.now();
    const claim = await this.claimAttempt(key, now);
    if (!claim.ok) throw this.lockedError(claim.lockedUntil);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      const lockedUntil = await this.failAttempt(key, now);
      await this.audit.recordStandalone(subjectOf(actor), {
        action: 'auth.password.change',
        targetType: 'user',
        targetId: user.id,
        outcome: 'failure',
        detail: lockedUntil ? 'AUTH_ACCOUNT_LOCKED' : 'AUTH_WRONG_PASSWORD',
      });
      if (lockedUntil) throw this.lockedError(lockedUntil);
      throw new DomainError('AUTH_WRONG_PASSWORD', '当前密码不正确');
    }
    await this.throttles.clear(key);
    assertPasswordPolicy(newPassword, user.username);
    if (await verifyPassword(newPassword, user.passwordHash)) {
      throw new DomainError('PASSWORD_POLICY', '新密码不能与当前密码相同');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.uow.run(async (manager) => {
      await this.users.update(manager, user.id, { passwordHash, mustChangePassword: false });
      await this.sessions.endOthersOfUser(manager, user.id, tokenDigest(currentToken), now);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'auth.password.change',
        targetType: 'user',
        targetId: user.id,
      });
    });
  }

  /**
   * Starts TOTP enrolment: a new secret (kept encrypted, not yet active) and its QR code for the console. The
   * current password is required, as for every change of the second factor: a session left open must not let
   * someone else bind the account to their own authenticator.
   */
  async setupTotp(actor: Actor, currentPassword: string) {
    const user = await this.users.findByIdOrFail(actor.userId);
    if (user.totpEnabled) throw new DomainError('TOTP_ALREADY_ENABLED', '两步验证已启用，如需更换请先停用');
    await this.checkTotpThrottled(actor, user, 'auth.totp.setup', { currentPassword });
    const secret = totp.newSecret();
    const otpauthUrl = totp.uri(this.config.auth.totpIssuer, user.username, secret);
    await this.uow.run(async (manager) => {
      await this.users.update(manager, user.id, { totpSecretEnc: this.cipher.encrypt(secret) });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'auth.totp.setup',
        targetType: 'user',
        targetId: user.id,
      });
    });
    return { secret, otpauthUrl, qrDataUrl: await totp.qrDataUrl(otpauthUrl) };
  }

  async enableTotp(actor: Actor, currentPassword: string, code: string): Promise<void> {
    const user = await this.users.findByIdOrFail(actor.userId);
    if (user.totpEnabled) throw new DomainError('TOTP_ALREADY_ENABLED', '两步验证已启用，如需更换请先停用');
    if (!user.totpSecretEnc) throw new DomainError('TOTP_NOT_SET_UP', '请先生成两步验证二维码');
    await this.checkTotpThrottled(actor, user, 'auth.totp.enable', { currentPassword, code });
    await this.uow.run(async (manager) => {
      await this.users.update(manager, user.id, { totpEnabled: true });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'auth.totp.enable',
        targetType: 'user',
        targetId: user.id,
        before: { totpEnabled: false },
        after: { totpEnabled: true },
      });
    });
  }

  async disableTotp(actor: Actor, currentPassword: string, code: string): Promise<void> {
    const user = await this.users.findByIdOrFail(actor.userId);
    if (!user.totpEnabled || !user.totpSecretEnc) throw new DomainError('TOTP_NOT_ENABLED', '两步验证未启用');
    await this.checkTotpThrottled(actor, user, 'auth.totp.disable', { currentPassword, code });
    await this.uow.run(async (manager) => {
      await this.users.update(manager, user.id, { totpEnabled: false, totpSecretEnc: null });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'auth.totp.disable',
        targetType: 'user',
        targetId: user.id,
        before: { totpEnabled: true },
        after: { totpEnabled: false },
      });
    });
  }

  /**
   * changing the second factor proves the current password and, when `code` is given, a fresh TOTP code.
   * One slot of the account's lockout is claimed per request, before either is checked; a wrong password or a
   * wrong code counts as a failure (423 once locked, which also refuses login), and a right pair gives the slot
   * back. Unlike 修改密码, a right password does not clear earlier failures here: otherwise someone holding the
   * password and a session could try codes without end.
   */
  private async checkTotpThrottled(
    actor: Actor,
    user: User,
    action: string,
    proof: { currentPassword: string; code?: string },
  ): Promise<void> {
    const key = throttleKey(user.username);
    const now = this.clock.now();
    const claim = await this.claimAttempt(key, now);
    if (!claim.ok) throw this.lockedError(claim.lockedUntil);
    let failure: 'AUTH_WRONG_PASSWORD' | 'TOTP_CODE_INVALID' | null = null;
    if (!(await verifyPassword(proof.currentPassword, user.passwordHash))) failure = 'AUTH_WRONG_PASSWORD';
    else if (proof.code !== undefined && !(await this.acceptTotp(user, proof.code))) failure = 'TOTP_CODE_INVALID';
    if (failure === null) {
      await this.releaseAttempt(key);
      return;
    }
    const lockedUntil = await this.failAttempt(key, now);
    await this.audit.recordStandalone(subjectOf(actor), {
      action,
      targetType: 'user',
      targetId: user.id,
      outcome: 'failure',
      detail: lockedUntil ? 'AUTH_ACCOUNT_LOCKED' : failure,
    });
    if (lockedUntil) throw this.lockedError(lockedUntil);
    if (failure === 'AUTH_WRONG_PASSWORD') throw new DomainError('AUTH_WRONG_PASSWORD', '当前密码不正确');
    // Not a 401: the person is logged in; only the code they typed is wrong.
    throw new DomainError('TOTP_CODE_INVALID', '动态码错误、已过期或已使用过');
  }

  /**
   * a TOTP code is accepted once. Its time step must be later than the last one accepted for the
   * account; the conditional UPDATE makes that hold for parallel requests too.
   */
  private async acceptTotp(user: User, code: string): Promise<boolean> {
    const step = await totp.matchStep(this.cipher.decrypt(user.totpSecretEnc ?? ''), code);
    if (step === null) return false;
    return this.users.acceptTotpStep(user.id, step);
  }

  /**
   * R-41 lockout, counted atomically in the database: a slot is claimed (failures + 1 while below the
   * threshold) before the password is checked. A finished lockout, or failures older than the lockout
   * window, start over. Refused claims report when the lock ends.
   */
  private async claimAttempt(key: string, now: Date): Promise<{ ok: true } | { ok: false; lockedUntil: Date }> {
    const { lockoutThreshold, lockoutMinutes } = this.config.auth;
    const window = lockoutMinutes * 60_000;
    if (await this.throttles.claimAttempt(key, now, lockoutThreshold, window)) return { ok: true };
    const row = await this.throttles.find(key);
    // The last slots may still be in flight (lock not yet written): refused all the same.
    return { ok: false, lockedUntil: row?.lockedUntil ?? new Date(now.getTime() + window) };
  }

  /** The claimed attempt failed: once the threshold is reached the account locks. Returns the lock's end, if locked. */
  private async failAttempt(key: string, now: Date): Promise<Date | null> {
    const { lockoutThreshold, lockoutMinutes } = this.config.auth;
    await this.throttles.lockIfReached(key, lockoutThreshold, new Date(now.getTime() + lockoutMinutes * 60_000));
    const row = await this.throttles.find(key);
    return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  }

  /** Gives back a claimed slot that turned out not to be a failure. */
  private releaseAttempt(key: string): Promise<void> {
    return this.throttles.releaseAttempt(key);
  }

  /**
   * R-41 per-address limit: a fixed window of `addressWindowMinutes` holding at most `addressFailureLimit`
   * failed logins; the slot is claimed before the password is checked and given back on success.
   */
  private claimAddressSlot(ip: string, now: Date): Promise<boolean> {
    const { addressFailureLimit, addressWindowMinutes } = this.config.auth;
    return this.throttles.claimAddressSlot(
      clientAddressKey(ip),
      now,
      addressFailureLimit,
      addressWindowMinutes * 60_000,
    );
  }

  private releaseAddressSlot(ip: string): Promise<void> {
    return this.throttles.releaseAddressSlot(clientAddressKey(ip));
  }

  private lockedError(until: Date): DomainError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - this.clock.now().getTime()) / 60_000));
    return new DomainError(
      'AUTH_ACCOUNT_LOCKED',
      `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
    );
  }

  private async sessionUser(user: User): Promise<SessionUser> {
    const organisation = await this.organisations.findByIdOrFail(user.organisationId);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      organisationId: organisation.id,
      organisationName: organisation.name,
      organisationLevel: organisation.level,
      totpEnabled: user.totpEnabled,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
