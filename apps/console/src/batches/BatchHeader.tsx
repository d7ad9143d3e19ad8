import { Box, Grid, Link, Stack } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useRecordContext, useTranslate } from 'react-admin';
import { BATCH_STATUS_LABELS, type BatchStatus } from '@app/domain';
import { formatBeijingDateTime, formatCalendarDay } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { BatchStatusField } from './BatchStatusField';
import { batchKindLabel } from './choices';
import { DueChip } from './DueChip';
import { PROVISIONAL_MARK } from './DueField';
import { ExemptionNotice } from './ExemptionNotice';
import { LateSubmissionNotice } from './LateSubmissionNotice';
import { ReturnReasonNotice } from './ReturnReasonNotice';
import type { BatchView } from '@app/contracts';

/** "2026-12-03 11:40": a moment of the workflow to the minute, in Beijing time. */
const formatBeijingMinute = (at: string) => formatBeijingDateTime(at).slice(0, 16);

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Grid size={{ xs: 12, sm: 6, md: 3 }}>
    <LabeledValue label={label}>{children}</LabeledValue>
  </Grid>
);

/** The batch's facts above its records and history: stage, institution, deadline, R-16 statements. */
export const BatchHeader = () => {
  const translate = useTranslate();
  const batch = useRecordContext<BatchView>();
  if (!batch) return null;
  return (
    <Box sx={{ p: 2 }} data-testid="batch-header">
      <ReturnReasonNotice />
      <Grid container spacing={1}>
        <Item label="resources.batches.fields.status">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <BatchStatusField />
            {/* With a reason, the stage is named in the 退回原因 notice above. */}
            {batch.status === 'returned' && batch.returnedFrom && !batch.returnReason && (
              <span>
                {translate('app.batches.returned_from', {
                  stage: BATCH_STATUS_LABELS[batch.returnedFrom as BatchStatus] ?? batch.returnedFrom,
                })}
              </span>
            )}
          </Stack>
        </Item>
        <Item label="resources.batches.fields.institutionName">{batch.institutionName}</Item>
        <Item label="resources.batches.fields.kind">{batchKindLabel(batch.kind)}</Item>
        <Item label="resources.batches.fields.recordCount">{batch.recordCount}</Item>
        <Item label="resources.batches.fields.dueDate">
          {batch.dueDate ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <span title={batch.dueProvisional ? translate('app.batches.provisional_due_hint') : undefined}>
                {formatCalendarDay(batch.dueDate)}
                {batch.dueProvisional ? translate(PROVISIONAL_MARK) : ''}
              </span>
              <DueChip due={batch} />
            </Stack>
          ) : (
            ''
          )}
        </Item>
        <Item label="resources.batches.fields.submittedAt">
          {batch.splitFrom && !batch.splitFrom.submittedSince
            ? // a child batch carries its parent's submission time; it is not its own submission.
              translate('app.batches.not_submitted_since_split')
            : batch.submittedAt
              ? translate('app.batches.submitted_at', {
                  at: formatBeijingDateTime(batch.submittedAt),
                  round: batch.round,
                })
              : translate('app.batches.not_submitted')}
        </Item>
        <Item label="resources.batches.fields.publishedOn">{formatCalendarDay(batch.publishedOn)}</Item>
        <Item label="resources.batches.fields.fileName">{batch.fileName}</Item>
        {batch.proxyReason && (
          // a centre uploaded this batch for the institution, and said why.
          <Item label="resources.batches.fields.proxyReason">{batch.proxyReason}</Item>
        )}
        {batch.parentId && !batch.splitFrom && (
          <Item label="resources.batches.fields.parentId">
            <Link component={RouterLink} to={`/batches/${batch.parentId}/show`}>
              {translate('app.batches.split_from', { id: batch.parentId })}
            </Link>
          </Item>
        )}
        {batch.splitFrom && (
          // when and from which batch this one was split off by a partial return.
          <Grid size={12}>
            <LabeledValue label="resources.batches.fields.parentId">
              <span data-testid="split-from">
                {translate('app.batches.split_from_prefix')}
                <Link component={RouterLink} to={`/batches/${batch.splitFrom.parentId}/show`}>
                  {translate('app.batches.batch_number', { id: batch.splitFrom.parentId })}
                </Link>
                {translate('app.batches.split_from_at', { at: formatBeijingMinute(batch.splitFrom.at) })}
              </span>
            </LabeledValue>
          </Grid>
        )}
      </Grid>
      <LateSubmissionNotice />
      <ExemptionNotice />
    </Box>
  );
};
