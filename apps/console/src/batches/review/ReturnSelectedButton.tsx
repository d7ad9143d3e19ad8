import { useState } from 'react';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, useListContext } from 'react-admin';
import { ReturnDialog } from './ReturnDialog';
import type { BatchView } from '@app/contracts';

/** Bulk action of the batch's records list: return the ticked records, each with a reason. */
export const ReturnSelectedButton = ({ batch }: { batch: BatchView }) => {
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="app.review.return_selected" color="warning" onClick={() => setOpen(true)}>
        <UndoIcon />
      </Button>
      {open && (
        <ReturnDialog
          batch={batch}
          initialMode="records"
          selectedIds={selectedIds.map(Number)}
          onReturned={() => onUnselectItems()}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
