import type { OrganisationLevel, Role } from '../access';
import { isReviewStage, STAGE_LEVEL, STAGE_ROLE, type BatchStatus } from '../batches/batch-workflow';

/** The kinds of reminder item a batch produces (later features add flags, requests, cutovers). */
export type BatchReminderKind = 'upload' | 'correction' | 'review';

/** the batch statuses that are still someone's to act on (a draft is an upload, returned a correction). */
export const OPEN_BATCH_STATUSES = [
  'draft',
  'returned',
  'municipal_review',
  'municipal_head_approval',
  'provincial_review',
  'national_review',
] as const satisfies readonly BatchStatus[];

export function batchReminderKind(status: BatchStatus): BatchReminderKind {
  if (status === 'draft') return 'upload';
  if (status === 'returned') return 'correction';
  return 'review';
}

/**
 * Who must act on an open batch — the same answer the deadline board gives: a review stage belongs to the centre
 * at the stage's level on the institution's path, holding the stage's role; an upload or a correction belongs to
 * the institution's operators.
 */
export function batchResponsibility(status: BatchStatus): { level: OrganisationLevel; role: Role } {
  if (isReviewStage(status)) return { level: STAGE_LEVEL[status], role: STAGE_ROLE[status] };
  return { level: 'institution', role: 'institution_operator' };
}
