import { Alert, Box, Divider, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate, Translate } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { HistoryEntryItem } from './HistoryEntryItem';
import type { BatchView, HistoryEntry } from '@app/contracts';

/** The batch's decision trail as a vertical timeline, oldest first. */
// `label={false}`: shown in a TabbedShowLayout tab, which would otherwise put a field label above it.
export const BatchHistory = (_props: { label?: false }) => {
  const batch = useRecordContext<BatchView>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({
    // Keyed with the version: every workflow step bumps it, so the timeline follows each decision.
    queryKey: ['batches', 'history', batch?.id, batch?.version],
    queryFn: () => dataProvider.getBatchHistory(batch!.id),
    enabled: batch != null,
  });
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  if (data.length === 0) {
    return (
      <Alert severity="info">
        <Translate i18nKey="app.review.no_history" />
      </Alert>
    );
  }
  const inherited = data.filter((entry) => entry.inheritedFromBatchId != null);
  if (inherited.length === 0) return <Timeline entries={data} testId="batch-history" />;
  // a child batch of a partial return — its parent's steps up to the split apart from its own.
  const own = data.filter((entry) => entry.inheritedFromBatchId == null);
  return (
    <Box data-testid="batch-history">
      <Typography variant="subtitle2" sx={{ color: 'text.secondary', mb: 1 }}>
        {translate('app.review.history.inherited_section', { id: inherited[0].inheritedFromBatchId })}
      </Typography>
      <Box sx={{ opacity: 0.8 }}>
        <Timeline entries={inherited} testId="batch-history-inherited" />
      </Box>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('app.review.history.own_section')}
      </Typography>
      {own.length > 0 ? (
        <Timeline entries={own} testId="batch-history-own" />
      ) : (
        <Alert severity="info" data-testid="batch-history-own">
          {translate('app.review.history.no_own_steps')}
        </Alert>
      )}
    </Box>
  );
};

const Timeline = ({ entries, testId }: { entries: HistoryEntry[]; testId: string }) => (
  <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid={testId}>
    {entries.map((entry, index) => (
      <HistoryEntryItem key={entry.id} entry={entry} last={index === entries.length - 1} />
    ))}
  </Box>
);
