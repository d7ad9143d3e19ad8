import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from '@app/contracts';

// The Chinese names of audit codes live with the audit API's contract (libs/contracts).

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** The 操作 filter: Chinese names only, in the table's order (by feature). */
export const auditActionChoices = Object.entries(AUDIT_ACTION_LABELS).map(([id, name]) => ({ id, name }));
export const auditTargetChoices = Object.entries(AUDIT_TARGET_LABELS).map(([id, name]) => ({ id, name }));
