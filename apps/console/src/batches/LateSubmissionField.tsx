import { Chip, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { BatchView } from '@app/contracts';

/** some records were uploaded after their upload deadline (a late submission, not a late review). */
export const LateSubmissionField = () => {
  const record = useRecordContext<Pick<BatchView, 'id' | 'lateSubmission'>>();
  if (!record?.lateSubmission) return null;
  return (
    <Tooltip title="部分证书超过上报期限，已附《逾期上报情况说明》">
      <Chip size="small" color="warning" variant="outlined" label="逾期上报" />
    </Tooltip>
  );
};
