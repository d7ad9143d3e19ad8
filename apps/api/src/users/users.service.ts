import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import {
  assignableRoles,
  checkPasswordPolicy,
  DomainError,
  GrantTarget,
  grantableRoles,
  isWithinSubtree,
  mayGrantRoles,
  ROLE_LABELS,
  ROLE_ORGANISATION_LEVELS,
  Role,
  ROLES,
  rolesConflict,
} from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { badInput, forbidden } from '../common/errors/app-errors';
import { defineList, QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../crypto/password-hasher';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { assertPasswordPolicy, throttleKey } from './credentials';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { User } from './entities/user.entity';
import { LoginThrottlesRepository } from './login-throttles.repository';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';
import type { UserView as UserViewContract } from '@app/contracts';

/** The users API's row (libs/contracts), with timestamps as Date until serialised. */
export type UserView = UserViewContract<Date>;

export const USER_LIST = defineList({
  resource: 'users',
  sort: {
    id: 'u.id',
    username: 'u.username',
    displayName: 'u.displayName',
    lastLoginAt: 'u.lastLoginAt',
    createdAt: 'u.createdAt',
  },
  defaultSort: { field: 'id', order: 'ASC' },
  tieBreaker: 'u.id',
  filters: {
    id: { type: 'idList', column: 'u.id' },
    organisationId: { type: 'id', column: 'u.organisationId' },
    // Roles are a JSON array column: matched as the quoted role name below.
    role: { type: 'enum', values: ROLES },
    disabled: { type: 'boolean', column: 'u.disabled' },
    q: { type: 'text', column: ['u.username', 'u.displayName'], op: 'contains' },
  },
});
/** The lockout after an unlock or a password reset: the row is gone, so nothing counts and nothing locks. */
const UNLOCKED = { failures: 0, lockedUntil: null };
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789@#%+=';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttles: LoginThrottlesRepository,
    private readonly uow: UnitOfWork,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: QueryOf<typeof USER_LIST>): Promise<{ rows: UserView[]; total: number }> {
    const { rows, total } = await this.users.listPage(query, actor.organisationPath, query.filter.role);
    return { rows: await this.views(rows), total };
  }

  async get(actor: Actor, id: number): Promise<UserView> {
    const [view] = await this.views([await this.userWithin(actor, id)]);
    return view;
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    if (!dto.displayName.trim()) throw badInput('姓名不能为空');
    const organisation = await this.jurisdiction.organisationWithin(actor, dto.organisationId);
    this.assertRolesAllowed(actor, dto.roles, organisation);
    assertPasswordPolicy(dto.password, dto.username);
    const passwordHash = await hashPassword(dto.password);
    const id = await this.uow.run(async (manager) => {
      // Usernames are unique regardless of case (GD_Admin and gd_admin are one name; login ignores case too).
      if (await this.users.usernameTaken(manager, dto.username)) {
        throw new DomainError('DUPLICATE', `用户名 ${dto.username} 已存在（用户名不区分大小写）`);
      }
      const newId = await this.users.insert(manager, {
        username: dto.username,
        displayName: dto.displayName.trim(),
        roles: dto.roles,
        organisationId: organisation.id,
        email: dto.email ?? null,
        passwordHash,
        // An administrator chose this password: the owner must replace it at first login.
        mustChangePassword: true,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'user.create',
        targetType: 'user',
        targetId: newId,
        after: {
          username: dto.username,
          displayName: dto.displayName,
          roles: dto.roles,
          organisationId: organisation.id,
        },
      });
      return newId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdateUserDto): Promise<UserView> {
    if (dto.roles && new Set(dto.roles).size !== dto.roles.length) throw badInput('角色不能重复');
    if (dto.displayName !== undefined && !dto.displayName.trim()) throw badInput('姓名不能为空');
    const { user: current, organisation: currentOrganisation } = await this.userAndOrganisationWithin(actor, id);
    const organisation =
      dto.organisationId !== undefined && dto.organisationId !== current.organisationId
        ? await this.jurisdiction.organisationWithin(actor, dto.organisationId)
        : currentOrganisation;
    const roles = dto.roles ?? current.roles;
    const rolesChanged = !sameRoles(roles, current.roles);
    const organisationChanged = organisation.id !== current.organisationId;
    if (current.id === actor.userId) {
      // Nobody widens or moves their own account; only name and e-mail are one's own to edit.
      if (rolesChanged || organisationChanged) throw forbidden('不能修改自己的角色或所属机构，请联系上级管理员');
    } else {
      this.assertMayManage(actor, current, currentOrganisation);
      if (rolesChanged || organisationChanged) this.assertRolesAllowed(actor, roles, organisation);
    }
    const changes = {
      ...(dto.displayName !== undefined ? { displayName: dto.displayName.trim() } : {}),
      ...(dto.email !== undefined ? { email: dto.email } : {}),
      roles,
      organisationId: organisation.id,
    };
    await this.uow.run(async (manager) => {
      await this.users.updateVersioned(manager, id, dto.version, changes);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'user.update',
        targetType: 'user',
        targetId: id,
        before: publicFields(current),
        after: { ...publicFields(current), ...changes },
      });
    });
    return this.get(actor, id);
  }

  async setDisabled(actor: Actor, id: number, disabled: boolean): Promise<UserView> {
    const { user, organisation } = await this.userAndOrganisationWithin(actor, id);
    if (user.id === actor.userId) throw forbidden(disabled ? '不能停用自己的账号' : '不能启用自己的账号');
    this.assertMayManage(actor, user, organisation);
    await this.uow.run(async (manager) => {
      await this.users.update(manager, id, { disabled, version: () => 'version + 1' });
      // Disabling ends the person's open sessions at once.
      if (disabled) await this.sessions.endAllOfUser(manager, id, this.clock.now());
      await this.audit.record(manager, subjectOf(actor), {
        action: disabled ? 'user.disable' : 'user.enable',
        targetType: 'user',
        targetId: id,
        before: { disabled: user.disabled },
        after: { disabled },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Issues a one-time temporary password; the owner must change it at next login. The audit trail keeps what the
   * reset changed (the forced change, the version, a lock it lifted), never a password or hash.
   */
  async resetPassword(actor: Actor, id: number): Promise<{ temporaryPassword: string }> {
    const { user, organisation } = await this.userAndOrganisationWithin(actor, id);
    if (user.id === actor.userId) throw forbidden('不能重置自己的密码，请在“账号安全”中修改密码');
    this.assertMayManage(actor, user, organisation);
    const temporaryPassword = temporaryPasswordFor(user.username);
    const passwordHash = await hashPassword(temporaryPassword);
    const lock = await this.lockState(user);
    await this.uow.run(async (manager) => {
      await this.users.update(manager, id, { passwordHash, mustChangePassword: true, version: () => 'version + 1' });
      await this.sessions.endAllOfUser(manager, id, this.clock.now());
      await this.throttles.clear(throttleKey(user.username), manager);
      const after = await this.users.findByIdOrFail(id, manager);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'user.password.reset',
        targetType: 'user',
        targetId: id,
        before: { mustChangePassword: user.mustChangePassword, version: user.version, ...lock },
        after: { mustChangePassword: after.mustChangePassword, version: after.version, ...UNLOCKED },
      });
    });
    return { temporaryPassword };
  }

  /**
   * turns off another person's second factor (a lost or replaced phone), so they log in with the password and
   * may enrol again. Like a password reset it ends all of that person's sessions: whoever holds one may be the
   * reason for the reset. The administrator never sees or sets a secret.
   */
  async resetTotp(actor: Actor, id: number): Promise<UserView> {
    const { user, organisation } = await this.userAndOrganisationWithin(actor, id);
    if (user.id === actor.userId) throw forbidden('不能重置自己的两步验证，请在“账号安全”中停用');
    this.assertMayManage(actor, user, organisation);
    const notEnabled = () => new DomainError('USER_TOTP_NOT_ENABLED', '该用户未启用两步验证，无需重置');
    if (!user.totpEnabled) throw notEnabled();
    await this.uow.run(async (manager) => {
      if (!(await this.users.clearTotp(manager, id))) throw notEnabled();
      await this.sessions.endAllOfUser(manager, id, this.clock.now());
      await this.audit.record(manager, subjectOf(actor), {
        action: 'user.totp.reset',
        targetType: 'user',
        targetId: id,
        before: { totpEnabled: true },
        after: { totpEnabled: false },
      });
    });
    return this.get(actor, id);
  }

  async unlock(actor: Actor, id: number): Promise<UserView> {
    const { user, organisation } = await this.userAndOrganisationWithin(actor, id);
    if (user.id === actor.userId) throw forbidden('不能解锁自己的账号');
    this.assertMayManage(actor, user, organisation);
    const lock = await this.lockState(user);
    await this.uow.run(async (manager) => {
      await this.throttles.clear(throttleKey(user.username), manager);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'user.unlock',
        targetType: 'user',
        targetId: id,
        before: lock,
        after: UNLOCKED,
      });
    });
    return this.get(actor, id);
  }

  /** The account's R-41 lockout as the audit trail records it: failures counted, and the lock's end while it lasts. */
  private async lockState(user: User): Promise<{ failures: number; lockedUntil: Date | null }> {
    const row = await this.throttles.find(throttleKey(user.username));
    const lockedUntil = row?.lockedUntil && row.lockedUntil > this.clock.now() ? row.lockedUntil : null;
    return { failures: row?.failures ?? 0, lockedUntil };
  }

  private async userWithin(actor: Actor, id: number): Promise<User> {
    return (await this.userAndOrganisationWithin(actor, id)).user;
  }

  private async userAndOrganisationWithin(
    actor: Actor,
    id: number,
  ): Promise<{ user: User; organisation: Organisation }> {
    const user = await this.users.findById(id);
    const organisation = user && (await this.organisations.findById(user.organisationId));
    this.jurisdiction.assertWithin(actor, organisation?.path, '用户');
    return { user: user as User, organisation: organisation as Organisation };
  }

  /** Own organisation, one below it, or (outside the jurisdiction) none. */
  private grantTarget(actor: Actor, organisation: Organisation): GrantTarget | null {
    if (organisation.id === actor.organisationId) return 'own';
    return isWithinSubtree(actor.organisationPath, organisation.path) ? 'below' : null;
  }

  /**
   * the one rule for every action on another account (edit, disable, enable, reset password or TOTP, unlock):
   * allowed only if the actor could grant all of the account's roles at the account's organisation.
   */
  private assertMayManage(actor: Actor, user: User, organisation: Organisation): void {
    if (!mayGrantRoles(actor.roles, this.grantTarget(actor, organisation), organisation.level, user.roles)) {
      throw forbidden('您无权管理该用户');
    }
  }

  /** roles must be in the grant table for that organisation, suit its level, and keep duties separate. */
  private assertRolesAllowed(actor: Actor, roles: Role[], organisation: Organisation): void {
    if (new Set(roles).size !== roles.length) throw badInput('角色不能重复');
    const neverGrantable = roles.filter((r) => !assignableRoles(actor.roles).includes(r));
    if (neverGrantable.length) {
      throw forbidden(`您无权授予角色：${neverGrantable.map((r) => ROLE_LABELS[r]).join('、')}`);
    }
    const misplaced = roles.filter((r) => !ROLE_ORGANISATION_LEVELS[r].includes(organisation.level));
    if (misplaced.length) {
      throw new DomainError(
        'ROLE_LEVEL_MISMATCH',
        `角色与所属机构层级不符：${misplaced.map((r) => ROLE_LABELS[r]).join('、')}`,
      );
    }
    const target = this.grantTarget(actor, organisation);
    if (!mayGrantRoles(actor.roles, target, organisation.level, roles)) {
      const grantable = target ? grantableRoles(actor.roles, target) : [];
      const beyond = roles.filter((r) => !grantable.includes(r));
      throw forbidden(
        `您无权在该机构授予角色：${(beyond.length ? beyond : roles).map((r) => ROLE_LABELS[r]).join('、')}`,
      );
    }
    const conflict = rolesConflict(roles);
    if (conflict) throw new DomainError('ROLE_CONFLICT', conflict);
  }

  private async views(users: User[]): Promise<UserView[]> {
    if (users.length === 0) return [];
    const orgName = await this.organisations.namesByIds(users.map((u) => u.organisationId));
    const throttles = await this.throttles.findMany(users.map((u) => throttleKey(u.username)));
    const now = this.clock.now();
    const lockedUntil = new Map(
      throttles.filter((t) => t.lockedUntil && t.lockedUntil > now).map((t) => [t.username, t.lockedUntil]),
    );
    return users.map((u) => ({
      ...publicFields(u),
      organisationName: orgName.get(u.organisationId) ?? '',
      lockedUntil: lockedUntil.get(throttleKey(u.username)) ?? null,
    }));
  }
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function publicFields(u: User) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    organisationId: u.organisationId,
    email: u.email,
    disabled: u.disabled,
    totpEnabled: u.totpEnabled,
    lastLoginAt: u.lastLoginAt,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

/** 12 random characters from an unambiguous alphabet, drawn until they meet the R-41 policy. */
function temporaryPasswordFor(username: string): string {
  for (;;) {
    const candidate = Array.from({ length: 12 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
    if (checkPasswordPolicy(candidate, { username }).length === 0) return candidate;
  }
}
