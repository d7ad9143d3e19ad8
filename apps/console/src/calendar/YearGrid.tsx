import { Grid } from '@mui/material';
import type { CalendarYearView } from '@app/contracts';
import { specialDays } from './dayKinds';
import { MonthGrid } from './MonthGrid';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The year at a glance: twelve month grids. */
export const YearGrid = ({ view }: { view: CalendarYearView }) => {
  const special = new Map(specialDays(view).map((day) => [day.date, day]));
  return (
    <Grid container spacing={3} data-testid="year-grid">
      {MONTHS.map((month) => (
        <Grid key={month} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
          <MonthGrid year={view.year} month={month} special={special} today={view.today} />
        </Grid>
      ))}
    </Grid>
  );
};
