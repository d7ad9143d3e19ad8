import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { COMPLAINT_STATUS_LABELS, type ComplaintRow, type ComplaintStatus } from '@app/contracts';
import { DueChip } from '../batches/DueChip';
import { formatCalendarDay } from '../common/dates';

const COLORS: Record<ComplaintStatus, 'warning' | 'info' | 'success'> = {
  open: 'warning',
  replied: 'info',
  closed: 'success',
};

/** 待机构答复 / 机构已答复 / 已办结. */
export const ComplaintStatusChip = ({ complaint }: { complaint?: ComplaintRow }) => {
  const record = useRecordContext<ComplaintRow>();
  const shown = complaint ?? record;
  if (!shown) return null;
  return (
    <Chip
      size="small"
      color={COLORS[shown.status] ?? 'default'}
      variant={shown.status === 'closed' ? 'outlined' : 'filled'}
      label={shown.statusLabel || COMPLAINT_STATUS_LABELS[shown.status]}
      sx={{ whiteSpace: 'nowrap' }}
      data-testid="complaint-status"
    />
  );
};

/** the reply's working-day countdown while open; otherwise the day it was due. */
export const ComplaintDueField = ({ complaint }: { complaint?: ComplaintRow }) => {
  const translate = useTranslate();
  const record = useRecordContext<ComplaintRow>();
  const shown = complaint ?? record;
  if (!shown?.dueDate) return null;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      {shown.status === 'open' && <DueChip due={shown} />}
      <Typography variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
        {translate('app.batches.due_on', { date: formatCalendarDay(shown.dueDate) })}
      </Typography>
      {shown.lateReply && (
        <Chip size="small" color="error" variant="outlined" label={translate('app.complaints.late_reply')} />
      )}
    </Stack>
  );
};

/** The complainant over the masked phone (R-9: never shown in full). */
export const HolderCell = () => {
  const record = useRecordContext<ComplaintRow>();
  if (!record) return null;
  return (
    <>
      <div style={{ whiteSpace: 'nowrap' }}>{record.holderName}</div>
      <Typography variant="caption" sx={{ color: 'text.secondary' }} data-testid="complaint-phone">
        {record.contactPhoneMasked}
      </Typography>
    </>
  );
};

/** The institution over who must reply when that is its parent centre (a dissolved institution, R-44). */
export const InstitutionCell = () => {
  const translate = useTranslate();
  const record = useRecordContext<ComplaintRow>();
  if (!record) return null;
  return (
    <>
      <div>{record.institutionName}</div>
      {record.responderOrganisationId !== record.institutionId && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {translate('app.complaints.responder', { name: record.responderOrganisation })}
        </Typography>
      )}
    </>
  );
};
