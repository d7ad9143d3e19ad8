import { Alert, Typography } from '@mui/material';
import { formatCalendarDay } from '../common/dates';
import type { CalendarYearView } from '@app/contracts';
import { PublishYearButton } from './PublishYearButton';

/** The State Council notice the year follows, or a warning that it has none yet. */
export const YearNotice = ({ view, canEdit }: { view: CalendarYearView; canEdit: boolean }) => {
  if (!view.covered) {
    return (
      <Alert
        severity="warning"
        variant="filled"
        sx={{ mb: 2, alignItems: 'center' }}
        data-testid="calendar-provisional"
        action={canEdit ? <PublishYearButton year={view.year} /> : undefined}
      >
        {view.year} 年国务院节假日安排尚未发布，本年度的期限按双休日临时计算，结果标记为“临时”。
      </Alert>
    );
  }
  const details = [view.noticeNumber, view.publishedOn && `${formatCalendarDay(view.publishedOn)}发布`].filter(Boolean);
  return (
    <Typography variant="subtitle1" sx={{ mb: 2 }} data-testid="calendar-notice">
      依据：{view.notice}
      {details.length > 0 && `（${details.join('，')}）`}
    </Typography>
  );
};
