import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor/actor';
import { applyFilters, defineList, fetchPage, QueryOf } from '../common/http/list-query';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { AuditLog } from './entities/audit-log.entity';
import type { AuditLogView } from '@app/contracts';

export const AUDIT_LOG_LIST = defineList({
  resource: 'audit-logs',
  sort: { id: 'a.id', at: 'a.at', seq: 'a.seq', username: 'a.username', action: 'a.action' },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 'a.id',
  filters: {
    id: { type: 'idList', column: 'a.id' },
    username: { type: 'text', column: 'a.username', maxLength: 64 },
    action: { type: 'text', column: 'a.action', maxLength: 64 },
    actionPrefix: { type: 'text', column: 'a.action', op: 'prefix', maxLength: 64 },
    targetType: { type: 'text', column: 'a.targetType', maxLength: 48 },
    targetId: { type: 'text', column: 'a.targetId', maxLength: 64 },
    outcome: { type: 'enum', values: ['success', 'failure'], column: 'a.outcome' },
    // Beijing calendar days, compared with the UTC instants they start at (below).
    from: { type: 'date' },
    to: { type: 'date' },
  },
});

/** Beijing calendar day → the UTC instant it starts at. */
function beijingDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  /**
   * a reader sees the records of actors in their own subtree; only readers at the national
   * centre see everything, including records with no organisation (failed logins by unknown usernames).
   */
  async list(actor: Actor, query: QueryOf<typeof AUDIT_LOG_LIST>): Promise<{ rows: AuditLogView<Date>[]; total: number }> {
    const qb = this.dataSource.getRepository(AuditLog).createQueryBuilder('a');
    if (actor.organisationLevel !== 'national') {
      qb.innerJoin(Organisation, 'actor_org', 'actor_org.id = a.organisationId');
      this.jurisdiction.restrictList(qb, 'actor_org.path', actor);
    }
    applyFilters(qb, query);
    const { from, to } = query.filter;
    if (from) qb.andWhere('a.at >= :from', { from: beijingDayStart(from) });
    if (to) qb.andWhere('a.at < :to', { to: new Date(beijingDayStart(to).getTime() + 86_400_000) });
    const { rows, total } = await fetchPage(qb, query);
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
