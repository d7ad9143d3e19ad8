import { Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { epochDay, weekdayName, type DeadlineResult } from '@app/domain';
import { formatBeijingDateTime, formatCalendarDay } from '../common/dates';
import { periodText, PROFILE_LABELS } from './deadlineLabels';
import { PeriodDaysTable } from './PeriodDaysTable';

/** The server's answer: the due day (and time, for work orders), on what basis, and how it was counted. */
export const DeadlineResultCard = ({ result }: { result: DeadlineResult }) => {
  const { period } = result;
  const dueTime = result.dueAt ? ` ${formatBeijingDateTime(result.dueAt).slice(11, 16)}` : '';
  return (
    <Card sx={{ mt: 2 }} data-testid="deadline-result">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="overline" color="text.secondary">
            截止日期
          </Typography>
          {result.provisional && (
            <Chip
              color="warning"
              size="small"
              label={`临时（${period.uncoveredYears.join('、')} 年日历未发布）`}
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
          {result.dueAt ? '（北京时间）' : '，当日 24 时前'}
        </Typography>
        <Divider sx={{ my: 2 }} />
        <Typography variant="h6">
          {result.label}：{periodText(period.amount, period.unit)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          适用规定：{PROFILE_LABELS[result.profile]}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          依据：{result.basis}
        </Typography>
        <Typography sx={{ mt: 1.5 }} data-testid="deadline-explanation">
          {period.explanation}
        </Typography>
        <PeriodDaysTable period={period} />
      </CardContent>
    </Card>
  );
};
