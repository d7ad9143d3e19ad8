import { Alert, Box, LinearProgress } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate, Translate } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { HistoryEntryItem } from './HistoryEntryItem';
import type { BatchView } from '@app/contracts';

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
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="batch-history">
      {data.map((entry, index) => (
        <HistoryEntryItem key={entry.id} entry={entry} last={index === data.length - 1} />
      ))}
    </Box>
  );
};
