import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LookupKind } from '@app/domain';
import { QueryModeChange } from './entities/query-mode-change.entity';
import { QueryModeSchedule } from './entities/query-mode-schedule.entity';

/** the stored schedules (one row per kind) and their change history. */
@Injectable()
export class QueryModeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Both kinds, in a fixed order (QueryModeService keeps them a few seconds, never past a Beijing midnight). */
  all(manager: EntityManager = this.dataSource.manager): Promise<QueryModeSchedule[]> {
    return manager.getRepository(QueryModeSchedule).find({ order: { kind: 'ASC' } });
  }

  one(kind: LookupKind, manager: EntityManager = this.dataSource.manager): Promise<QueryModeSchedule | null> {
    return manager.getRepository(QueryModeSchedule).findOneBy({ kind });
  }

  async addChange(manager: EntityManager, change: Omit<QueryModeChange, 'id'>): Promise<void> {
    await manager.getRepository(QueryModeChange).insert(change);
  }

  /** Every change, newest first (a handful a year: no paging needed beyond a generous cap). */
  history(kind?: LookupKind, limit = 500): Promise<QueryModeChange[]> {
    return this.dataSource
      .getRepository(QueryModeChange)
      .find({ where: kind ? { kind } : {}, order: { id: 'DESC' }, take: limit });
  }
}
