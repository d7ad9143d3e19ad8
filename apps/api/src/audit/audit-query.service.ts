import { Injectable } from '@nestjs/common';
import { Actor } from '../common/actor/actor';
import { defineList, QueryOf } from '../common/http/list-query';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { AuditRepository } from './audit.repository';
import { AuditTargetNames, describeTargets } from './audit-target-names';
import { AUDIT_ACTION_LABELS, auditDetailText, type AuditLogView } from '@app/contracts';

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
    private readonly repository: AuditRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly targetNames: AuditTargetNames,
  ) {}

  /**
   * a reader sees the records of actors in their own subtree; only readers at the national
   * centre see everything, including records with no organisation (failed logins by unknown usernames).
   */
  async list(
    actor: Actor,
    query: QueryOf<typeof AUDIT_LOG_LIST>,
  ): Promise<{ rows: AuditLogView<Date>[]; total: number }> {
    const { from, to } = query.filter;
    const { rows, total } = await this.repository.listPage(
      query,
      actor.organisationLevel === 'national' ? null : actor.organisationPath,
      {
        from: from ? beijingDayStart(from) : undefined,
        to: to ? new Date(beijingDayStart(to).getTime() + 86_400_000) : undefined,
      },
    );
    const [orgName, targetName] = await Promise.all([
      this.organisations.namesByIds(rows.map((r) => r.organisationId).filter((id): id is number => id !== null)),
      describeTargets(this.targetNames, rows),
    ]);
    return {
      rows: rows.map((r, i) => ({
        ...r,
        before: parse(r.before),
        after: parse(r.after),
        organisationName: r.organisationId === null ? null : (orgName.get(r.organisationId) ?? null),
        // For auditors, not developers: Chinese names of the action, the target and any recorded code.
        actionLabel: AUDIT_ACTION_LABELS[r.action] ?? '其他操作',
        targetName: targetName[i],
        detailText: auditDetailText(r.detail),
      })),
      total,
    };
  }
}

function parse(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
