import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { SuspendFlagResult } from '@app/contracts';
import { formatCalendarDay } from '../common/dates';

/** What 暂停查询（全部） did: the re-checks opened with their deadlines, and each certificate skipped with why. */
export const SuspendFlagResultDialog = ({ result, onClose }: { result: SuspendFlagResult; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{translate('app.flags.suspend.result_title', { id: result.flag.id })}</DialogTitle>
      <DialogContent data-testid="suspend-result">
        <Alert severity={result.rechecks.length > 0 ? 'success' : 'warning'} sx={{ mb: 2 }}>
          {translate('app.flags.suspend.result_summary', {
            suspended: result.rechecks.length,
            skipped: result.skipped.length,
          })}
        </Alert>
        {result.rechecks.length > 0 && (
          <Table size="small" sx={{ mb: 2 }} data-testid="suspend-result-rechecks">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.rechecks.fields.certificateNumber')}</TableCell>
                <TableCell>{translate('resources.rechecks.fields.holderName')}</TableCell>
                <TableCell>{translate('resources.rechecks.fields.provinceName')}</TableCell>
                <TableCell>{translate('resources.rechecks.fields.dueDate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.rechecks.map((recheck) => (
                <TableRow key={recheck.id}>
                  <TableCell>
                    <Link component={RouterLink} to={`/rechecks/${recheck.id}/show`} onClick={onClose}>
                      {recheck.certificateNumber}
                    </Link>
                  </TableCell>
                  <TableCell>{recheck.holderName}</TableCell>
                  <TableCell>{recheck.provinceName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatCalendarDay(recheck.dueDate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {result.skipped.length > 0 && (
          <>
            <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
              {translate('app.flags.suspend.skipped')}
            </Typography>
            <Table size="small" data-testid="suspend-result-skipped">
              <TableBody>
                {result.skipped.map((skip) => (
                  <TableRow key={skip.certificateId}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{skip.certificateNumber}</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{skip.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.common.got_it')}</Button>
      </DialogActions>
    </Dialog>
  );
};
