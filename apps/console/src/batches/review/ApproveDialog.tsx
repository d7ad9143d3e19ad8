import { Alert } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { maxLength, TextInput } from 'react-admin';
import { BATCH_STATUS_LABELS, isReviewStage } from '@app/domain';
import { FormDialog } from '../../common/FormDialog';
import type { BatchView } from '@app/contracts';
import { useBatchCommand } from './useBatchCommand';

function whatFollows(batch: BatchView): string {
  // the API says where approval leads on the batch's own provincial chain.
  const next = batch.nextStatus;
  if (!isReviewStage(batch.status) || !next) return '';
  return next === 'published'
    ? '通过后批次即发布，其中的证书可在全国联网查询中查到。'
    : `通过后批次进入“${BATCH_STATUS_LABELS[next]}”环节。`;
}

/** 通过: the reviewer's decision at the current stage, with an optional comment. */
export const ApproveDialog = ({ batch, open, onClose }: { batch: BatchView; open: boolean; onClose: () => void }) => {
  const { mutate, isPending } = useBatchCommand<BatchView>('approve', {
    success: (reply) => (reply.status === 'published' ? `批次 #${batch.id} 已发布` : `批次 #${batch.id} 已通过，进入“${reply.statusLabel}”`),
    onSuccess: onClose,
    onStale: onClose,
  });
  return (
    <FormDialog
      open={open}
      title={`审核通过：批次 #${batch.id}`}
      submitLabel="通过"
      submitIcon={<CheckIcon />}
      pending={isPending}
      onSubmit={(values) => {
        const comment = typeof values.comment === 'string' ? values.comment.trim() : '';
        mutate({ id: batch.id, body: comment ? { version: batch.version, comment } : { version: batch.version } });
      }}
      onClose={onClose}
    >
      <Alert severity="info" sx={{ mb: 2 }}>
        {batch.institutionName}，{batch.recordCount} 条记录。{whatFollows(batch)}
      </Alert>
      <TextInput source="comment" label="审核意见（选填）" multiline minRows={2} fullWidth validate={maxLength(1000)} />
    </FormDialog>
  );
};
