import type { Role } from '../access';

// a data administrator's registration is approved by the centre's head (负责人 or an authorised deputy); the
// centre has one active administrator at a time, and approving the next one hands the duty over.

export const DATA_ADMIN_STATUSES = ['pending', 'active', 'rejected', 'replaced'] as const;
export type DataAdminStatus = (typeof DATA_ADMIN_STATUSES)[number];

export type DataAdminDecision = 'approve' | 'reject';

export type DataAdminRefusal =
  /** Only the head of the administrator's own centre decides. */
  | 'not_head'
  /** The registration was decided already. */
  | 'not_pending'
  /** A rejection names its reason. */
  | 'reason_required';

export interface DataAdminDecisionFacts {
  status: DataAdminStatus;
  /** The centre the administrator serves. */
  organisationId: number;
  /** The centre's active administrator's record, if any (it is replaced by an approval). */
  activeId: number | null;
}

export interface DataAdminDecider {
  roles: readonly Role[];
  organisationId: number;
}

/** What a decision changes: the record's new status and, on approval, the record it replaces (the handover). */
export type DataAdminTransition =
  | { ok: true; to: 'active'; replaces: number | null }
  | { ok: true; to: 'rejected'; replaces: null }
  | { ok: false; refusal: DataAdminRefusal };

/** The first refusal in a fixed order (who, then state, then reason), or the transition. */
export function decideDataAdmin(
  facts: DataAdminDecisionFacts,
  decider: DataAdminDecider,
  decision: DataAdminDecision,
  reason?: string | null,
): DataAdminTransition {
  if (!isCentreHead(decider, facts.organisationId)) return { ok: false, refusal: 'not_head' };
  if (facts.status !== 'pending') return { ok: false, refusal: 'not_pending' };
  if (decision === 'reject') {
    if (!reason || !reason.trim()) return { ok: false, refusal: 'reason_required' };
    return { ok: true, to: 'rejected', replaces: null };
  }
  return { ok: true, to: 'active', replaces: facts.activeId };
}

/** The centre's `municipal_head` (负责人 or authorised deputy) of that very centre. */
export function isCentreHead(decider: DataAdminDecider, organisationId: number): boolean {
  return decider.roles.includes('municipal_head') && decider.organisationId === organisationId;
}

/** R-4 reminders: the centre's active administrators when it registered any, else every municipal_admin there. */
export function dataAdminRecipients<T extends { id: number }>(
  municipalAdmins: readonly T[],
  activeAdministratorUserIds: ReadonlySet<number>,
): T[] {
  const registered = municipalAdmins.filter((p) => activeAdministratorUserIds.has(p.id));
  return registered.length > 0 ? registered : [...municipalAdmins];
}

export const DATA_ADMIN_REFUSAL_MESSAGES: Record<DataAdminRefusal, string> = {
  not_head: '只有该市技能中心的负责人（或授权分管负责人）可以审批数据管理员',
  not_pending: '该数据管理员登记已处理，请刷新后查看',
  reason_required: '驳回时须填写原因',
};
