import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { FLAG_STATUS_LABELS, type FlagRow, type FlagStatus } from '@app/contracts';

const COLORS: Record<FlagStatus, 'warning' | 'default' | 'error'> = {
  open: 'warning',
  dismissed: 'default',
  suspended: 'error',
};

/** 待处理 / 已排除 / 已暂停查询. */
export const FlagStatusChip = ({ flag }: { flag?: Pick<FlagRow, 'status' | 'statusLabel'> }) => {
  const record = useRecordContext<FlagRow>();
  const shown = flag ?? record;
  if (!shown) return null;
  return (
    <Chip
      size="small"
      color={COLORS[shown.status] ?? 'default'}
      label={shown.statusLabel || FLAG_STATUS_LABELS[shown.status]}
      sx={{ whiteSpace: 'nowrap' }}
      data-testid="flag-status"
    />
  );
};
