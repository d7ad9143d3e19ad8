import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { ImportFailure } from '@app/contracts';

/** why the sheet was refused — row, column, reason — and the error report to fix and re-upload. */
export const ImportErrorsPanel = ({ failure }: { failure: ImportFailure }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const [downloading, setDownloading] = useState(false);
  const shown = failure.errors.slice(page * perPage, (page + 1) * perPage);

  const download = () => {
    setDownloading(true);
    dataProvider
      .downloadImportErrorReport(failure.errorReportId)
      .catch((error: Error) => notify(error.message, { type: 'error' }))
      .finally(() => setDownloading(false));
  };

  return (
    <Box sx={{ mt: 2 }} data-testid="import-errors">
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" startIcon={<DownloadIcon />} onClick={download} disabled={downloading}>
            {translate('app.upload.download_error_report')}
          </Button>
        }
      >
        {failure.message}
      </Alert>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('app.upload.errors.count', { count: failure.errorCount })}
        {failure.unlistedErrorCount
          ? translate('app.upload.errors.unlisted', {
              shown: failure.errors.length,
              unlisted: failure.unlistedErrorCount,
            })
          : failure.errorCount > failure.errors.length
            ? translate('app.upload.errors.in_report', { shown: failure.errors.length })
            : ''}
      </Typography>
      <Table size="small" aria-label={translate('app.upload.errors.label')}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 80 }}>{translate('resources.certificates.fields.rowNumber')}</TableCell>
            <TableCell sx={{ width: 160 }}>{translate('app.upload.errors.column')}</TableCell>
            <TableCell>{translate('app.upload.errors.message')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((error, index) => (
            <TableRow key={`${error.row}-${error.column}-${index}`}>
              <TableCell>{error.row || '—'}</TableCell>
              <TableCell>{error.column || '—'}</TableCell>
              <TableCell>{error.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={failure.errors.length}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={[10, 25, 50, 100]}
        onPageChange={(_, next) => setPage(next)}
        onRowsPerPageChange={(event) => {
          setPerPage(Number(event.target.value));
          setPage(0);
        }}
      />
    </Box>
  );
};
