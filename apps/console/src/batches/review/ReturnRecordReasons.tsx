import { LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useGetMany, useTranslate } from 'react-admin';
import type { CertificateRecord } from '@app/contracts';

interface Props {
  ids: readonly number[];
  batchReason: string;
  reasons: Readonly<Record<number, string | undefined>>;
  onChange: (id: number, reason: string) => void;
}

/** The records of a partial return, each with its own reason (pre-filled with the batch reason). */
export const ReturnRecordReasons = ({ ids, batchReason, reasons, onChange }: Props) => {
  const translate = useTranslate();
  const { data, isPending } = useGetMany<CertificateRecord>('certificates', { ids: [...ids] });
  if (isPending) return <LinearProgress />;
  return (
    <Table size="small" aria-label={translate('app.review.return_reasons_label')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.certificates.fields.rowNumber')}</TableCell>
          <TableCell>{translate('resources.certificates.fields.holderName')}</TableCell>
          <TableCell>{translate('resources.certificates.fields.certificateNumber')}</TableCell>
          <TableCell sx={{ width: '45%' }}>{translate('resources.certificates.fields.returnReason')}</TableCell>
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
                slotProps={{
                  htmlInput: {
                    'aria-label': translate('app.review.row_return_reason', { row: record.rowNumber }),
                    maxLength: 500,
                  },
                }}
                error={(reasons[record.id] ?? batchReason).trim().length < 2}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
