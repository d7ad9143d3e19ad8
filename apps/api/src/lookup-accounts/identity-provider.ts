import { Inject, Injectable } from '@nestjs/common';
import { DomainError, loginAccountForms, maskIdNumber, type ValidRegistration, clientAddressKey } from '@app/domain';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../crypto/password-hasher';
import { UnitOfWork } from '../database/unit-of-work';
import { assertPasswordPolicy } from '../users/credentials';
import { LoginThrottlesRepository } from '../users/login-throttles.repository';
import { LookupAccount } from './entities/lookup-account.entity';
import { LookupAccountsRepository } from './lookup-accounts.repository';
import { isUniqueViolation } from '../database/unique-violation';

/**
 * where public identities come from. In production this is the 人社用户中心 (the ministry's user centre)
 * single sign-on: it registers and authenticates people and legal entities and hands back a verified identity,
 * which becomes a local account row (docs/decisions.md). The product ships `LocalIdentityProvider`: registration
 * and passwords kept here, with the staff rules for passwords and lockout.
 */
export interface IdentityProvider {
  /** Creates an account for a validated registration; 409 when its identifier or mobile number is taken. */
  register(registration: ValidRegistration, password: string): Promise<LookupAccount>;
  /** The account the credentials belong to; 401 / 423 / 429 as for staff logins. */
  authenticate(account: string, password: string, ip: string): Promise<LookupAccount>;
}

export const IDENTITY_PROVIDER = Symbol('IdentityProvider');

const invalidCredentials = () => new DomainError('AUTH_INVALID_CREDENTIALS', '账号或密码错误');

/** Mobile numbers are hashed apart from identifiers, so a number can never match the other kind of field. */
export const mobileIndexInput = (mobile: string) => `mobile:${mobile}`;

/** Throttle keys live in the staff tables (64 and 45 characters) under their own prefix. */
const accountKey = (id: number) => `lookup:account:${id}`;
const unknownKey = (hash: string) => `lookup:unknown:${hash.slice(0, 48)}`;
const addressKey = (ip: string) => `lookup:${clientAddressKey(ip)}`.slice(0, 45);

@Injectable()
export class LocalIdentityProvider implements IdentityProvider {
  constructor(
    private readonly accounts: LookupAccountsRepository,
    private readonly throttles: LoginThrottlesRepository,
    private readonly cipher: FieldCipher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(registration: ValidRegistration, password: string): Promise<LookupAccount> {
    // R-41 as for staff; the mobile number stands in for the username the password must not contain.
    assertPasswordPolicy(password, registration.mobile);
    const identifierHash = this.cipher.blindIndex(registration.identifier);
    const mobileHash = this.cipher.blindIndex(mobileIndexInput(registration.mobile));
    const taken = await this.accounts.taken(identifierHash, mobileHash);
    if (taken.identifier || taken.mobile) throw this.exists(taken.identifier);
    const row = {
      type: registration.type,
      name: registration.name,
      idType: registration.type === 'person' ? registration.idType : null,
      identifierEnc: this.cipher.encrypt(registration.identifier),
      identifierHash,
      identifierMasked: maskIdNumber(registration.identifier),
      contactName: registration.type === 'legal_entity' ? registration.contactName : null,
      mobileEnc: this.cipher.encrypt(registration.mobile),
      mobileHash,
      mobileMasked: `${registration.mobile.slice(0, 3)}****${registration.mobile.slice(-4)}`,
      passwordHash: await hashPassword(password),
      disabled: false,
      lastLoginAt: null,
    };
    try {
      const id = await this.uow.run((manager) => this.accounts.insert(manager, row));
      return (await this.accounts.findById(id)) as LookupAccount;
    } catch (error) {
      // Two registrations of one identifier at once: the unique indexes keep one.
      if (isUniqueViolation(error)) throw this.exists(true);
      throw error;
    }
  }

  /**
   * R-41 rules as for staff: a slot per client address and one per account are claimed in the database before the
   * password is checked (so parallel attempts cannot exceed the thresholds); the lockout answers the same for
   * unknown accounts. The counters are the staff login's, under keys of their own.
   */
  async authenticate(account: string, password: string, ip: string): Promise<LookupAccount> {
    const forms = loginAccountForms(account);
    const identifierHash = this.cipher.blindIndex(forms.identifier);
    const mobileHash = forms.mobile ? this.cipher.blindIndex(mobileIndexInput(forms.mobile)) : null;
    const now = this.clock.now();
    const { lockoutThreshold, lockoutMinutes, addressFailureLimit, addressWindowMinutes } = this.config.auth;
    const window = lockoutMinutes * 60_000;
    const address = addressKey(ip);
    if (!(await this.throttles.claimAddressSlot(address, now, addressFailureLimit, addressWindowMinutes * 60_000))) {
      throw new DomainError('AUTH_TOO_MANY_FAILURES_FROM_ADDRESS', '该网络地址登录失败次数过多，请稍后再试');
    }
    const found = await this.accounts.findByLoginHashes(identifierHash, mobileHash);
    // A mobile number typed as the account means that account's mobile number first.
    const match = found.find((a) => a.mobileHash === mobileHash) ?? found[0] ?? null;
    const key = match ? accountKey(match.id) : unknownKey(identifierHash);
    if (!(await this.throttles.claimAttempt(key, now, lockoutThreshold, window))) {
      const row = await this.throttles.find(key);
      throw this.locked(row?.lockedUntil ?? new Date(now.getTime() + window));
    }
    const ok = await verifyPassword(password, match?.passwordHash ?? DUMMY_HASH);
    if (!match || !ok || match.disabled) {
      await this.throttles.lockIfReached(key, lockoutThreshold, new Date(now.getTime() + window));
      const row = await this.throttles.find(key);
      if (row?.lockedUntil && row.lockedUntil > now) throw this.locked(row.lockedUntil);
      throw invalidCredentials();
    }
    await this.throttles.releaseAddressSlot(address);
    await this.throttles.clear(key);
    return match;
  }

  private locked(until: Date): DomainError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - this.clock.now().getTime()) / 60_000));
    return new DomainError('AUTH_ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  }

  private exists(identifier: boolean): DomainError {
    return new DomainError(
      'LOOKUP_ACCOUNT_EXISTS',
      identifier ? '该证件号码（统一社会信用代码）已注册，请直接登录' : '该手机号码已注册，请直接登录或更换手机号码',
    );
  }
}
