import { Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { epochDay, weekdayName, type DeadlineResult } from '@app/domain';
import { formatBeijingDateTime, formatCalendarDay } from '../common/dates';
import { periodText, PROFILE_LABELS } from './deadlineLabels';
import { PeriodDaysTable } from './PeriodDaysTable';
import { useTranslate } from 'react-admin';

/** The server's answer: the due day (and time, for work orders), on what basis, and how it was counted. */
export const DeadlineResultCard = ({ result }: { result: DeadlineResult }) => {
  const translate = useTranslate();
  const { period } = result;
  const dueTime = result.dueAt ? ` ${formatBeijingDateTime(result.dueAt).slice(11, 16)}` : '';
  return (
    <Card sx={{ mt: 2 }} data-testid="deadline-result">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="overline" color="text.secondary">
            {translate('app.calendar.result.due')}
          </Typography>
          {result.provisional && (
            <Chip
              color="warning"
              size="small"
              label={translate('app.calendar.result.provisional', { years: period.uncoveredYears.join('、') })}
              data-testid="deadline-provisional"
            />
          )}
        </Stack>
        <Typography variant="h3" component="p" sx={{ fontWeight: 600 }} data-testid="deadline-due">
          {formatCalendarDay(result.due)}
          {dueTime}
        </Typography>
        <Typography color="text.secondary" gutterBottom>
          {weekdayName(epochDay(result.due))}
          {translate(result.dueAt ? 'app.calendar.result.beijing_time' : 'app.calendar.result.end_of_day')}
        </Typography>
        <Divider sx={{ my: 2 }} />
        <Typography variant="h6">
          {result.label}：{periodText(period.amount, period.unit)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.calendar.result.profile', { profile: PROFILE_LABELS[result.profile] })}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.calendar.basis', { basis: result.basis })}
        </Typography>
        <Typography sx={{ mt: 1.5 }} data-testid="deadline-explanation">
          {period.explanation}
        </Typography>
        <PeriodDaysTable period={period} />
      </CardContent>
    </Card>
  );
};
