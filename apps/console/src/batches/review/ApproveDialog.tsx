import { Alert } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { maxLength, TextInput, useTranslate } from 'react-admin';
import { BATCH_STATUS_LABELS, isReviewStage } from '@app/domain';
import { FormDialog } from '../../common/FormDialog';
import type { BatchView } from '@app/contracts';
import { useBatchCommand } from './useBatchCommand';

/** The i18n key and arguments saying what approval leads to, or null. */
function whatFollows(batch: BatchView): [string, Record<string, string>] | null {
  // the API says where approval leads on the batch's own provincial chain.
  const next = batch.nextStatus;
  if (!isReviewStage(batch.status) || !next) return null;
  return next === 'published'
    ? ['app.review.approve_publishes', {}]
    : ['app.review.approve_leads_to', { stage: BATCH_STATUS_LABELS[next] }];
}

/** 通过: the reviewer's decision at the current stage, with an optional comment. */
export const ApproveDialog = ({ batch, open, onClose }: { batch: BatchView; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const { mutate, isPending } = useBatchCommand<BatchView>('approve', {
    success: (reply) =>
      reply.status === 'published'
        ? translate('app.review.published', { id: batch.id })
        : translate('app.review.approved', { id: batch.id, stage: reply.statusLabel }),
    onSuccess: onClose,
    onStale: onClose,
  });
  const follows = whatFollows(batch);
  return (
    <FormDialog
      open={open}
      title={translate('app.review.approve_title', { id: batch.id })}
      submitLabel="app.review.approve"
      submitIcon={<CheckIcon />}
      pending={isPending}
      onSubmit={(values) => {
        const comment = typeof values.comment === 'string' ? values.comment.trim() : '';
        mutate({ id: batch.id, body: comment ? { version: batch.version, comment } : { version: batch.version } });
      }}
      onClose={onClose}
    >
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('app.review.batch_summary', { institution: batch.institutionName, count: batch.recordCount })}
        {follows ? translate(...follows) : ''}
      </Alert>
      <TextInput
        source="comment"
        label="app.review.comment"
        multiline
        minRows={2}
        fullWidth
        validate={maxLength(1000)}
      />
    </FormDialog>
  );
};
