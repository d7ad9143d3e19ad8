import { Alert, Box, Chip, Link, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { useDataProvider, useTranslate, type Identifier } from 'react-admin';
import { CERTIFICATE_HISTORY_LABELS, type CertificateHistoryEntry } from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { HISTORY_DOT_COLORS, historyTime, oldestFirst } from './certificateHistory';

/**
 * The certificate's one history: publication, flags raised and dismissed, suspension from lookup
 * and the province's re-check decision, oldest first like a batch's 办理记录.
 */
export const CertificateHistory = ({ certificateId }: { certificateId: Identifier }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({
    queryKey: ['certificates', 'history', certificateId],
    queryFn: () => dataProvider.getCertificateHistory(certificateId),
  });
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  if (data.length === 0) return <Alert severity="info">{translate('app.certificate_page.no_history')}</Alert>;
  const entries = oldestFirst(data);
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="certificate-history">
      {entries.map((entry, index) => (
        <HistoryItem key={`${entry.kind}-${entry.at}-${index}`} entry={entry} last={index === entries.length - 1} />
      ))}
    </Box>
  );
};

const HistoryItem = ({ entry, last }: { entry: CertificateHistoryEntry; last: boolean }) => {
  const translate = useTranslate();
  const who = entry.actorName
    ? entry.organisationName
      ? translate('app.certificate_page.actor', { name: entry.actorName, organisation: entry.organisationName })
      : entry.actorName
    : (entry.organisationName ?? translate('app.certificate_page.by_system'));
  return (
    <Box component="li" sx={{ display: 'flex', gap: 2 }} data-testid="certificate-history-entry" data-kind={entry.kind}>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
        <Box
          sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: HISTORY_DOT_COLORS[entry.kind], flexShrink: 0 }}
        />
        {!last && <Box sx={{ width: 2, flexGrow: 1, bgcolor: 'divider', mt: 0.5 }} />}
      </Box>
      <Box sx={{ pb: 2.5, flexGrow: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600 }} data-testid="history-label">
            {entry.label || CERTIFICATE_HISTORY_LABELS[entry.kind] || entry.kind}
          </Typography>
          {entry.detail && <Chip size="small" variant="outlined" label={entry.detail} />}
        </Stack>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {historyTime(entry.at)}
          {` · ${who}`}
        </Typography>
        {entry.reason && (
          <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
            {translate('app.certificate_page.reason', { reason: entry.reason })}
          </Typography>
        )}
        {(entry.flagId != null || entry.recheckId != null) && (
          <Stack direction="row" spacing={2} sx={{ mt: 0.5 }}>
            {entry.flagId != null && (
              <Link component={RouterLink} to={`/flags/${entry.flagId}/show`} variant="body2">
                {translate('app.flags.number', { id: entry.flagId })}
              </Link>
            )}
            {entry.recheckId != null && (
              <Link component={RouterLink} to={`/rechecks/${entry.recheckId}/show`} variant="body2">
                {translate('app.rechecks.number', { id: entry.recheckId })}
              </Link>
            )}
          </Stack>
        )}
      </Box>
    </Box>
  );
};
