import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { BATCH_STATUS_LABELS, type BatchStatus } from '@app/domain';
import { BATCH_STATUS_COLORS } from './choices';

/** The batch's stage as a coloured chip (also used by the deadline board, whose rows carry `status`). */
export const BatchStatusField = () => {
  const record = useRecordContext<{ id: number; status: BatchStatus }>();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={BATCH_STATUS_COLORS[record.status]}
      label={BATCH_STATUS_LABELS[record.status] ?? record.status}
      sx={{ whiteSpace: 'nowrap' }}
    />
  );
};
