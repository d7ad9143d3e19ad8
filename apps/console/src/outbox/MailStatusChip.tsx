import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { MAIL_STATUS_NAMES, type MailStatus, type OutboxMailListItem } from '@app/contracts';

const COLORS: Record<MailStatus, 'warning' | 'info' | 'success' | 'error'> = {
  pending: 'warning',
  sending: 'info',
  sent: 'success',
  dead: 'error',
};

export const MailStatusChip = ({ status }: { status: MailStatus }) => (
  <Chip
    size="small"
    color={COLORS[status] ?? 'default'}
    variant={status === 'dead' ? 'filled' : 'outlined'}
    label={MAIL_STATUS_NAMES[status] ?? status}
    data-status={status}
  />
);

export const MailStatusField = (_props: { source?: string; label?: string }) => {
  const mail = useRecordContext<OutboxMailListItem>();
  return mail ? <MailStatusChip status={mail.status} /> : null;
};
