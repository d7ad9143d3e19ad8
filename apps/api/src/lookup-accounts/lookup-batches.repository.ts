import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { applySortAndRange, ListQuery, totalFromPage } from '../common/http/list-query';
import { LookupBatch, LookupBatchRowEntity } from './entities/lookup-batch.entity';

/** R-31: legal entities' batch queries and their masked rows. */
@Injectable()
export class LookupBatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    batch: Pick<LookupBatch, 'accountId' | 'kind' | 'rows' | 'found' | 'queriedAt'>,
    rows: Omit<LookupBatchRowEntity, 'id' | 'batchId'>[],
  ): Promise<number> {
    const { identifiers } = await manager.getRepository(LookupBatch).insert(batch);
    const batchId = Number(identifiers[0].id);
    // Chunks keep each statement well inside every driver's parameter limit.
    for (let i = 0; i < rows.length; i += 100) {
      await manager.getRepository(LookupBatchRowEntity).insert(rows.slice(i, i + 100).map((r) => ({ ...r, batchId })));
    }
    return batchId;
  }

  findOwn(accountId: number, id: number): Promise<LookupBatch | null> {
    return this.dataSource.getRepository(LookupBatch).findOneBy({ id, accountId });
  }

  async page(batch: LookupBatch, query: ListQuery): Promise<{ rows: LookupBatchRowEntity[]; total: number }> {
    const qb = this.dataSource
      .getRepository(LookupBatchRowEntity)
      .createQueryBuilder('r')
      .where('r.batchId = :batchId', { batchId: batch.id });
    const rows = await applySortAndRange(qb, query).getMany();
    return { rows, total: totalFromPage(query, rows.length) ?? batch.rows };
  }

  all(batchId: number): Promise<LookupBatchRowEntity[]> {
    return this.dataSource
      .getRepository(LookupBatchRowEntity)
      .find({ where: { batchId }, order: { rowNumber: 'ASC' } });
  }
}
