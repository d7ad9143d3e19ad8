import { Alert, Box, Grid, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { FlagDetail } from '@app/contracts';
import { formatBeijingDateTime } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { flagFigureRows } from './flagDisplay';
import { FlagStatusChip } from './FlagStatusChip';

/** The figures that crossed the threshold, labelled, as a small two-column table. */
const FlagFigures = ({ flag }: { flag: FlagDetail }) => {
  const translate = useTranslate();
  const rows = flagFigureRows(flag);
  return (
    <Box data-testid="flag-figures">
      <Typography variant="subtitle2" sx={{ color: 'text.secondary', mb: 0.5 }}>
        {translate('app.flags.figures')}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">{translate('app.common.none')}</Typography>
      ) : (
        <Table size="small">
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key}>
                <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: '40%', pl: 0 }}>
                  {row.label}
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.value || '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

/** The flag's header: what crossed the threshold in one sentence, its facts and figures, and the decision taken. */
export const FlagFacts = () => {
  const translate = useTranslate();
  const flag = useRecordContext<FlagDetail>();
  if (!flag) return null;
  return (
    <Box sx={{ p: 2 }} data-testid="flag-facts">
      <Alert severity={flag.status === 'open' ? 'warning' : 'info'} icon={false} sx={{ mb: 2 }}>
        <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }} data-testid="flag-summary">
          {flag.summary}
        </Typography>
      </Alert>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Grid container spacing={1}>
            <Grid size={{ xs: 12, sm: 6 }}>
              <LabeledValue label="resources.flags.fields.ruleLabel">{flag.ruleLabel}</LabeledValue>
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <LabeledValue label="resources.flags.fields.status">
                <FlagStatusChip flag={flag} />
              </LabeledValue>
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <LabeledValue label="resources.flags.fields.raisedAt">
                {formatBeijingDateTime(flag.raisedAt)}
              </LabeledValue>
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <LabeledValue label="resources.flags.fields.institutionNames">
                {flag.institutionNames.join('、')}
              </LabeledValue>
            </Grid>
            {flag.rechecks.open + flag.rechecks.restored + flag.rechecks.confirmed > 0 && (
              <Grid size={12}>
                <LabeledValue label="app.flags.rechecks">
                  <span data-testid="flag-rechecks">{translate('app.flags.recheck_counts', flag.rechecks)}</span>
                </LabeledValue>
              </Grid>
            )}
            {flag.decidedAt && (
              <Grid size={12}>
                <LabeledValue label="app.flags.decision">
                  <span data-testid="flag-decision">
                    {translate('app.flags.decided', {
                      name: flag.decidedByName ?? '',
                      at: formatBeijingDateTime(flag.decidedAt),
                      status: flag.statusLabel,
                    })}
                    {flag.decisionReason ? translate('app.flags.decision_reason', { reason: flag.decisionReason }) : ''}
                  </span>
                </LabeledValue>
              </Grid>
            )}
          </Grid>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>{flag.figures ? <FlagFigures flag={flag} /> : null}</Grid>
      </Grid>
    </Box>
  );
};
