import { Alert, AlertTitle } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatBeijingDateTime } from '../common/dates';
import type { BatchView } from '@app/contracts';

/** the provincial centre's recorded exemption from the 6-month acceptance cutoff. */
export const ExemptionNotice = () => {
  const translate = useTranslate();
  const batch = useRecordContext<BatchView>();
  const exemption = batch?.exemption;
  if (!exemption) return null;
  return (
    <Alert severity="info" sx={{ mt: 1 }} data-testid="exemption">
      <AlertTitle>{translate('app.batches.exemption.title')}</AlertTitle>
      <div>
        {translate('app.batches.exemption.reason', { reason: exemption.reason })}
        {exemption.recordCount != null
          ? translate('app.batches.exemption.covers', { count: exemption.recordCount })
          : ''}
      </div>
      <div>
        {translate('app.batches.exemption.granted', {
          approver: exemption.approverName,
          organisation: exemption.organisationName,
          at: formatBeijingDateTime(exemption.grantedAt),
        })}
      </div>
    </Alert>
  );
};
