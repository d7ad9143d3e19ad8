import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { LateRecord } from '@app/contracts';
import { useTranslate } from 'react-admin';

interface Props {
  records: LateRecord[];
  count: number;
  /** i18n key of what `due` is: 上报期限 (upload deadline) or 受理截止日 (the 6-month cutoff). */
  dueLabel: string;
}

/** Records a submission stopped at; the API lists at most 200 of them. */
export const LateRecordsTable = ({ records, count, dueLabel }: Props) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.review.late_records.count', { count })}
        {count > records.length ? translate('app.review.late_records.shown', { shown: records.length }) : ''}
        {translate('app.common.colon')}
      </Typography>
      <TableContainer sx={{ maxHeight: 240, mb: 2 }}>
        <Table size="small" stickyHeader aria-label={translate('app.review.late_records.label')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.certificates.fields.rowNumber')}</TableCell>
              <TableCell>{translate('resources.certificates.fields.certificateNumber')}</TableCell>
              <TableCell>{translate('resources.certificates.fields.holderName')}</TableCell>
              <TableCell>{translate('resources.certificates.fields.issueDate')}</TableCell>
              <TableCell>{translate(dueLabel)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {records.map((record) => (
              <TableRow key={record.id}>
                <TableCell>{record.rowNumber}</TableCell>
                <TableCell>{record.certificateNumber}</TableCell>
                <TableCell>{record.holderName}</TableCell>
                <TableCell>{record.issueDate}</TableCell>
                <TableCell>{record.due}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
};
