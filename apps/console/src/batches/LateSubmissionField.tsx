import { Chip, Tooltip } from '@mui/material';
import { useRecordContext, Translate } from 'react-admin';
import type { BatchView } from '@app/contracts';

/** some records were uploaded after their upload deadline (a late submission, not a late review). */
export const LateSubmissionField = () => {
  const record = useRecordContext<Pick<BatchView, 'id' | 'lateSubmission'>>();
  if (!record?.lateSubmission) return null;
  return (
    <Tooltip title={<Translate i18nKey="app.batches.late_submission_hint" />}>
      <Chip
        size="small"
        color="warning"
        variant="outlined"
        label={<Translate i18nKey="resources.batches.fields.lateSubmission" />}
      />
    </Tooltip>
  );
};
