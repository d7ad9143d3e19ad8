import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Role } from '@app/domain';
import { applyFilters, ListQuery } from '../common/http/list-query';
import { RawSelect } from '../database/raw-select';
import { versionedUpdate } from '../database/versioned-update';
import { restrictToSubtree } from '../database/subtree';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from './entities/user.entity';

type NewUser = Pick<
  User,
  'username' | 'displayName' | 'roles' | 'organisationId' | 'email' | 'passwordHash' | 'mustChangePassword'
>;

/** Staff accounts. Usernames are unique regardless of case, so every lookup by name ignores case. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  /** 姓名（用户名） of these accounts, in one read (the audit log names its targets a page at a time). */
  async labelsByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: number | string; displayName: string; username: string }[] = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .addSelect('u.displayName', 'displayName')
      .addSelect('u.username', 'username')
      .where('u.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.id), `${r.displayName}（${r.username}）`]));
  }

  /** `manager`: read inside a transaction, e.g. the row as an update in it left it. */
  findByIdOrFail(id: number, manager: EntityManager = this.dataSource.manager): Promise<User> {
    return manager.getRepository(User).findOneByOrFail({ id });
  }

  /** The account named `username`, whatever its case (GD_Admin and gd_admin are one name). */
  findByUsername(username: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('LOWER(u.username) = :name', { name: username.toLowerCase() })
      .getOne();
  }

  usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('LOWER(u.username) = :name', { name: username.toLowerCase() })
      .getExists();
  }

  /**
   * One page of the accounts whose organisation lies in the subtree at `subtreePath`; `role` matches one
   * entry of the JSON roles array by its quoted name.
   */
  listPage(query: ListQuery, subtreePath: string, role?: Role): Promise<{ rows: User[]; total: number }> {
    const select = new RawSelect(this.dataSource, User, 'u').innerJoin(Organisation, 'o', 'o.id = u.organisationId');
    restrictToSubtree(select, 'o.path', subtreePath);
    applyFilters(select, query);
    if (role) select.andWhere('u.roles LIKE :role', { role: `%"${role}"%` });
    return select.page(query);
  }

  async insert(manager: EntityManager, row: NewUser): Promise<number> {
    const inserted = await manager.getRepository(User).insert(row);
    return Number(inserted.identifiers[0].id);
  }

  /**
   * A change that is not an edit of the account as the administrator saw it (login time, TOTP, password). The
   * version column follows TypeORM's default (bumped) unless `changes` sets it, e.g. `version: () => 'version'`.
   */
  async update(manager: EntityManager, id: number, changes: QueryDeepPartialEntity<User>): Promise<void> {
    await manager.getRepository(User).update({ id }, changes);
  }

  /** R-42 optimistic locking: 409 STALE_VERSION when someone else changed the account first. */
  updateVersioned(
    manager: EntityManager,
    id: number,
    version: number,
    changes: QueryDeepPartialEntity<User>,
  ): Promise<void> {
    return versionedUpdate(manager, User, { id, version }, changes);
  }

  /**
   * Turns the account's second factor off and forgets its secret and last accepted step (an administrator's reset,
   * e.g. a lost phone), bumping the version. Only while it is on: false when it was not (also when a parallel
   * request turned it off first), so a reset is never recorded for nothing.
   */
  async clearTotp(manager: EntityManager, id: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(User)
      .set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null, version: () => 'version + 1' })
      .where('id = :id AND totp_enabled = :enabled', { id, enabled: true })
      .execute();
    return result.affected === 1;
  }

  /**
   * records TOTP time step `step` as used, only if it is later than the last one accepted. False when a code
   * of this or a later step was accepted before (also by a parallel request): each code works once.
   */
  async acceptTotpStep(id: number, step: number): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(User)
      .set({ totpLastStep: step, version: () => 'version' })
      .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id, step })
      .execute();
    return result.affected === 1;
  }
}
