import { useState } from 'react';
import CheckIcon from '@mui/icons-material/Check';
import { Button, useRecordContext } from 'react-admin';
import { ApproveDialog } from './ApproveDialog';
import type { BatchView } from '@app/contracts';

/** 通过 for the batch in context (batch page toolbar, queue rows). */
export const ApproveButton = () => {
  const batch = useRecordContext<BatchView>();
  const [open, setOpen] = useState(false);
  if (!batch) return null;
  return (
    <>
      <Button
        label="app.review.approve"
        variant="contained"
        color="success"
        onClick={(event) => {
          // In a queue row, a click must not also open the batch.
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <CheckIcon />
      </Button>
      <span onClick={(event) => event.stopPropagation()}>
        <ApproveDialog batch={batch} open={open} onClose={() => setOpen(false)} />
      </span>
    </>
  );
};
