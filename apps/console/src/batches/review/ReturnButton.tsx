import { useState } from 'react';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, useRecordContext } from 'react-admin';
import { ReturnDialog } from './ReturnDialog';
import type { BatchView } from '@app/contracts';

interface Props {
  /** Records ticked in the batch page's records list, offered for a partial return; none in the queue. */
  selectedIds?: readonly number[];
  onReturned?: () => void;
}

/** 退回 for the batch in context (batch page toolbar, queue rows). */
export const ReturnButton = ({ selectedIds = [], onReturned }: Props) => {
  const batch = useRecordContext<BatchView>();
  const [open, setOpen] = useState(false);
  if (!batch) return null;
  return (
    <>
      <Button
        label="app.review.return"
        variant="outlined"
        color="warning"
        onClick={(event) => {
          // In a queue row, a click must not also open the batch.
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <UndoIcon />
      </Button>
      {open && (
        <span onClick={(event) => event.stopPropagation()}>
          <ReturnDialog
            batch={batch}
            initialMode={selectedIds.length > 0 ? 'records' : 'whole'}
            selectedIds={selectedIds}
            onReturned={onReturned}
            onClose={() => setOpen(false)}
          />
        </span>
      )}
    </>
  );
};
