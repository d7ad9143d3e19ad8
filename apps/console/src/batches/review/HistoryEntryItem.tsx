import { Box, Chip, Link, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatBeijingDateTime } from '../../common/dates';
import { roleLabel } from '../../common/fields';
import { DECISION_ACTION_LABELS } from '@app/contracts';
import { ReturnedRecordsList } from './ReturnedRecordsList';
import type { HistoryEntry } from '@app/contracts';

const DOT_COLORS: Record<HistoryEntry['action'], string> = {
  upload: 'grey.500',
  reupload: 'grey.500',
  record_edit: 'grey.500',
  submit: 'primary.main',
  approve: 'success.main',
  return: 'warning.main',
  exemption: 'info.main',
  refuse: 'error.main',
};

function actionLabel(entry: HistoryEntry, translate: (key: string) => string): string {
  if (entry.action === 'return') {
    return translate(entry.childBatchId ? 'app.review.partial_return' : 'app.review.whole_return');
  }
  return DECISION_ACTION_LABELS[entry.action] ?? entry.action;
}

const roles = (codes: string) => codes.split(',').filter(Boolean).map(roleLabel).join('、');

/** One step of the decision trail: who, when, at which stage, what came of it, why. */
export const HistoryEntryItem = ({ entry, last }: { entry: HistoryEntry; last: boolean }) => {
  const translate = useTranslate();
  const changed = entry.stage !== entry.resultStatus;
  return (
    <Box component="li" sx={{ display: 'flex', gap: 2 }} data-testid="history-entry">
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
        <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: DOT_COLORS[entry.action], flexShrink: 0 }} />
        {!last && <Box sx={{ width: 2, flexGrow: 1, bgcolor: 'divider', mt: 0.5 }} />}
      </Box>
      <Box sx={{ pb: 3, flexGrow: 1 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600 }} data-testid="history-action">
            {actionLabel(entry, translate)}
          </Typography>
          <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
            {changed
              ? `${entry.stageLabel} → ${entry.resultLabel}`
              : translate('app.review.history.stage', { stage: entry.stageLabel })}
          </Typography>
          {entry.late && <Chip size="small" color="error" label={translate('app.review.history.late')} />}
          {entry.inheritedFromBatchId != null && (
            <Chip
              size="small"
              variant="outlined"
              label={translate('app.review.history.inherited', { id: entry.inheritedFromBatchId })}
              component={RouterLink}
              to={`/batches/${entry.inheritedFromBatchId}/show`}
              clickable
            />
          )}
        </Stack>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {entry.actorName}（{roles(entry.actorRole)}）· {formatBeijingDateTime(entry.createdAt)}
          {entry.recordCount ? translate('app.review.history.records', { count: entry.recordCount }) : ''}
          {entry.dueDate && (entry.action === 'approve' || entry.action === 'return')
            ? translate('app.review.history.due', { date: entry.dueDate })
            : ''}
        </Typography>
        {entry.comment && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {translate(entry.action === 'return' ? 'app.review.history.return_reason' : 'app.review.history.comment', {
              comment: entry.comment,
            })}
          </Typography>
        )}
        {entry.childBatchId && entry.inheritedFromBatchId == null && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {translate('app.review.history.moved_to')}{' '}
            <Link component={RouterLink} to={`/batches/${entry.childBatchId}/show`}>
              {translate('app.batches.batch_number', { id: entry.childBatchId })}
            </Link>
            {translate('app.review.history.rest_stay')}
          </Typography>
        )}
        {entry.records.length > 0 && <ReturnedRecordsList records={entry.records} />}
      </Box>
    </Box>
  );
};
