import { BATCH_STATUS_LABELS, OPEN_BATCH_STATUSES } from '@app/domain';
import { DEADLINE_ITEM_KIND_LABELS, DEADLINE_STATE_LABELS } from '@app/contracts';

export const deadlineKindChoices = Object.entries(DEADLINE_ITEM_KIND_LABELS).map(([id, name]) => ({ id, name }));

export const openStageChoices = OPEN_BATCH_STATUSES.map((id) => ({ id, name: BATCH_STATUS_LABELS[id] }));

export const deadlineStateChoices = Object.entries(DEADLINE_STATE_LABELS).map(([id, name]) => ({ id, name }));
