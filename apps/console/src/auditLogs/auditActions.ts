/**
 * Chinese names for audit action codes. Unknown codes are shown as they are, so a feature that
 * adds an action stays readable before it is named here.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
