import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { applyFilters, fetchPage, type ListQuery } from '../common/http/list-query';
import type { ListScope } from '../certificates/certificates.repository';
import { Attachment } from './entities/attachment.entity';

/** R-24 attachments: every query on `attachments`. */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number): Promise<Attachment | null> {
    return this.dataSource.getRepository(Attachment).findOneBy({ id });
  }

  async insert(
    manager: EntityManager,
    attachment: Omit<Attachment, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<number> {
    const inserted = await manager.getRepository(Attachment).insert(attachment);
    return Number(inserted.identifiers[0].id);
  }

  /** A page of attachments within `scope`, by the declared filters. */
  listPage(query: ListQuery, scope: ListScope): Promise<{ rows: Attachment[]; total: number }> {
    const qb = this.dataSource.getRepository(Attachment).createQueryBuilder('a');
    scope(qb, 'a.orgPath');
    return fetchPage(applyFilters(qb, query), query);
  }

  findByIds(ids: number[]): Promise<Attachment[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Attachment)
      .find({ where: { id: In([...new Set(ids)]) }, order: { id: 'ASC' } });
  }

  /** File names of these attachments (the audit log names its targets a page at a time). */
  async fileNamesByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Attachment)
      .find({ select: { id: true, fileName: true }, where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((r) => [r.id, r.fileName]));
  }
}
