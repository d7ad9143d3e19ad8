import { BATCH_STATUS_LABELS, type BatchStatus } from '@app/domain';
import { DEADLINE_ITEM_KIND_LABELS, DEADLINE_STATE_LABELS } from '@app/contracts';

export const deadlineKindChoices = Object.entries(DEADLINE_ITEM_KIND_LABELS).map(([id, name]) => ({ id, name }));

/** The board lists open items only, so published is no stage to filter by. */
const OPEN_STATUSES: BatchStatus[] = [
  'draft',
  'returned',
  'municipal_review',
  'municipal_head_approval',
  'provincial_review',
  'national_review',
];

export const openStageChoices = OPEN_STATUSES.map((id) => ({ id, name: BATCH_STATUS_LABELS[id] }));

export const deadlineStateChoices = Object.entries(DEADLINE_STATE_LABELS).map(([id, name]) => ({ id, name }));
