import { Card, CardContent, CardHeader, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { epochDay, weekdayName } from '@app/domain';
import { formatCalendarDay } from '../common/dates';
import type { CalendarYearView } from '@app/contracts';
import { AddDayButton } from './AddDayButton';
import { DAY_KIND_STYLES, specialDays } from './dayKinds';
import { RemoveDayButton } from './RemoveDayButton';

const SOURCE_LABELS = { notice: '国务院通知', manual: '手动登记' } as const;

/** The year's holidays and adjusted working days as a list; national_admin adds and removes them here. */
export const SpecialDaysCard = ({ view, canEdit }: { view: CalendarYearView; canEdit: boolean }) => {
  const days = specialDays(view);
  return (
    <Card sx={{ mt: 2 }} data-testid="special-days">
      <CardHeader
        title={`${view.year} 年节假日与调休上班日`}
        subheader={`放假 ${view.holidays.length} 天，调休上班 ${view.workdays.length} 天`}
        action={canEdit ? <AddDayButton /> : undefined}
      />
      <CardContent>
        {days.length === 0 ? (
          <Typography color="text.secondary">本年度尚无登记的放假日期或调休上班日期。</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>日期</TableCell>
                <TableCell>类型</TableCell>
                <TableCell>名称</TableCell>
                <TableCell>来源</TableCell>
                <TableCell>登记原因</TableCell>
                {canEdit && <TableCell align="right">操作</TableCell>}
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
