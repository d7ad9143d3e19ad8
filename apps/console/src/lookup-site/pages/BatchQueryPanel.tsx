import UploadFileIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { LookupBatchRow, LookupBatchView, LookupKind } from '@app/contracts';
import { maskCertificateNumber, maskName } from '@app/domain';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { saveFile } from '../download';
import { useRefreshQuota } from '../hooks';
import { OCCUPATION_LABELS } from '../labels';

const PAGE_SIZES = [10, 20, 50];

/** One table line per certificate found, or one line with the queried values (masked, R-10) when none was. */
function lines(rows: readonly LookupBatchRow[]) {
  return rows.flatMap((row) =>
    row.results.length === 0
      ? [
          {
            key: `${row.rowNumber}`,
            rowNumber: row.rowNumber,
            name: maskName(row.queriedName),
            gender: '',
            idNumber: row.queriedIdNumberMasked,
            occupation: '',
            workType: '',
            level: '',
            certificateNumber: maskCertificateNumber(row.queriedCertificateNumber),
            found: false,
          },
        ]
      : row.results.map((c, i) => ({
          key: `${row.rowNumber}-${i}`,
          rowNumber: row.rowNumber,
          name: c.holderName,
          gender: c.gender,
          idNumber: c.idNumber,
          occupation: c.occupationName,
          workType: c.workType ?? '',
          level: c.levelLabel ?? '',
          certificateNumber: c.certificateNumber,
          found: true,
        })),
  );
}

function BatchResults({ batch, kind }: { batch: LookupBatchView; kind: LookupKind }) {
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(PAGE_SIZES[0]);
  const rows = useQuery({
    queryKey: ['batch', batch.id, page, size],
    queryFn: () => lookupApi.batchRows(batch.id, page * size, page * size + size - 1),
    placeholderData: keepPreviousData,
  });
  const exporting = useMutation({ mutationFn: () => lookupApi.batchExport(batch.id), onSuccess: saveFile });
  return (
    <Stack spacing={1.5} data-testid="batch-results">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Typography data-testid="batch-summary">
          本次共查询 {batch.rows} 条，查到 {batch.found} 条
        </Typography>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon />}
          disabled={exporting.isPending}
          onClick={() => exporting.mutate()}
        >
          导出
        </Button>
      </Stack>
      {batch.warning && <Alert severity="warning">{batch.warning}</Alert>}
      <ApiErrorAlert error={rows.error ?? exporting.error} />
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>序号</TableCell>
              <TableCell>姓名</TableCell>
              <TableCell>性别</TableCell>
              <TableCell>证件号码</TableCell>
              <TableCell>{OCCUPATION_LABELS[kind]}</TableCell>
              <TableCell>职业方向</TableCell>
              <TableCell>技能等级</TableCell>
              <TableCell>证书编号</TableCell>
              <TableCell>查询结果</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines(rows.data?.rows ?? []).map((line) => (
              <TableRow key={line.key}>
                <TableCell>{line.rowNumber}</TableCell>
                <TableCell>{line.name}</TableCell>
                <TableCell>{line.gender}</TableCell>
                <TableCell>{line.idNumber}</TableCell>
                <TableCell>{line.occupation}</TableCell>
                <TableCell>{line.workType}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{line.level}</TableCell>
                <TableCell>{line.certificateNumber}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', color: line.found ? 'success.main' : 'text.secondary' }}>
                  {line.found ? '已查到' : '未查到'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        // A phone's width: the page-size picker and the page arrows wrap instead of running off the screen.
        sx={{ '& .MuiTablePagination-toolbar': { flexWrap: 'wrap', justifyContent: 'flex-end', px: 0 } }}
        count={rows.data?.total ?? batch.rows}
        page={page}
        rowsPerPage={size}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_e, next: number) => setPage(next)}
        onRowsPerPageChange={(e) => {
          setSize(Number(e.target.value));
          setPage(0);
        }}
      />
    </Stack>
  );
}

/**
 * 批量查询 of a legal entity (R-31, seed 000 五(三)): 下载模板, fill in 姓名 / 证件号码 / 证书编号, 点击上传, then the masked
 * results paged and 导出 as .xlsx. Every row counts against the day's quota.
 */
export function BatchQueryPanel({ kind }: { kind: LookupKind }) {
  const input = useRef<HTMLInputElement>(null);
  const refreshQuota = useRefreshQuota();
  const template = useMutation({ mutationFn: () => lookupApi.batchTemplate(kind), onSuccess: saveFile });
  const upload = useMutation({
    mutationFn: (file: File) => lookupApi.uploadBatch(kind, file),
    onSettled: () => void refreshQuota(),
  });
  const choose = (files: FileList | null) => {
    const file = files?.[0];
    if (file) upload.mutate(file);
    if (input.current) input.current.value = '';
  };
  return (
    <Stack spacing={2} data-testid={`batch-${kind}`}>
      <Typography variant="body2" color="text.secondary" component="div">
        1. 点击【下载模板】；2. 按模板完整填写查询信息：姓名、证件号码、证书编号（请勿修改模板格式）；3.
        点击【点击上传】上传需要查询的证书数据；4. 系统处理后显示脱敏查询结果。为保障查询流畅，单次上传建议控制在 50
        条以内，每条计入今日查询次数。
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon />}
          disabled={template.isPending}
          onClick={() => template.mutate()}
        >
          下载模板
        </Button>
        <Button
          variant="contained"
          startIcon={<UploadFileIcon />}
          disabled={upload.isPending}
          onClick={() => input.current?.click()}
        >
          {upload.isPending ? '正在查询…' : '点击上传'}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => choose(e.target.files)}
          data-testid="batch-file"
        />
      </Box>
      <ApiErrorAlert error={template.error ?? upload.error} />
      {upload.data && <BatchResults key={upload.data.id} batch={upload.data} kind={kind} />}
    </Stack>
  );
}
