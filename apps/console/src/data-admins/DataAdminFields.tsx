import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { DATA_ADMIN_STATUS_LABELS, type DataAdministratorRow } from '@app/contracts';
import type { DataAdminStatus } from '@app/domain';

const COLORS: Record<DataAdminStatus, 'warning' | 'success' | 'error' | 'default'> = {
  pending: 'warning',
  active: 'success',
  rejected: 'error',
  replaced: 'default',
};

export const dataAdminStatusChoices = Object.entries(DATA_ADMIN_STATUS_LABELS).map(([id, name]) => ({ id, name }));

/** 待负责人审批 / 在任 / 已驳回 / 已交接. */
export const DataAdminStatusChip = ({ record: given }: { record?: DataAdministratorRow }) => {
  const record = useRecordContext<DataAdministratorRow>();
  const shown = given ?? record;
  if (!shown) return null;
  return (
    <Chip
      size="small"
      color={COLORS[shown.status] ?? 'default'}
      variant={shown.status === 'active' || shown.status === 'pending' ? 'filled' : 'outlined'}
      label={shown.statusLabel || DATA_ADMIN_STATUS_LABELS[shown.status]}
      sx={{ whiteSpace: 'nowrap' }}
      data-testid="data-admin-status"
    />
  );
};
