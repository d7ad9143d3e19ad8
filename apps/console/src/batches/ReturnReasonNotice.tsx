import { Alert, AlertTitle, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { BATCH_STATUS_LABELS, type BatchStatus } from '@app/domain';
import type { BatchView } from '@app/contracts';

/**
 * why the batch came back, once and prominently above its records — full width, in a column narrow enough
 * to read, wrapping however long the reason is.
 */
export const ReturnReasonNotice = () => {
  const translate = useTranslate();
  const batch = useRecordContext<BatchView>();
  if (batch?.status !== 'returned' || !batch.returnReason) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2, '& .MuiAlert-message': { minWidth: 0 } }} data-testid="return-reason">
      <AlertTitle sx={{ fontWeight: 600 }}>
        {translate('app.batches.return_reason.title')}
        {batch.returnedFrom
          ? translate('app.batches.return_reason.from', {
              stage: BATCH_STATUS_LABELS[batch.returnedFrom as BatchStatus] ?? batch.returnedFrom,
            })
          : ''}
      </AlertTitle>
      <Typography
        variant="body1"
        sx={{ maxWidth: '60em', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        data-testid="return-reason-text"
      >
        {batch.returnReason}
      </Typography>
      {batch.recordReasonsDiffer && (
        <Typography variant="body2" sx={{ mt: 0.5, color: 'text.secondary' }}>
          {translate('app.batches.return_reason.records_differ')}
        </Typography>
      )}
    </Alert>
  );
};
