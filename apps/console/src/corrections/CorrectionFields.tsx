import { useEffect, useState } from 'react';
import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import {
  CORRECTION_STAGE_LABELS,
  CORRECTION_STATUS_LABELS,
  CORRECTION_TYPE_LABELS,
  WORK_ORDER_URGENCY_HINTS,
  WORK_ORDER_URGENCY_LABELS,
  type CorrectionRow,
  type CorrectionStatus,
  type WorkOrderUrgency,
} from '@app/contracts';
import { DueChip } from '../batches/DueChip';
import { formatBeijingDateTime, formatCalendarDay } from '../common/dates';
import { countdownKind, hoursCountdown } from './correctionDue';

type Props = { correction?: CorrectionRow; source?: string; label?: string };

function useShown(correction?: CorrectionRow) {
  const record = useRecordContext<CorrectionRow>();
  return correction ?? record;
}

const STATUS_COLORS: Record<CorrectionStatus, 'warning' | 'success' | 'error' | 'default' | 'info'> = {
  awaiting: 'info',
  pending: 'warning',
  returned: 'error',
  applied: 'success',
  withdrawn: 'default',
};

/** 处理中 · 市级审核 / 已退回 / 已执行 / 已撤回. */
export const CorrectionStatusChip = ({ correction }: Props) => {
  const shown = useShown(correction);
  if (!shown) return null;
  const status = shown.statusLabel || CORRECTION_STATUS_LABELS[shown.status];
  const stage =
    shown.status === 'pending' && shown.stage ? shown.stageLabel || CORRECTION_STAGE_LABELS[shown.stage] : '';
  return (
    <Chip
      size="small"
      color={STATUS_COLORS[shown.status] ?? 'default'}
      variant={shown.status === 'pending' ? 'filled' : 'outlined'}
      label={stage ? `${status} · ${stage}` : status}
      sx={{ whiteSpace: 'nowrap' }}
      data-testid="correction-status"
    />
  );
};

const URGENCY_COLORS: Record<WorkOrderUrgency, 'error' | 'warning' | 'default'> = {
  urgent: 'error',
  express: 'warning',
  normal: 'default',
};

/** 附件4's 紧急 / 急 / 普通, with its period (24 hours, 48 hours, 5 working days) on hover. */
export const UrgencyChip = ({ correction }: Props) => {
  const shown = useShown(correction);
  if (!shown?.urgency) return null;
  return (
    <Tooltip title={WORK_ORDER_URGENCY_HINTS[shown.urgency]}>
      <Chip
        size="small"
        variant="outlined"
        color={URGENCY_COLORS[shown.urgency]}
        label={shown.urgencyLabel || WORK_ORDER_URGENCY_LABELS[shown.urgency]}
        data-testid="urgency-chip"
      />
    </Tooltip>
  );
};

/** The time now, renewed every minute so an hour countdown stays true on an open page. */
function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const HoursChip = ({ dueAt }: { dueAt: string }) => {
  const translate = useTranslate();
  const look = hoursCountdown(dueAt, useNow());
  if (!look) return null;
  return (
    <Chip
      size="small"
      color={look.color}
      variant={look.color === 'info' ? 'outlined' : 'filled'}
      label={translate(look.key, look.args)}
      data-testid="due-chip"
    />
  );
};

/**
 * The current stage's deadline: work orders due at an instant count hours, the rest working days; the due
 * day or instant below.
 */
export const CorrectionDueField = ({ correction }: Props) => {
  const translate = useTranslate();
  const shown = useShown(correction);
  if (!shown) return null;
  const kind = countdownKind(shown);
  const when = shown.dueAt
    ? translate('app.corrections.due.at', { at: formatBeijingDateTime(shown.dueAt) })
    : shown.dueDate
      ? translate('app.batches.due_on', { date: formatCalendarDay(shown.dueDate) })
      : '';
  if (!kind && !when) return null;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      {kind === 'hours' && shown.dueAt && <HoursChip dueAt={shown.dueAt} />}
      {kind === 'working_days' && <DueChip due={shown} />}
      {kind && when && (
        <Typography variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
          {when}
        </Typography>
      )}
    </Stack>
  );
};

/** The certificate number over its holder's name. */
export const CorrectionCertificateCell = (_props: Props) => {
  const record = useRecordContext<CorrectionRow>();
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

/** 修改 / 删除 over the route (工单, 勘误, 逻辑删除), the urgency of a work order beside it. */
export const CorrectionTypeCell = (_props: Props) => {
  const record = useRecordContext<CorrectionRow>();
  if (!record) return null;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <span style={{ whiteSpace: 'nowrap' }}>{record.typeLabel || CORRECTION_TYPE_LABELS[record.type]}</span>
        <UrgencyChip correction={record} />
      </Stack>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {record.routeLabel}
      </Typography>
    </Stack>
  );
};

/** Who asked, and when. */
export const RequestedCell = (_props: Props) => {
  const record = useRecordContext<CorrectionRow>();
  if (!record) return null;
  return (
    <>
      <div style={{ whiteSpace: 'nowrap' }}>{formatBeijingDateTime(record.requestedAt)}</div>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {record.requestedByName}
      </Typography>
    </>
  );
};
