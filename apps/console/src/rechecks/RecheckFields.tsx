import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { RECHECK_STATUS_LABELS, type RecheckRow, type RecheckStatus } from '@app/contracts';
import { DueChip } from '../batches/DueChip';
import { formatBeijingDateTime, formatCalendarDay } from '../common/dates';

const COLORS: Record<RecheckStatus, 'warning' | 'success' | 'error'> = {
  open: 'warning',
  restored: 'success',
  confirmed: 'error',
};

/** 待复核 / 已恢复查询 / 已确认问题 (with the outcome: 删除证书, 更正证书). */
export const RecheckStatusChip = ({ recheck }: { recheck?: RecheckRow }) => {
  const record = useRecordContext<RecheckRow>();
  const shown = recheck ?? record;
  if (!shown) return null;
  const label = shown.statusLabel || RECHECK_STATUS_LABELS[shown.status];
  return (
    <Chip
      size="small"
      color={COLORS[shown.status] ?? 'default'}
      variant={shown.status === 'open' ? 'filled' : 'outlined'}
      label={shown.outcomeLabel ? `${label} · ${shown.outcomeLabel}` : label}
      sx={{ whiteSpace: 'nowrap' }}
      data-testid="recheck-status"
    />
  );
};

/** the re-check's working-day countdown while open; once decided, only the day it was due. */
export const RecheckDueField = ({ recheck }: { recheck?: RecheckRow }) => {
  const translate = useTranslate();
  const record = useRecordContext<RecheckRow>();
  const shown = recheck ?? record;
  if (!shown?.dueDate) return null;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      {shown.status === 'open' && <DueChip due={shown} />}
      <Typography variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
        {translate('app.batches.due_on', { date: formatCalendarDay(shown.dueDate) })}
      </Typography>
    </Stack>
  );
};

/** When and by whom the certificate was suspended. */
export const SuspendedField = () => {
  const record = useRecordContext<RecheckRow>();
  if (!record) return null;
  return (
    <>
      <div style={{ whiteSpace: 'nowrap' }}>{formatBeijingDateTime(record.suspendedAt)}</div>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {record.suspendedByName}
      </Typography>
    </>
  );
};

/** The suspension's reason in two lines at most; the whole of it on hover and on the re-check's page. */
export const SuspendReasonField = () => {
  const record = useRecordContext<RecheckRow>();
  if (!record) return null;
  return (
    <Typography
      variant="body2"
      title={record.suspendReason}
      sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
    >
      {record.suspendReason}
    </Typography>
  );
};

/** The certificate number over its holder's name. */
export const CertificateCell = () => {
  const record = useRecordContext<RecheckRow>();
  if (!record) return null;
  return (
    <>
      <div style={{ whiteSpace: 'nowrap' }}>{record.certificateNumber}</div>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {record.holderName}
      </Typography>
    </>
  );
};

/** The institution over the province that re-checks. */
export const InstitutionCell = () => {
  const translate = useTranslate();
  const record = useRecordContext<RecheckRow>();
  if (!record) return null;
  return (
    <>
      <div>{record.institutionName}</div>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {translate('app.rechecks.province', { province: record.provinceName })}
      </Typography>
    </>
  );
};
