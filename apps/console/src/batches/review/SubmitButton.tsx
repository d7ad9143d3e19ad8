import { useState } from 'react';
import SendIcon from '@mui/icons-material/Send';
import { Button, useDataProvider, useRecordContext } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { SubmitDialog } from './SubmitDialog';
import type { BatchView, LateRecordsBody } from '@app/contracts';

/**
 * 提交 asks the API first what the submission would meet, so late records open the 附件3 form and
 * records past the cutoff the cutoff dialog directly: in the normal path no submission is refused.
 */
export const SubmitButton = () => {
  const batch = useRecordContext<BatchView>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [checking, setChecking] = useState(false);
  const [dialog, setDialog] = useState<{ refusal: LateRecordsBody | null } | null>(null);
  if (!batch) return null;
  const open = async () => {
    setChecking(true);
    try {
      setDialog({ refusal: (await dataProvider.getSubmissionCheck(batch.id)).refusal });
    } catch {
      // The submission itself still answers (and the dialog turns into the form it asks for).
      setDialog({ refusal: null });
    } finally {
      setChecking(false);
    }
  };
  return (
    <>
      <Button label="app.review.submit" variant="contained" onClick={() => void open()} disabled={checking}>
        <SendIcon />
      </Button>
      {dialog && <SubmitDialog batch={batch} initialRefusal={dialog.refusal} onClose={() => setDialog(null)} />}
    </>
  );
};
