import { BATCH_STATUS_LABELS, type BatchStatus } from '@app/domain';

/**
 * One line of 我的提醒, read defensively from `GET /api/admin/my-reminders`: the API's item carries the
 * batch, its stage, the due date and the working days left or overdue; fields it lacks are left out, and an
 * element that is not an item at all is dropped rather than breaking the home page.
 */
export interface ReminderLine {
  key: string;
  /** The item's kind (upload, review, correction, qualification_upload_day, lookup_cutover …). */
  kind: string;
  /** Null for an item of no batch: an institution's R-18 upload day (its line opens the upload page). */
  batchId: number | null;
  institutionName: string;
  recordCount: number | null;
  stage: string;
  dueDate: string;
  overdue: boolean;
  /** Working days left when due soon, working days past the due date when overdue; null when not given. */
  days: number | null;
  /** Reminded as the head of the responsible organisation (overdue escalation), with that organisation's name. */
  escalation: boolean;
  responsibleOrganisation: string;
  /** Where the line leads: its batch, its own route (a cutover: 查询模式), or the upload page for an upload day. */
  link: string;
  /** Said instead of the working days when the API counts otherwise (a cutover: 距切换还有 7 天). */
  remainingText: string | null;
}

const asNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

function stageOf(item: Record<string, unknown>): string {
  const label = asString(item.stageLabel) || asString(item.statusLabel);
  if (label) return label;
  const code = asString(item.stage) || asString(item.status);
  return BATCH_STATUS_LABELS[code as BatchStatus] ?? code;
}

/** The answer's items (a bare array, or `{ items }`), overdue first, then by due date. Null: no list at all. */
export function reminderLines(answer: unknown): ReminderLine[] | null {
  const items = Array.isArray(answer)
    ? answer
    : Array.isArray((answer as { items?: unknown } | null)?.items)
      ? (answer as { items: unknown[] }).items
      : null;
  if (!items) return null;
  const lines = items.flatMap((raw, index): ReminderLine[] => {
    if (raw === null || typeof raw !== 'object') return [];
    const item = raw as Record<string, unknown>;
    const batchId = asNumber(item.batchId);
    const dueDate = asString(item.dueDate);
    const uploadDay = item.kind === 'qualification_upload_day';
    const linkPath = asString(item.linkPath);
    if ((batchId === null && !uploadDay && !linkPath) || !dueDate) return [];
    // An item with its own page (a re-check, a cutover) opens it; a batch's item its batch.
    const link = linkPath || (batchId !== null ? `/batches/${batchId}/show` : '/batches/create');
    const left = asNumber(item.workingDaysLeft);
    const past = asNumber(item.overdueWorkingDays) ?? asNumber(item.workingDaysOverdue);
    const overdue =
      item.overdue === true ||
      item.event === 'overdue' ||
      item.state === 'overdue' ||
      (past ?? 0) > 0 ||
      (left ?? 0) < 0;
    const days = overdue ? (past ?? (left !== null && left < 0 ? -left : null)) : left;
    return [
      {
        key: `${asString(item.kind)}-${batchId ?? asNumber(item.institutionId)}-${asString(item.stage) || asString(item.status)}-${dueDate}-${index}`,
        kind: asString(item.kind),
        batchId,
        institutionName: asString(item.institutionName),
        recordCount: asNumber(item.recordCount),
        stage: stageOf(item),
        dueDate,
        overdue,
        days,
        escalation: item.escalation === true,
        responsibleOrganisation: asString(item.responsibleOrganisation),
        link,
        remainingText: asString(item.remainingText) || null,
      },
    ];
  });
  return lines.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
}
