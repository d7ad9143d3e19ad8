import { Chip } from '@mui/material';
import { LOOKUP_STATUS_LABELS, type LookupStatus } from '@app/contracts';

const COLORS = { visible: 'success', suspended: 'error', deleted: 'default' } as const;

/** whether lookup finds the certificate (可查询 / 暂停查询 / 已删除); nothing before publication. */
export const LookupStatusChip = ({ status, label }: { status?: LookupStatus | null; label?: string | null }) => {
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={COLORS[status] ?? 'default'}
      variant={status === 'visible' ? 'outlined' : 'filled'}
      label={label ?? LOOKUP_STATUS_LABELS[status] ?? status}
      sx={{ whiteSpace: 'nowrap' }}
      data-testid="lookup-status"
    />
  );
};
