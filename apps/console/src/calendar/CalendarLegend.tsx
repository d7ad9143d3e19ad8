import { Box, Stack, Typography } from '@mui/material';
import { DAY_KIND_STYLES, type DayKind } from './dayKinds';
import { Translate } from 'react-admin';

const KINDS: DayKind[] = ['holiday', 'workday', 'weekend', 'working'];

const Swatch = ({ sx, children }: { sx: object; children?: string }) => (
  <Box
    aria-hidden
    sx={{
      width: 22,
      height: 18,
      borderRadius: 0.5,
      border: '1px solid',
      borderColor: 'divider',
      fontSize: '0.6rem',
      fontWeight: 700,
      textAlign: 'right',
      pr: '2px',
      ...sx,
    }}
  >
    {children}
  </Box>
);

export const CalendarLegend = () => (
  <Stack
    direction="row"
    spacing={2}
    useFlexGap
    sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}
    data-testid="calendar-legend"
  >
    {KINDS.map((kind) => {
      const style = DAY_KIND_STYLES[kind];
      return (
        <Stack key={kind} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Swatch sx={{ bgcolor: style.background, color: style.color }}>{style.badge}</Swatch>
          <Typography variant="body2">{style.label}</Typography>
        </Stack>
      );
    })}
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
      <Swatch sx={{ outline: '2px solid', outlineColor: 'primary.main', outlineOffset: '-2px' }} />
      <Typography variant="body2">
        <Translate i18nKey="app.calendar.today" />
      </Typography>
    </Stack>
  </Stack>
);
