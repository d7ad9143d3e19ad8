import { Box, Grid, Typography } from '@mui/material';
import { useRecordContext, Translate } from 'react-admin';
import type { AuditLogView } from '@app/contracts';

const Json = ({ title, value }: { title: string; value: unknown }) => (
  <Grid size={{ xs: 12, md: 6 }}>
    <Typography variant="subtitle2" gutterBottom>
      <Translate i18nKey={title} />
    </Typography>
    <Box
      component="pre"
      sx={{
        m: 0,
        p: 1.5,
        bgcolor: 'grey.100',
        borderRadius: 1,
        fontSize: 12,
        maxHeight: 360,
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {value == null ? <Translate i18nKey="app.common.none" /> : JSON.stringify(value, null, 2)}
    </Box>
  </Grid>
);

/** The expanded row: before/after side by side, plus the detail text and the chain hash. */
export const AuditLogDetail = () => {
  const log = useRecordContext<AuditLogView>();
  if (!log) return null;
  return (
    <Box data-testid="audit-log-detail" sx={{ p: 1 }}>
      {log.detail && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          <Translate i18nKey="app.audit_logs.detail" options={{ detail: log.detail }} />
        </Typography>
      )}
      <Grid container spacing={2}>
        <Json title="resources.audit-logs.fields.before" value={log.before} />
        <Json title="resources.audit-logs.fields.after" value={log.after} />
      </Grid>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1, fontFamily: 'monospace' }}>
        <Translate i18nKey="app.audit_logs.hash" options={{ hash: log.hash }} />
      </Typography>
    </Box>
  );
};
