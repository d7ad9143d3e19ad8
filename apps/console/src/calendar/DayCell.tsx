import { Box, Tooltip } from '@mui/material';
import type { IsoDate } from '@app/domain';
import { formatCalendarDay } from '../common/dates';
import { DAY_KIND_STYLES, dayKind, type SpecialDay } from './dayKinds';
import { useTranslate } from 'react-admin';

interface DayCellProps {
  date: IsoDate;
  special: SpecialDay | undefined;
  isToday: boolean;
}

function describe(
  translate: (key: string, options?: object) => string,
  date: IsoDate,
  special: SpecialDay | undefined,
  label: string,
  isToday: boolean,
): string {
  const parts = [formatCalendarDay(date)];
  parts.push(special ? `${special.name}（${label}）` : label);
  if (special?.source === 'manual' && special.reason) {
    parts.push(translate('app.calendar.manual_entry', { reason: special.reason }));
  }
  if (isToday) parts.push(translate('app.calendar.today'));
  return parts.join(' ');
}

/** A day number, tinted by kind; holidays and adjusted days say their name on hover. */
export const DayCell = ({ date, special, isToday }: DayCellProps) => {
  const translate = useTranslate();
  const kind = dayKind(date, special);
  const style = DAY_KIND_STYLES[kind];
  return (
    <Tooltip title={describe(translate, date, special, style.label, isToday)} disableInteractive enterDelay={200}>
      <Box
        data-date={date}
        data-kind={kind}
        sx={{
          position: 'relative',
          textAlign: 'center',
          lineHeight: '28px',
          fontSize: '0.8rem',
          borderRadius: 1,
          bgcolor: style.background,
          color: style.color,
          fontWeight: special ? 600 : 400,
          cursor: 'default',
          ...(isToday && { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: '-2px' }),
        }}
      >
        {Number(date.slice(8))}
        {style.badge && (
          <Box
            component="span"
            aria-hidden
            sx={{ position: 'absolute', top: 0, right: 2, fontSize: '0.55rem', lineHeight: 1.4, fontWeight: 700 }}
          >
            {style.badge}
          </Box>
        )}
      </Box>
    </Tooltip>
  );
};
