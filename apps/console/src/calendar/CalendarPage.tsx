import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, CardHeader, LinearProgress } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { beijingToday } from '../common/dates';
import { CalendarLegend } from './CalendarLegend';
import { useCalendarYear, useCanEditCalendar } from './hooks';
import { SpecialDaysCard } from './SpecialDaysCard';
import { YearGrid } from './YearGrid';
import { YearNavigator } from './YearNavigator';
import { YearNotice } from './YearNotice';

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/** 工作日历: the official working-day calendar a year at a time; national_admin maintains it. */
export const CalendarPage = () => {
  const translate = useTranslate();
  const canEdit = useCanEditCalendar();
  // null until the server has said which year it is (its clock decides deadlines, not the browser's).
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const { data: view, error, isFetching, isPlaceholderData } = useCalendarYear(chosenYear ?? yearOf(beijingToday()));

  useEffect(() => {
    if (chosenYear === null && view) setChosenYear(yearOf(view.today));
  }, [chosenYear, view]);

  const errorAlert = error && <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  if (!view) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="app.menu.calendar" />
        {errorAlert || <Loading />}
      </Box>
    );
  }
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="app.menu.calendar" />
      <Card>
        <CardHeader
          title={
            <YearNavigator
              year={chosenYear ?? view.year}
              coveredYears={view.coveredYears}
              todayYear={yearOf(view.today)}
              onChange={setChosenYear}
            />
          }
        />
        <Box sx={{ height: 4 }}>{isFetching && <LinearProgress />}</Box>
        {/* While the chosen year loads, the previous one stays on screen, dimmed. */}
        <CardContent sx={{ opacity: isPlaceholderData ? 0.5 : 1 }}>
          {errorAlert || (
            <>
              <YearNotice view={view} canEdit={canEdit} />
              <CalendarLegend />
              <YearGrid view={view} />
            </>
          )}
        </CardContent>
      </Card>
      {!error && <SpecialDaysCard view={view} canEdit={canEdit} />}
    </Box>
  );
};
