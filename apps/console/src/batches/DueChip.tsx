import { Chip, Tooltip } from '@mui/material';
import type { DueInfo } from '@app/contracts';
import { dueChipLook } from './dueChip';

/** 剩余 N 个工作日 / 已逾期 N 个工作日, with the API's full sentence as tooltip. */
export const DueChip = ({ due }: { due: Pick<DueInfo, 'overdue' | 'workingDaysLeft' | 'dueText'> }) => {
  const look = dueChipLook(due);
  if (!look) return null;
  return (
    <Tooltip title={due.dueText ?? ''}>
      <Chip
        size="small"
        color={look.color}
        variant={look.color === 'success' ? 'outlined' : 'filled'}
        label={look.label}
        data-testid="due-chip"
      />
    </Tooltip>
  );
};
