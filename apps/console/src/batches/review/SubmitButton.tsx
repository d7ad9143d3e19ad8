import { useState } from 'react';
import SendIcon from '@mui/icons-material/Send';
import { Button, useRecordContext } from 'react-admin';
import { SubmitDialog } from './SubmitDialog';
import type { BatchView } from '@app/contracts';

export const SubmitButton = () => {
  const batch = useRecordContext<BatchView>();
  const [open, setOpen] = useState(false);
  if (!batch) return null;
  return (
    <>
      <Button label="app.review.submit" variant="contained" onClick={() => setOpen(true)}>
        <SendIcon />
      </Button>
      {open && <SubmitDialog batch={batch} onClose={() => setOpen(false)} />}
    </>
  );
};
