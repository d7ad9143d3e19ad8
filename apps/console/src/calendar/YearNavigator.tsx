import { IconButton, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useTranslate } from 'react-admin';

interface YearNavigatorProps {
  year: number;
  /** Years whose State Council notice is registered. */
  coveredYears: readonly number[];
  todayYear: number;
  onChange: (year: number) => void;
}

/** The years worth offering: every registered year, this year, the shown one, and one either side. */
function yearChoices(year: number, coveredYears: readonly number[], todayYear: number): number[] {
  const known = [...coveredYears, todayYear, year];
  const first = Math.min(...known) - 1;
  const last = Math.max(...known) + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export const YearNavigator = ({ year, coveredYears, todayYear, onChange }: YearNavigatorProps) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <Tooltip title={translate('app.calendar.previous_year')}>
        <IconButton aria-label={translate('app.calendar.previous_year')} onClick={() => onChange(year - 1)}>
          <ChevronLeftIcon />
        </IconButton>
      </Tooltip>
      <TextField
        select
        fullWidth={false}
        size="small"
        label={translate('app.calendar.year')}
        value={year}
        onChange={(event) => onChange(Number(event.target.value))}
        slotProps={{ htmlInput: { 'data-testid': 'year-select' } }}
        sx={{ width: 200 }}
      >
        {yearChoices(year, coveredYears, todayYear).map((choice) => (
          <MenuItem key={choice} value={choice}>
            {translate('app.calendar.year_option', { year: choice })}
            {coveredYears.includes(choice) ? '' : translate('app.calendar.not_published')}
          </MenuItem>
        ))}
      </TextField>
      <Tooltip title={translate('app.calendar.next_year')}>
        <IconButton aria-label={translate('app.calendar.next_year')} onClick={() => onChange(year + 1)}>
          <ChevronRightIcon />
        </IconButton>
      </Tooltip>
    </Stack>
  );
};
