import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import { ImportErrorReport } from './entities/import-error-report.entity';

/** R-12 error reports of refused uploads: every query on `import_error_reports`. */
@Injectable()
export class ImportErrorReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number): Promise<ImportErrorReport | null> {
    return this.dataSource.getRepository(ImportErrorReport).findOneBy({ id });
  }

  async insert(manager: EntityManager, report: Partial<ImportErrorReport>): Promise<number> {
    const inserted = await manager.getRepository(ImportErrorReport).insert(report);
    return Number(inserted.identifiers[0].id);
  }

  /** The first `limit` reports expired on `today` (or without an expiry), oldest first. */
  listExpired(today: string, limit: number): Promise<ImportErrorReport[]> {
    return this.dataSource.getRepository(ImportErrorReport).find({
      where: [{ expiresOn: LessThanOrEqual(today) }, { expiresOn: IsNull() }],
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** Whether this call deleted the report (false: another instance's sweep got there first). */
  async delete(manager: EntityManager, id: number): Promise<boolean> {
    const deleted = await manager.getRepository(ImportErrorReport).delete({ id });
    return Boolean(deleted.affected);
  }
}
