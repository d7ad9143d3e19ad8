import { Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { DueChip } from './DueChip';
import type { DueInfo } from '@app/contracts';

/** shown next to a due date computed on a year whose holiday notice is not yet published. */
export const PROVISIONAL_MARK = '（暂定）';

/** A list column: the due date with its countdown chip (batches, queue, deadline board). */
export const DueField = () => {
  const record = useRecordContext<DueInfo & { id: number }>();
  if (!record?.dueDate) return <span>—</span>;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <DueChip due={record} />
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {record.dueDate} 到期
        {record.dueProvisional ? PROVISIONAL_MARK : ''}
      </Typography>
    </Stack>
  );
};
