import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { applyFilters, ListQuery } from '../common/http/list-query';
import { RawSelect } from '../database/raw-select';
import { restrictToSubtree } from '../database/subtree';
import { Organisation } from '../organisations/entities/organisation.entity';
import { GENESIS_HASH } from './audit-chain';
import { AuditAnchor, AuditChainHead, AuditLog } from './entities/audit-log.entity';

/** The audit trail's tables: the hash-chained records, the single chain-head row and the keyed anchors. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Moves the chain head one position on and returns it (seq = the new record's position, lastHash = its
   * predecessor's hash). Bumping the head row first takes its row lock (InnoDB/TiDB); SQLite serialises writers
   * anyway. Concurrent writers therefore queue here and the chain cannot fork.
   */
  async advanceHead(manager: EntityManager): Promise<AuditChainHead> {
    const heads = manager.getRepository(AuditChainHead);
    const bumped = await heads
      .createQueryBuilder()
      .update()
      .set({ seq: () => 'seq + 1' })
      .where('id = 1')
      .execute();
    if (!bumped.affected) {
      await heads.insert({ id: 1, seq: 1, lastHash: GENESIS_HASH });
    }
    return heads.findOneByOrFail({ id: 1 });
  }

  /** Appends a record at the position `advanceHead` returned and moves the head's hash to it. */
  async append(manager: EntityManager, row: Omit<AuditLog, 'id'>): Promise<void> {
    await manager.getRepository(AuditLog).insert(row);
    await manager.getRepository(AuditChainHead).update({ id: 1 }, { lastHash: row.hash });
  }

  findHead(): Promise<AuditChainHead | null> {
    return this.dataSource.getRepository(AuditChainHead).findOneBy({ id: 1 });
  }

  /** Up to `limit` records from chain position `fromSeq` on, in chain order. */
  chainPage(fromSeq: number, limit: number): Promise<AuditLog[]> {
    return this.dataSource
      .getRepository(AuditLog)
      .createQueryBuilder('a')
      .where('a.seq >= :from', { from: fromSeq })
      .orderBy('a.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  findBySeq(seq: number): Promise<AuditLog | null> {
    return this.dataSource.getRepository(AuditLog).findOneBy({ seq });
  }

  /**
   * One page of records: with a `subtreePath`, only those of actors whose organisation lies in that
   * subtree (records without an organisation drop out); `from`/`to` bound the instant, `to` exclusive.
   */
  listPage(
    query: ListQuery,
    subtreePath: string | null,
    at: { from?: Date; to?: Date },
  ): Promise<{ rows: AuditLog[]; total: number }> {
    const select = new RawSelect(this.dataSource, AuditLog, 'a');
    if (subtreePath !== null) {
      select.innerJoin(Organisation, 'actor_org', 'actor_org.id = a.organisationId');
      restrictToSubtree(select, 'actor_org.path', subtreePath);
    }
    applyFilters(select, query);
    if (at.from) select.andWhere('a.at >= :from', { from: at.from });
    if (at.to) select.andWhere('a.at < :to', { to: at.to });
    return select.page(query);
  }

  newestAnchor(): Promise<AuditAnchor | null> {
    return this.dataSource.getRepository(AuditAnchor).findOne({ where: {}, order: { seq: 'DESC' } });
  }

  newestAnchors(count: number): Promise<AuditAnchor[]> {
    return this.dataSource.getRepository(AuditAnchor).find({ order: { seq: 'DESC' }, take: count });
  }

  findAnchorBySeq(seq: number): Promise<AuditAnchor | null> {
    return this.dataSource.getRepository(AuditAnchor).findOneBy({ seq });
  }

  /** Stores an anchor; fails on the unique chain position when another instance anchored the same head first. */
  async insertAnchor(anchor: Omit<AuditAnchor, 'id'>): Promise<void> {
    await this.dataSource.getRepository(AuditAnchor).insert(anchor);
  }
}
