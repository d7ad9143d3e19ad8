import { Alert, AlertTitle } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatBeijingDateTime } from '../common/dates';
import type { BatchView } from '@app/contracts';

/** R-16 附件3 as given at submission: the batch counts as a late submission in the quality report. */
export const LateSubmissionNotice = () => {
  const translate = useTranslate();
  const batch = useRecordContext<BatchView>();
  if (!batch?.lateSubmission) return null;
  const statement = batch.overdueStatement;
  return (
    <Alert severity="warning" sx={{ mt: 1 }} data-testid="late-submission">
      <AlertTitle>
        {translate('resources.batches.fields.lateSubmission')}
        {statement ? translate('app.batches.late.count', { count: statement.recordCount }) : ''}
      </AlertTitle>
      {statement && (
        <>
          <div>{translate('app.batches.late.reason', { reason: statement.reason })}</div>
          <div>
            {translate('app.batches.late.responsible', {
              person: statement.responsiblePerson,
              contact: statement.contact,
            })}
          </div>
          <div>
            {translate('app.batches.late.given', {
              by: statement.givenBy,
              at: formatBeijingDateTime(statement.givenAt),
            })}
          </div>
        </>
      )}
    </Alert>
  );
};
