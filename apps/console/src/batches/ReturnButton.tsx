import { useState } from 'react';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, useRecordContext } from 'react-admin';
import { useSelectedRecords } from './recordSelection';
import { ReturnDialog } from './ReturnDialog';
import type { Batch } from './types';

/**
 * 退回 for the batch in context. On the batch page (`allowPartial`) the records ticked in its records list
 * can be returned on their own; in the queue only the whole batch.
 */
export const ReturnButton = ({ allowPartial = false }: { allowPartial?: boolean }) => {
  const batch = useRecordContext<Batch>();
  const [open, setOpen] = useState(false);
  const { selectedIds, clearSelection } = useSelectedRecords(batch?.id ?? 0);
  if (!batch) return null;
  const ticked = allowPartial ? selectedIds.map(Number) : [];
  return (
    <>
      <Button
        label="退回"
        variant="outlined"
        color="warning"
        onClick={(event) => {
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
            initialMode={ticked.length > 0 ? 'records' : 'whole'}
            selectedIds={ticked}
            onReturned={() => clearSelection()}
            onClose={() => setOpen(false)}
          />
        </span>
      )}
    </>
  );
};
