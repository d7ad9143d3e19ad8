import { IconButton, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';

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

export const YearNavigator = ({ year, coveredYears, todayYear, onChange }: YearNavigatorProps) => (
  <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
    <Tooltip title="上一年">
      <IconButton aria-label="上一年" onClick={() => onChange(year - 1)}>
        <ChevronLeftIcon />
      </IconButton>
    </Tooltip>
    <TextField
      select
      fullWidth={false}
      size="small"
      label="年度"
      value={year}
      onChange={(event) => onChange(Number(event.target.value))}
      slotProps={{ htmlInput: { 'data-testid': 'year-select' } }}
      sx={{ width: 200 }}
    >
      {yearChoices(year, coveredYears, todayYear).map((choice) => (
        <MenuItem key={choice} value={choice}>
          {choice} 年{coveredYears.includes(choice) ? '' : '（未发布）'}
        </MenuItem>
      ))}
    </TextField>
    <Tooltip title="下一年">
      <IconButton aria-label="下一年" onClick={() => onChange(year + 1)}>
        <ChevronRightIcon />
      </IconButton>
    </Tooltip>
  </Stack>
);
