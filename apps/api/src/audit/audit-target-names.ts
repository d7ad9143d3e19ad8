import { Injectable } from '@nestjs/common';
import { AUDIT_TARGET_LABELS } from '@app/contracts';
import { OrganisationsRepository } from '../organisations/organisations.repository';

/**
 * Names the targets of one page of audit records, given their ids as recorded (strings): one set-based read per
 * target type and page. An id it cannot name (a deleted row) is left out of the answer.
 */
export type AuditTargetNameResolver = (ids: string[]) => Promise<Map<string, string>>;

/**
 * Lets the features above the audit trail name their own records in it (批次 → 机构, 用户 → 姓名) without the audit
 * feature importing them: each registers a resolver for its target type when its module starts, as calendar
 * listeners do (docs/decisions.md, "Audit targets named by their owners").
 */
@Injectable()
export class AuditTargetNames {
  private readonly resolvers = new Map<string, AuditTargetNameResolver>();

  constructor(organisations: OrganisationsRepository) {
    // Organisations lie below the audit trail: named here (机构 → 名称).
    this.register('organisation', async (ids) => {
      const names = await organisations.namesByIds(numericIds(ids));
      return new Map([...names].map(([id, name]) => [String(id), name]));
    });
  }

  register(targetType: string, resolver: AuditTargetNameResolver): void {
    if (this.resolvers.has(targetType)) throw new Error(`audit target type ${targetType} already has a resolver`);
    this.resolvers.set(targetType, resolver);
  }

  /** Names by target type, then id; types without a resolver are absent. */
  async resolve(targets: { targetType: string; targetId: string }[]): Promise<Map<string, Map<string, string>>> {
    const idsByType = new Map<string, Set<string>>();
    for (const { targetType, targetId } of targets) {
      if (!targetId || !this.resolvers.has(targetType)) continue;
      const ids = idsByType.get(targetType) ?? new Set<string>();
      ids.add(targetId);
      idsByType.set(targetType, ids);
    }
    // The types' reads are independent: side by side on a pooled database, one after another on SQLite.
    const types = [...idsByType];
    const named = await Promise.all(types.map(([type, ids]) => this.resolvers.get(type)!([...ids])));
    return new Map(types.map(([type], i) => [type, named[i]]));
  }
}

/**
 * One page's targets as a person names them — 批次 #20 · 机构名称, 证书 编号, 用户 姓名（用户名）, 机构 名称 — with one
 * read per target type. A refused request is named by the record its path addresses; the path itself is not shown.
 */
export async function describeTargets(
  names: AuditTargetNames,
  rows: { targetType: string; targetId: string }[],
): Promise<(string | null)[]> {
  const targets = rows.map((r) => (r.targetType === 'request' ? (requestTarget(r.targetId) ?? r) : r));
  const resolved = await names.resolve(targets);
  return targets.map(({ targetType: type, targetId: id }) => {
    if (!type) return null;
    const label = AUDIT_TARGET_LABELS[type] ?? '对象';
    if (type === 'request') return label;
    if (type === 'calendar_year') return `${label} ${id} 年`;
    if (type === 'calendar_day') return `${label} ${id}`;
    const name = resolved.get(type)?.get(id);
    if (name) return `${label} ${name}`;
    return id ? `${label} #${id}` : label;
  });
}

const REQUEST_TARGETS: Record<string, string> = {
  batches: 'batch',
  users: 'user',
  organisations: 'organisation',
  certificates: 'certificate',
};

/** `/api/admin/batches/20/submit` → the batch 20: what a refused request was about. */
export function requestTarget(path: string): { targetType: string; targetId: string } | null {
  const match = /^\/api\/admin\/([a-z-]+)\/(\d+)(?:\/|$)/.exec(path);
  const type = match ? REQUEST_TARGETS[match[1]] : undefined;
  return type ? { targetType: type, targetId: match![2] } : null;
}

/** The positive integer ids among recorded target ids (numeric targets: batches, users, certificates…). */
export function numericIds(ids: string[]): number[] {
  return ids.filter((id) => /^[1-9]\d{0,9}$/.test(id)).map(Number);
}
