import { Alert, Typography } from '@mui/material';
import { formatCalendarDay } from '../common/dates';
import type { CalendarYearView } from '@app/contracts';
import { PublishYearButton } from './PublishYearButton';
import { useTranslate } from 'react-admin';

/** The State Council notice the year follows, or a warning that it has none yet. */
export const YearNotice = ({ view, canEdit }: { view: CalendarYearView; canEdit: boolean }) => {
  const translate = useTranslate();
  if (!view.covered) {
    return (
      <Alert
        severity="warning"
        variant="filled"
        sx={{ mb: 2, alignItems: 'center' }}
        data-testid="calendar-provisional"
        action={canEdit ? <PublishYearButton year={view.year} /> : undefined}
      >
        {translate('app.calendar.year_not_published', { year: view.year })}
      </Alert>
    );
  }
  const details = [
    view.noticeNumber,
    view.publishedOn && translate('app.calendar.published_on', { date: formatCalendarDay(view.publishedOn) }),
  ].filter(Boolean);
  return (
    <Typography variant="subtitle1" sx={{ mb: 2 }} data-testid="calendar-notice">
      {translate('app.calendar.basis', { basis: view.notice })}
      {details.length > 0 && `（${details.join('，')}）`}
    </Typography>
  );
};
