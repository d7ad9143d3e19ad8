import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { addDaysIso, type IsoDate, type PeriodResult, type SkippedEntry } from '@app/domain';
import { formatCalendarDay } from '../common/dates';
import { useTranslate } from 'react-admin';

const SKIPPED_KIND_LABELS: Record<SkippedEntry['kind'], string> = {
  holiday: '节假日（不计入）',
  holidays_more: '节假日（不计入）',
  weekend: '周末（不计入）',
  roll_forward: '顺延',
};

interface Row {
  date: IsoDate;
  lastDate: IsoDate;
  kind: string;
  reason: string;
  /** Days merged into this row (holiday runs). */
  merged: number;
}

/** The API lists holidays one day each; consecutive days of one holiday read better as one row. */
function mergeHolidayRuns(rows: Row[]): Row[] {
  const merged: Row[] = [];
  for (const row of rows) {
    const previous = merged[merged.length - 1];
    const continues =
      previous?.kind === row.kind && previous.reason === row.reason && addDaysIso(previous.lastDate, 1) === row.date;
    if (continues) {
      previous.lastDate = row.date;
      previous.merged += 1;
    } else {
      merged.push({ ...row });
    }
  }
  return merged;
}

function rows(period: PeriodResult): Row[] {
  const skipped = period.skipped.map((entry) => ({
    date: entry.date,
    lastDate: 'lastDate' in entry ? entry.lastDate : entry.date,
    kind: SKIPPED_KIND_LABELS[entry.kind],
    reason: entry.reason,
    merged: 1,
  }));
  const adjusted = period.adjustedWorkdays.map((day) => ({
    date: day.date,
    lastDate: day.date,
    kind: '调休上班（计入）',
    reason: `${day.name}调休上班`,
    merged: 1,
  }));
  return mergeHolidayRuns([...skipped, ...adjusted].sort((a, b) => a.date.localeCompare(b.date)));
}

/** The rest days a period stepped over and the weekend days it counted as working days (调休上班). */
export const PeriodDaysTable = ({ period }: { period: PeriodResult }) => {
  const translate = useTranslate();
  const list = rows(period);
  if (list.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 0.5 }}>
        {translate('app.calendar.period_days')}
      </Typography>
      <Table size="small" data-testid="deadline-days">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.calendar.columns.date')}</TableCell>
            <TableCell>{translate('app.calendar.columns.kind')}</TableCell>
            <TableCell>{translate('app.calendar.columns.note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {list.map((row) => (
            <TableRow key={`${row.kind}-${row.date}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {formatCalendarDay(row.date)}
                {row.lastDate !== row.date &&
                  translate('app.calendar.until', { date: formatCalendarDay(row.lastDate) })}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.kind}</TableCell>
              <TableCell>
                {row.reason}
                {row.merged > 1 && translate('app.calendar.days_count', { days: row.merged })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
