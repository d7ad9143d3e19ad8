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
import { useDataProvider, useNotify } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { ImportFailure } from '@app/contracts';

/** why the sheet was refused — row, column, reason — and the error report to fix and re-upload. */
export const ImportErrorsPanel = ({ failure }: { failure: ImportFailure }) => {
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
            下载错误报告
          </Button>
        }
      >
        {failure.message}
      </Alert>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        共 {failure.errorCount} 处错误
        {failure.unlistedErrorCount
          ? `（此处列出前 ${failure.errors.length} 处，另有 ${failure.unlistedErrorCount} 处未列出）`
          : failure.errorCount > failure.errors.length
            ? `（此处列出前 ${failure.errors.length} 处，全部错误见错误报告）`
            : ''}
      </Typography>
      <Table size="small" aria-label="校验错误">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 80 }}>行号</TableCell>
            <TableCell sx={{ width: 160 }}>列</TableCell>
            <TableCell>错误说明</TableCell>
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
