import { hasPermission, type Role } from '@app/domain';
import type { RecheckRow } from '@app/contracts';

/**
 * the owning province's reviewer decides an open re-check. Jurisdiction is the API's (another province's
 * task answers 404), so the console only asks the role and the task's state.
 */
export function recheckActions(recheck: Pick<RecheckRow, 'status'>, roles: readonly Role[]) {
  const decides = hasPermission(roles, 'rechecks.decide') && recheck.status === 'open';
  return { restore: decides, confirm: decides };
}

/** The body of 恢复查询 / 确认问题: the reason as typed, without surrounding blanks, and the version seen. */
export function decisionBody(values: { reason?: unknown; outcome?: unknown }, version: number) {
  const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
  return values.outcome === 'delete' || values.outcome === 'correct'
    ? { reason, outcome: values.outcome, version }
    : { reason, version };
}
