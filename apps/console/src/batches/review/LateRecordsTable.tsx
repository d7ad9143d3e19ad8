import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { LateRecord } from '@app/contracts';

interface Props {
  records: LateRecord[];
  count: number;
  /** What `due` is: 上报期限 (upload deadline) or 受理截止 (the 6-month cutoff). */
  dueLabel: string;
}

/** Records a submission stopped at; the API lists at most 200 of them. */
export const LateRecordsTable = ({ records, count, dueLabel }: Props) => (
  <>
    <Typography variant="body2" sx={{ mb: 1 }}>
      共 {count} 条{count > records.length ? `，以下列出前 ${records.length} 条` : ''}：
    </Typography>
    <TableContainer sx={{ maxHeight: 240, mb: 2 }}>
      <Table size="small" stickyHeader aria-label="逾期记录">
        <TableHead>
          <TableRow>
            <TableCell>行号</TableCell>
            <TableCell>证书编号</TableCell>
            <TableCell>姓名</TableCell>
            <TableCell>发证日期</TableCell>
            <TableCell>{dueLabel}</TableCell>
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
