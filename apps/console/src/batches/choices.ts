import { BATCH_STATUS_LABELS, BATCH_STATUSES, CERTIFICATE_KINDS, labelOf, type BatchStatus } from '@app/domain';
import type { BatchKind, CertificateStatus, HistoryAction } from './types';

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

/** The kinds a batch can hold (R-6; 专项职业能力 is provincial and not uploaded here). */
export const BATCH_KINDS: BatchKind[] = ['skill_level', 'qualification'];

export const batchKindChoices = BATCH_KINDS.map((id) => ({ id, name: labelOf(CERTIFICATE_KINDS, id) }));

export const batchKindLabel = (kind: BatchKind) => labelOf(CERTIFICATE_KINDS, kind);

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  draft: '草稿',
  in_review: '审核中',
  returned: '已退回',
  published: '已发布',
};

export const HISTORY_ACTION_LABELS: Record<HistoryAction, string> = {
  upload: '上传',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  exemption: '受理豁免',
  reupload: '重新上传更正数据',
  record_edit: '修改记录',
};
