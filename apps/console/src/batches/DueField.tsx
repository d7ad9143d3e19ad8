import { Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DueChip } from './DueChip';
import type { DueInfo } from '@app/contracts';

/** the i18n key of the mark shown next to a due date computed on a year whose holiday notice is not yet published. */
export const PROVISIONAL_MARK = 'app.batches.provisional_mark';

/** A list column: the due date with its countdown chip (batches, queue, deadline board). */
export const DueField = () => {
  const translate = useTranslate();
  const record = useRecordContext<DueInfo & { id: number }>();
  if (!record?.dueDate) return <span>—</span>;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <DueChip due={record} />
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {translate('app.batches.due_on', { date: record.dueDate })}
        {record.dueProvisional ? translate(PROVISIONAL_MARK) : ''}
      </Typography>
    </Stack>
  );
};
