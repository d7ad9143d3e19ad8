import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LookupDailyCount, LookupLogMode } from '@app/contracts';
import { LookupLog } from './entities/lookup-log.entity';

/** The lookup log (volumes by mode) and its daily counts. */
@Injectable()
export class LookupLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One multi-row INSERT; the ids are not read back. */
  async insert(rows: Omit<LookupLog, 'id'>[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.createQueryBuilder().insert().into(LookupLog).values(rows).updateEntity(false).execute();
  }

  /** Queries and certificates found per Beijing day and mode, newest day first; one GROUP BY on (day, mode). */
  async dailyCounts(filter: { from: string; to: string; mode?: LookupLogMode }): Promise<LookupDailyCount[]> {
    const qb = this.dataSource
      .getRepository(LookupLog)
      .createQueryBuilder('l')
      .select('l.day', 'day')
      .addSelect('l.mode', 'mode')
      .addSelect('COUNT(*)', 'queries')
      .addSelect('SUM(l.found)', 'found')
      .where('l.day >= :from AND l.day <= :to', { from: filter.from, to: filter.to });
    if (filter.mode) qb.andWhere('l.mode = :mode', { mode: filter.mode });
    const rows = await qb
      .groupBy('l.day')
      .addGroupBy('l.mode')
      .orderBy('l.day', 'DESC')
      .addOrderBy('l.mode', 'ASC')
      .getRawMany<{ day: string; mode: LookupLogMode; queries: string | number; found: string | number | null }>();
    return rows.map((r) => ({
      day: String(r.day).slice(0, 10),
      mode: r.mode,
      queries: Number(r.queries),
      found: Number(r.found ?? 0),
    }));
  }
}
