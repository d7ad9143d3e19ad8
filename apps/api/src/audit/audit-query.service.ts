import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { applySortAndRange, idListFilter, ListQuery, stringFilter } from '../common/http/list-query';
import { Organisation } from '../organisations/entities/organisation.entity';
import { AuditLog } from './entities/audit-log.entity';

const SORTABLE = { id: 'a.id', at: 'a.at', seq: 'a.seq', username: 'a.username', action: 'a.action' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Beijing calendar day → the UTC instant it starts at. */
function beijingDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListQuery) {
    const qb = this.dataSource.getRepository(AuditLog).createQueryBuilder('a');
    const ids = idListFilter(query.filter);
    if (ids) qb.andWhere('a.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    for (const key of ['username', 'action', 'targetType', 'targetId', 'outcome'] as const) {
      const value = stringFilter(query.filter, key);
      if (value) qb.andWhere(`a.${key} = :${key}`, { [key]: value });
    }
    const actionPrefix = stringFilter(query.filter, 'actionPrefix');
    if (actionPrefix) qb.andWhere('a.action LIKE :actionPrefix', { actionPrefix: `${actionPrefix}%` });
    for (const [key, op, shift] of [
      ['from', '>=', 0],
      ['to', '<', 1],
    ] as const) {
      const day = stringFilter(query.filter, key);
      if (!day) continue;
      if (!ISO_DATE.test(day)) throw new DomainError('BAD_QUERY', `${key} 应为 YYYY-MM-DD 日期`);
      const start = beijingDayStart(day);
      qb.andWhere(`a.at ${op} :${key}`, { [key]: new Date(start.getTime() + shift * 86_400_000) });
    }
    const total = await qb.getCount();
    const rows = await applySortAndRange(qb, query, SORTABLE, 'a.id').getMany();
    const orgIds = [...new Set(rows.map((r) => r.organisationId).filter((id): id is number => id !== null))];
    const orgs = orgIds.length ? await this.dataSource.getRepository(Organisation).createQueryBuilder('o').whereInIds(orgIds).getMany() : [];
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    return {
      rows: rows.map((r) => ({
        ...r,
        before: parse(r.before),
        after: parse(r.after),
        organisationName: r.organisationId === null ? null : (orgName.get(r.organisationId) ?? null),
      })),
      total,
    };
  }
}

function parse(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
