import { Stack } from '@mui/material';
import { ShowButton, usePermissions, useRecordContext } from 'react-admin';
import type { Role } from '@app/domain';
import { ApproveButton } from '../batches/review/ApproveButton';
import { batchActions } from '../batches/review/batchActions';
import { ReturnButton } from '../batches/review/ReturnButton';
import type { BatchView } from '@app/contracts';

/** Quick decisions in the queue; what needs the records (partial return, submission) opens the batch. */
export const QueueRowActions = () => {
  const batch = useRecordContext<BatchView>();
  const { permissions } = usePermissions<Role[]>();
  if (!batch) return null;
  if (!batchActions(batch, permissions ?? []).review) return <ShowButton label="app.queue.open" />;
  return (
    <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
      <ApproveButton />
      <ReturnButton />
    </Stack>
  );
};
