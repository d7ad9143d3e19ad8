import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Role } from '@app/domain';
import { applyFilters, type QueryOf } from '../common/http/list-query';
import { RawSelect } from '../database/raw-select';
import { restrictToSubtree } from '../database/subtree';
import { versionedUpdate } from '../database/versioned-update';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';
import type { DATA_ADMIN_LIST } from './data-admin-list';
import { DataAdministrator } from './entities/data-administrator.entity';

export type NewDataAdministrator = Pick<
  DataAdministrator,
  | 'organisationId'
  | 'orgPath'
  | 'userId'
  | 'name'
  | 'position'
  | 'officePhone'
  | 'mobileEnc'
  | 'mobileMasked'
  | 'qq'
  | 'publicContact'
  | 'registeredById'
  | 'registeredAt'
>;

/** A municipal centre with no active data administrator, and its registrations awaiting approval. */
export interface CoverageGapRow {
  id: number;
  name: string;
  regionCode: string;
  parentId: number | null;
  pending: number;
}

/** Every query of the data administrators. Jurisdiction is the centre's path (`org_path`). */
@Injectable()
export class DataAdminsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<DataAdministrator | null> {
    return manager.getRepository(DataAdministrator).findOneBy({ id });
  }

  /** A page within the subtree at `subtreePath`. */
  listPage(
    query: QueryOf<typeof DATA_ADMIN_LIST>,
    subtreePath: string,
  ): Promise<{ rows: DataAdministrator[]; total: number }> {
    const select = new RawSelect(this.dataSource, DataAdministrator, 'd');
    restrictToSubtree(select, 'd.orgPath', subtreePath);
    applyFilters(select, query);
    return select.page(query);
  }

  findByIds(ids: readonly number[]): Promise<DataAdministrator[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(DataAdministrator).findBy({ id: In(unique) });
  }

  /** Every record of a centre, newest first (its history). */
  ofCentre(organisationId: number): Promise<DataAdministrator[]> {
    return this.dataSource.getRepository(DataAdministrator).find({ where: { organisationId }, order: { id: 'DESC' } });
  }

  activeOf(manager: EntityManager, organisationId: number): Promise<DataAdministrator | null> {
    return manager.getRepository(DataAdministrator).findOneBy({ activeOrganisationId: organisationId });
  }

  pendingOfUser(manager: EntityManager, organisationId: number, userId: number): Promise<DataAdministrator | null> {
    return manager.getRepository(DataAdministrator).findOneBy({ organisationId, userId, status: 'pending' });
  }

  async insert(manager: EntityManager, row: NewDataAdministrator): Promise<number> {
    const { identifiers } = await manager.getRepository(DataAdministrator).insert({ ...row, status: 'pending' });
    return Number(identifiers[0].id);
  }

  /** The decision on a pending record the user saw at `version` (409 STALE_VERSION otherwise). */
  decide(manager: EntityManager, id: number, version: number, changes: Partial<DataAdministrator>): Promise<void> {
    return versionedUpdate(manager, DataAdministrator, { id, version, status: 'pending' }, changes);
  }

  /** The handover's other half: the centre's active record passes the duty on (409 if it is no longer active). */
  replace(manager: EntityManager, active: DataAdministrator, successorId: number, at: Date): Promise<void> {
    return versionedUpdate(
      manager,
      DataAdministrator,
      { id: active.id, version: active.version, status: 'active' },
      { status: 'replaced', activeOrganisationId: null, replacedAt: at, successorId },
    );
  }

  /**
   * The municipal centres within the subtree at `subtreePath` that have no active administrator, with their pending
   * registrations, in one statement.
   */
  async coverageGaps(subtreePath: string): Promise<CoverageGapRow[]> {
    const qb = this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .addSelect('o.name', 'name')
      .addSelect('o.regionCode', 'regionCode')
      .addSelect('o.parentId', 'parentId')
      .addSelect(
        (sub) =>
          sub.select('COUNT(*)').from(DataAdministrator, 'p').where("p.organisationId = o.id AND p.status = 'pending'"),
        'pending',
      )
      .where("o.level = 'municipal'")
      .andWhere((w) => {
        const sub = w
          .subQuery()
          .select('1')
          .from(DataAdministrator, 'a')
          .where('a.activeOrganisationId = o.id')
          .getQuery();
        return `NOT EXISTS ${sub}`;
      })
      .orderBy('o.regionCode')
      .addOrderBy('o.id');
    restrictToSubtree(qb, 'o.path', subtreePath);
    const rows: Record<string, unknown>[] = await qb.getRawMany();
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      regionCode: String(r.regionCode),
      parentId: r.parentId === null ? null : Number(r.parentId),
      pending: Number(r.pending),
    }));
  }

  /** Display names of accounts, in one read. */
  async userNames(ids: readonly number[]): Promise<Map<number, { name: string; username: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.dataSource
      .getRepository(User)
      .find({ where: { id: In(unique) }, select: { id: true, displayName: true, username: true } });
    return new Map(users.map((u) => [u.id, { name: u.displayName, username: u.username }]));
  }

  /** The account to be registered, with what its eligibility depends on. */
  findUser(
    id: number,
  ): Promise<(Pick<User, 'id' | 'displayName' | 'disabled' | 'organisationId'> & { roles: Role[] }) | null> {
    return this.dataSource.getRepository(User).findOne({
      where: { id },
      select: { id: true, displayName: true, disabled: true, organisationId: true, roles: true },
    });
  }

  /** Records by id, for the audit log's names (姓名 · 中心). */
  async labelsByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(DataAdministrator)
      .createQueryBuilder('d')
      .innerJoin(Organisation, 'o', 'o.id = d.organisationId')
      .select('d.id', 'id')
      .addSelect('d.name', 'name')
      .addSelect('o.name', 'centre')
      .where('d.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getRawMany<{ id: number | string; name: string; centre: string }>();
    return new Map(rows.map((r) => [Number(r.id), `${r.name} · ${r.centre}`]));
  }
}
