import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { organisationPath } from '@app/domain';
import { applyFilters, likePrefix, ListQuery } from '../common/http/list-query';
import { RawSelect, rawRows } from '../database/raw-select';
import { versionedUpdate } from '../database/versioned-update';
import { restrictToSubtree } from '../database/subtree';
import { Organisation } from './entities/organisation.entity';
import { OrganisationStatusChange } from './entities/organisation-status.entity';

type OrganisationRow = Omit<Partial<Organisation>, 'id' | 'path' | 'version' | 'createdAt' | 'updatedAt'>;

/** Every query of the organisation tree: one row per centre or institution, a materialised path per row. */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Organisation | null> {
    return manager.getRepository(Organisation).findOneBy({ id });
  }

  findByIdOrFail(id: number, manager: EntityManager = this.dataSource.manager): Promise<Organisation> {
    return manager.getRepository(Organisation).findOneByOrFail({ id });
  }

  findByIds(ids: number[], manager: EntityManager = this.dataSource.manager): Promise<Organisation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .whereInIds([...new Set(ids)])
      .getMany();
  }

  /** The national centre (部中心), the root of the tree. */
  /** The centre (national, provincial or municipal — not an institution) of a region code, or null. */
  findCentreByRegionCode(regionCode: string): Promise<Organisation | null> {
    return this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where("o.regionCode = :regionCode AND o.level <> 'institution'", { regionCode })
      .orderBy('o.path', 'ASC')
      .getOne();
  }

  findNational(): Promise<Organisation | null> {
    return this.dataSource.getRepository(Organisation).findOneBy({ level: 'national', parentId: IsNull() });
  }

  findChildren(parentId: number): Promise<Organisation[]> {
    return this.dataSource.getRepository(Organisation).findBy({ parentId });
  }

  findByCreditCode(manager: EntityManager, creditCode: string): Promise<Organisation | null> {
    return manager.getRepository(Organisation).findOneBy({ creditCode });
  }

  /** One page of the organisations inside the subtree at `subtreePath`, filtered and sorted as asked. */
  listPage(query: ListQuery, subtreePath: string): Promise<{ rows: Organisation[]; total: number }> {
    const select = new RawSelect(this.dataSource, Organisation, 'o');
    restrictToSubtree(select, 'o.path', subtreePath);
    applyFilters(select, query);
    return select.page(query);
  }

  /** Inserts a child of `parent` and completes its path; setting the path is part of the insert, not a new version. */
  async insertChild(manager: EntityManager, parent: Organisation, row: OrganisationRow): Promise<Organisation> {
    const repo = manager.getRepository(Organisation);
    const inserted = await repo.insert({ ...row, parentId: parent.id });
    const id = Number(inserted.identifiers[0].id);
    await repo.update({ id }, { path: organisationPath(parent.path, id), version: () => 'version' });
    return repo.findOneByOrFail({ id });
  }

  /** R-42 optimistic locking: 409 STALE_VERSION when someone else changed the organisation first. */
  updateVersioned(manager: EntityManager, id: number, version: number, changes: Partial<Organisation>): Promise<void> {
    return versionedUpdate(manager, Organisation, { id, version }, changes);
  }

  /** the institution's status from `effectiveFrom` on, kept as dated history for screening. */
  async recordStatus(
    manager: EntityManager,
    organisationId: number,
    status: Organisation['status'],
    effectiveFrom: string,
  ): Promise<void> {
    await manager.getRepository(OrganisationStatusChange).insert({ organisationId, status, effectiveFrom });
  }

  /** a province's deadline profile holds for its whole subtree. */
  async setDeadlineProfileOfSubtree(
    manager: EntityManager,
    path: string,
    deadlineProfile: Organisation['deadlineProfile'],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Organisation)
      .set({ deadlineProfile })
      .where("path LIKE :prefix ESCAPE '!'", { prefix: likePrefix(path) })
      .execute();
  }

  /** How many direct children each of `ids` has (absent: none). */
  async childCounts(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    // Hand-written: list pages call this on every request (no query builder per request).
    const counts = await rawRows<{ parentId: number | string; n: string | number }>(
      this.dataSource,
      'SELECT parent_id AS parentId, COUNT(*) AS n FROM organisations WHERE parent_id IN (:...ids) GROUP BY parent_id',
      { ids },
    );
    return new Map(counts.map((c) => [Number(c.parentId), Number(c.n)]));
  }

  /** Names by id, for views that show an organisation beside a record. */
  async namesByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    // Two columns as raw rows in hand-written SQL: list views call this on every page, and need neither the rest
    // nor an entity.
    const rows = await rawRows<{ id: number | string; name: string }>(
      this.dataSource,
      'SELECT id, name FROM organisations WHERE id IN (:...ids)',
      { ids: [...new Set(ids)] },
    );
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }
}
