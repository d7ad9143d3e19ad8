import { Box, Typography } from '@mui/material';
import { daysInMonth, epochDayFromParts, isoWeekday, toIsoDate, type IsoDate } from '@app/domain';
import { DayCell } from './DayCell';
import type { SpecialDay } from './dayKinds';

const WEEKDAY_HEADERS = ['一', '二', '三', '四', '五', '六', '日'];

interface MonthGridProps {
  year: number;
  month: number;
  special: ReadonlyMap<IsoDate, SpecialDay>;
  today: IsoDate;
}

/** One month, Monday to Sunday. */
export const MonthGrid = ({ year, month, special, today }: MonthGridProps) => {
  const first = epochDayFromParts(year, month, 1);
  const days = Array.from({ length: daysInMonth(year, month) }, (_, i) => toIsoDate(first + i));
  const leadingBlanks = isoWeekday(first) - 1;
  return (
    <Box data-testid={`month-${month}`}>
      <Typography variant="subtitle2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {month}月
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: '2px' }}>
        {WEEKDAY_HEADERS.map((name, i) => (
          <Typography
            key={name}
            variant="caption"
            align="center"
            sx={{ color: i >= 5 ? 'text.secondary' : 'text.primary', fontWeight: 500 }}
          >
            {name}
          </Typography>
        ))}
        {leadingBlanks > 0 && <Box sx={{ gridColumn: `span ${leadingBlanks}` }} />}
        {days.map((date) => (
          <DayCell key={date} date={date} special={special.get(date)} isToday={date === today} />
        ))}
      </Box>
    </Box>
  );
};
