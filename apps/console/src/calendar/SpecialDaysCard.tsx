import {
  Card,
  CardContent,
  CardHeader,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { epochDay, weekdayName } from '@app/domain';
import { formatCalendarDay } from '../common/dates';
import type { CalendarYearView } from '@app/contracts';
import { AddDayButton } from './AddDayButton';
import { DAY_KIND_STYLES, specialDays } from './dayKinds';
import { RemoveDayButton } from './RemoveDayButton';
import { useTranslate } from 'react-admin';

const SOURCE_LABELS = { notice: '国务院通知', manual: '手动登记' } as const;

/** The year's holidays and adjusted working days as a list; national_admin adds and removes them here. */
export const SpecialDaysCard = ({ view, canEdit }: { view: CalendarYearView; canEdit: boolean }) => {
  const translate = useTranslate();
  const days = specialDays(view);
  return (
    <Card sx={{ mt: 2 }} data-testid="special-days">
      <CardHeader
        title={translate('app.calendar.special_days.title', { year: view.year })}
        subheader={translate('app.calendar.special_days.summary', {
          holidays: view.holidays.length,
          workdays: view.workdays.length,
        })}
        action={canEdit ? <AddDayButton /> : undefined}
      />
      <CardContent>
        {days.length === 0 ? (
          <Typography color="text.secondary">{translate('app.calendar.special_days.empty')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.calendar.columns.date')}</TableCell>
                <TableCell>{translate('app.calendar.columns.kind')}</TableCell>
                <TableCell>{translate('app.calendar.columns.name')}</TableCell>
                <TableCell>{translate('app.calendar.columns.source')}</TableCell>
                <TableCell>{translate('app.calendar.columns.reason')}</TableCell>
                {canEdit && <TableCell align="right">{translate('app.common.actions')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {days.map((day) => {
                const style = DAY_KIND_STYLES[day.kind];
                return (
                  <TableRow key={day.date} data-date={day.date} hover>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {formatCalendarDay(day.date)}（{weekdayName(epochDay(day.date))}）
                    </TableCell>
                    <TableCell>
                      <Chip size="small" label={style.label} sx={{ bgcolor: style.background, color: style.color }} />
                    </TableCell>
                    <TableCell>{day.name}</TableCell>
                    <TableCell>{SOURCE_LABELS[day.source]}</TableCell>
                    <TableCell>{day.reason ?? '—'}</TableCell>
                    {canEdit && (
                      <TableCell align="right">
                        <RemoveDayButton day={day} />
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
