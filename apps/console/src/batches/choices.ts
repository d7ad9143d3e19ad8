import { BATCH_STATUS_LABELS, BATCH_STATUSES, CERTIFICATE_KINDS, labelOf, type BatchStatus } from '@app/domain';
import { BATCH_KINDS, type BatchKind } from '@app/contracts';

export const batchStatusChoices = BATCH_STATUSES.map((id) => ({ id, name: BATCH_STATUS_LABELS[id] }));

export const BATCH_STATUS_COLORS: Record<BatchStatus, 'default' | 'info' | 'primary' | 'success' | 'warning'> = {
  draft: 'default',
  municipal_review: 'info',
  municipal_head_approval: 'info',
  provincial_review: 'primary',
  national_review: 'primary',
  published: 'success',
  returned: 'warning',
};

export const batchKindChoices = BATCH_KINDS.map((id) => ({ id, name: labelOf(CERTIFICATE_KINDS, id) }));

export const batchKindLabel = (kind: BatchKind) => labelOf(CERTIFICATE_KINDS, kind);
