import { Alert, AlertTitle } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatBeijingDateTime } from '../common/dates';
import type { BatchView } from '@app/contracts';

/** R-16 附件3 as given at submission: the batch counts as a late submission in the quality report. */
export const LateSubmissionNotice = () => {
  const batch = useRecordContext<BatchView>();
  if (!batch?.lateSubmission) return null;
  const statement = batch.overdueStatement;
  return (
    <Alert severity="warning" sx={{ mt: 1 }} data-testid="late-submission">
      <AlertTitle>逾期上报{statement ? `（${statement.recordCount} 条证书超过上报期限）` : ''}</AlertTitle>
      {statement && (
        <>
          <div>逾期原因：{statement.reason}</div>
          <div>
            责任人：{statement.responsiblePerson}　联系电话：{statement.contact}
          </div>
          <div>
            填写人：{statement.givenBy}　填写时间：{formatBeijingDateTime(statement.givenAt)}
          </div>
        </>
      )}
    </Alert>
  );
};
