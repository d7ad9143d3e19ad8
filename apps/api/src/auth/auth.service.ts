import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { DataSource, IsNull, Repository } from 'typeorm';
import { checkPasswordPolicy, DomainError, OrganisationLevel } from '@app/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Actor, AuditSubject, subjectOf } from '../common/actor/actor';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';
import { LoginThrottle } from './entities/login-throttle.entity';
import { Session } from './entities/session.entity';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hasher';
import { totp } from './totp';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  organisationId: number;
  organisationName: string;
  organisationLevel: OrganisationLevel;
  totpEnabled: boolean;
  mustChangePassword: boolean;
}

const invalidCredentials = () => new DomainError('AUTH_INVALID_CREDENTIALS', '用户名或密码错误');
const sessionExpired = () => new DomainError('AUTH_SESSION_EXPIRED', '登录已超时，请重新登录');
/** Refresh lastSeenAt at most this often, so every request does not write. */
const TOUCH_INTERVAL_MS = 60_000;

const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  /** password, lockout after repeated failures, and the TOTP second factor when enabled. */
  async login(username: string, password: string, totpCode: string | undefined, ip: string) {
    const name = username.trim();
    const now = this.clock.now();
    const throttle = await this.dataSource.getRepository(LoginThrottle).findOneBy({ username: name });
    const subject: AuditSubject = { userId: null, username: name, organisationId: null, roles: [], ip };
    if (throttle?.lockedUntil && throttle.lockedUntil > now) {
      await this.audit.recordStandalone(subject, { action: 'auth.login', outcome: 'failure', detail: 'AUTH_ACCOUNT_LOCKED' });
      throw this.lockedError(throttle.lockedUntil);
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ username: name });
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !passwordOk || user.disabled) {
      const lockedUntil = await this.registerFailure(name, now);
      await this.audit.recordStandalone(
        { ...subject, userId: user?.id ?? null, organisationId: user?.organisationId ?? null },
        { action: 'auth.login', outcome: 'failure', detail: lockedUntil ? 'AUTH_ACCOUNT_LOCKED' : 'AUTH_INVALID_CREDENTIALS' },
      );
      if (lockedUntil) throw this.lockedError(lockedUntil);
      throw invalidCredentials();
    }
    if (user.totpEnabled) {
      if (!totpCode) throw new DomainError('AUTH_TOTP_REQUIRED', '请输入两步验证动态码');
      const ok = await totp.check(this.cipher.decrypt(user.totpSecretEnc ?? ''), totpCode);
      if (!ok) {
        const lockedUntil = await this.registerFailure(name, now);
        await this.audit.recordStandalone(
          { ...subject, userId: user.id, organisationId: user.organisationId },
          { action: 'auth.login', outcome: 'failure', detail: 'AUTH_TOTP_INVALID' },
        );
        if (lockedUntil) throw this.lockedError(lockedUntil);
        throw new DomainError('AUTH_TOTP_INVALID', '动态码错误或已过期');
      }
    }
    const token = randomBytes(32).toString('base64url');
    await this.uow.run(async (manager) => {
      await manager.getRepository(LoginThrottle).delete({ username: name });
      await manager.getRepository(Session).insert({ tokenHash: tokenDigest(token), userId: user.id, lastSeenAt: now, ip });
      await manager.getRepository(User).update({ id: user.id }, { lastLoginAt: now });
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
    const sessions = this.dataSource.getRepository(Session);
    const session = await sessions.findOneBy({ tokenHash: tokenDigest(token), endedAt: IsNull() });
    if (!session) throw new DomainError('AUTH_REQUIRED', '请先登录');
    const now = this.clock.now();
    const idleMs = now.getTime() - session.lastSeenAt.getTime();
    if (idleMs > this.config.auth.sessionIdleMinutes * 60_000) {
      await this.uow.run((manager) => manager.getRepository(Session).update({ id: session.id }, { endedAt: now }));
      throw sessionExpired();
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ id: session.userId });
    if (!user || user.disabled) throw sessionExpired();
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: user.organisationId });
    if (idleMs > TOUCH_INTERVAL_MS) {
      await this.uow.run((manager) => manager.getRepository(Session).update({ id: session.id }, { lastSeenAt: now }));
    }
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      organisationId: organisation.id,
      organisationPath: organisation.path,
      organisationLevel: organisation.level,
      ip,
    };
  }

  async logout(token: string, actor: Actor): Promise<void> {
    await this.uow.run(async (manager) => {
      await manager.getRepository(Session).update({ tokenHash: tokenDigest(token) }, { endedAt: this.clock.now() });
      await this.audit.record(manager, subjectOf(actor), { action: 'auth.logout', targetType: 'user', targetId: actor.userId });
    });
  }

  async me(actor: Actor): Promise<SessionUser> {
    return this.sessionUser(await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId }));
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const users = this.dataSource.getRepository(User);
    const user = await users.findOneByOrFail({ id: actor.userId });
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new DomainError('AUTH_WRONG_PASSWORD', '当前密码不正确');
    }
    assertPasswordPolicy(newPassword, user.username);
    if (await verifyPassword(newPassword, user.passwordHash)) {
      throw new DomainError('PASSWORD_POLICY', '新密码不能与当前密码相同');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.uow.run(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { passwordHash, mustChangePassword: false });
      await this.audit.record(manager, subjectOf(actor), { action: 'auth.password.change', targetType: 'user', targetId: user.id });
    });
  }

  /** Starts TOTP enrolment: a new secret (kept encrypted, not yet active) and its QR code for the console. */
  async setupTotp(actor: Actor) {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    if (user.totpEnabled) throw new DomainError('TOTP_ALREADY_ENABLED', '两步验证已启用，如需更换请先停用');
    const secret = totp.newSecret();
    const otpauthUrl = totp.uri(this.config.auth.totpIssuer, user.username, secret);
    await this.uow.run((manager) => manager.getRepository(User).update({ id: user.id }, { totpSecretEnc: this.cipher.encrypt(secret) }));
    return { secret, otpauthUrl, qrDataUrl: await totp.qrDataUrl(otpauthUrl) };
  }

  async enableTotp(actor: Actor, code: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    if (!user.totpSecretEnc) throw new DomainError('TOTP_NOT_SET_UP', '请先生成两步验证二维码');
    if (!(await totp.check(this.cipher.decrypt(user.totpSecretEnc), code))) {
      // Not a 401: the person is logged in; only the code they typed is wrong.
      throw new DomainError('TOTP_CODE_INVALID', '动态码错误或已过期');
    }
    await this.uow.run(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { totpEnabled: true });
      await this.audit.record(manager, subjectOf(actor), { action: 'auth.totp.enable', targetType: 'user', targetId: user.id });
    });
  }

  async disableTotp(actor: Actor, code: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    if (!user.totpEnabled || !user.totpSecretEnc) throw new DomainError('TOTP_NOT_ENABLED', '两步验证未启用');
    if (!(await totp.check(this.cipher.decrypt(user.totpSecretEnc), code))) {
      // Not a 401: the person is logged in; only the code they typed is wrong.
      throw new DomainError('TOTP_CODE_INVALID', '动态码错误或已过期');
    }
    await this.uow.run(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { totpEnabled: false, totpSecretEnc: null });
      await this.audit.record(manager, subjectOf(actor), { action: 'auth.totp.disable', targetType: 'user', targetId: user.id });
    });
  }

  private registerFailure(username: string, now: Date): Promise<Date | null> {
    return this.uow.run((manager) => this.countFailure(manager.getRepository(LoginThrottle), username, now));
  }

  private async countFailure(repo: Repository<LoginThrottle>, username: string, now: Date): Promise<Date | null> {
    const { lockoutThreshold, lockoutMinutes } = this.config.auth;
    // Failures older than the lockout window no longer count.
    const existing = await repo.findOneBy({ username });
    const stale = existing && now.getTime() - existing.lastFailureAt.getTime() > lockoutMinutes * 60_000;
    const failures = (stale || !existing ? 0 : existing.failures) + 1;
    const lockedUntil = failures >= lockoutThreshold ? new Date(now.getTime() + lockoutMinutes * 60_000) : null;
    await repo.save({ username, failures: lockedUntil ? 0 : failures, lockedUntil, lastFailureAt: now });
    return lockedUntil;
  }

  private lockedError(until: Date): DomainError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - this.clock.now().getTime()) / 60_000));
    return new DomainError('AUTH_ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`);
  }

  private async sessionUser(user: User): Promise<SessionUser> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: user.organisationId });
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

/** R-41 password policy, refused with every problem named. */
export function assertPasswordPolicy(password: string, username: string): void {
  const problems = checkPasswordPolicy(password, { username });
  if (problems.length > 0) throw new DomainError('PASSWORD_POLICY', `密码不符合要求：${problems.join('；')}`);
}
