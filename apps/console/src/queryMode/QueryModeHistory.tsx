import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { LOOKUP_KIND_LABELS, type QueryModeChangeView } from '@app/contracts';
import { formatBeijingDateTime } from '../common/dates';

const FIELDS = ['changedAt', 'kind', 'changedByName', 'before', 'after', 'reason'] as const;

const schedule = (s: QueryModeChangeView['before']) => `${s.newModeStart} / ${s.oldModeLastDay}`;

/** Every change of the schedules, newest first: who, when, before, after, why. */
export const QueryModeHistory = ({ changes }: { changes: QueryModeChangeView[] }) => {
  const translate = useTranslate();
  if (changes.length === 0) return <Alert severity="info">{translate('app.queryMode.history_empty')}</Alert>;
  return (
    <Table size="small" data-testid="query-mode-history">
      <TableHead>
        <TableRow>
          {FIELDS.map((f) => (
            <TableCell key={f}>{translate(`app.queryMode.fields.${f}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatBeijingDateTime(c.changedAt)}</TableCell>
            <TableCell>{LOOKUP_KIND_LABELS[c.kind]}</TableCell>
            <TableCell>{c.changedByName}</TableCell>
            <TableCell title={c.before.announcement}>{schedule(c.before)}</TableCell>
            <TableCell title={c.after.announcement}>{schedule(c.after)}</TableCell>
            <TableCell>{c.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
