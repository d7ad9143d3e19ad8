import { LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useGetMany } from 'react-admin';
import type { CertificateRecord } from '@app/contracts';

interface Props {
  ids: readonly number[];
  batchReason: string;
  reasons: Readonly<Record<number, string | undefined>>;
  onChange: (id: number, reason: string) => void;
}

/** The records of a partial return, each with its own reason (pre-filled with the batch reason). */
export const ReturnRecordReasons = ({ ids, batchReason, reasons, onChange }: Props) => {
  const { data, isPending } = useGetMany<CertificateRecord>('certificates', { ids: [...ids] });
  if (isPending) return <LinearProgress />;
  return (
    <Table size="small" aria-label="退回记录及原因">
      <TableHead>
        <TableRow>
          <TableCell>行号</TableCell>
          <TableCell>姓名</TableCell>
          <TableCell>证书编号</TableCell>
          <TableCell sx={{ width: '45%' }}>退回原因</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {(data ?? []).map((record) => (
          <TableRow key={record.id}>
            <TableCell>{record.rowNumber}</TableCell>
            <TableCell>{record.holderName}</TableCell>
            <TableCell>{record.certificateNumber}</TableCell>
            <TableCell>
              <TextField
                size="small"
                fullWidth
                value={reasons[record.id] ?? batchReason}
                onChange={(event) => onChange(record.id, event.target.value)}
                slotProps={{ htmlInput: { 'aria-label': `第 ${record.rowNumber} 行的退回原因`, maxLength: 500 } }}
                error={(reasons[record.id] ?? batchReason).trim().length < 2}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
