import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, Translate } from 'react-admin';
import type { AuditLogView } from '@app/contracts';
import { auditFieldRows } from './auditFormat';

/** Before/after as two columns of labelled fields; the changed values are highlighted. */
const ChangesTable = ({ log }: { log: AuditLogView }) => {
  const rows = auditFieldRows(log);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        <Translate i18nKey="app.audit_logs.no_fields" />
      </Typography>
    );
  }
  const changed = { bgcolor: 'warning.light', fontWeight: 600 };
  return (
    <Table size="small" data-testid="audit-log-changes" sx={{ maxWidth: 960, '& td': { wordBreak: 'break-word' } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '22%' }}>
            <Translate i18nKey="app.audit_logs.field" />
          </TableCell>
          <TableCell sx={{ width: '39%' }}>
            <Translate i18nKey="resources.audit-logs.fields.before" />
          </TableCell>
          <TableCell sx={{ width: '39%' }}>
            <Translate i18nKey="resources.audit-logs.fields.after" />
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} data-changed={row.changed || undefined}>
            <TableCell component="th" scope="row" sx={{ color: 'text.secondary' }}>
              {row.label}
            </TableCell>
            <TableCell
              sx={row.changed && row.before ? { textDecoration: 'line-through', color: 'text.secondary' } : {}}
            >
              {row.before}
            </TableCell>
            <TableCell sx={row.changed ? changed : {}}>{row.after}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The expanded row: what was recorded in words, the changed fields, and the chain hash. */
export const AuditLogDetail = () => {
  const log = useRecordContext<AuditLogView>();
  if (!log) return null;
  return (
    <Box data-testid="audit-log-detail" sx={{ p: 1 }}>
      {log.detailText && (
        <Typography variant="body2" sx={{ mb: 1, whiteSpace: 'pre-wrap' }}>
          <Translate i18nKey="app.audit_logs.detail" options={{ detail: log.detailText }} />
        </Typography>
      )}
      <ChangesTable log={log} />
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1, fontFamily: 'monospace' }}>
        <Translate i18nKey="app.audit_logs.hash" options={{ hash: log.hash }} />
      </Typography>
    </Box>
  );
};
