import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { addDaysIso, queryModeOn, type QueryMode } from '@app/domain';
import { formatCalendarDay } from '../common/dates';

const COLOURS: Record<QueryMode, string> = { old: '#8d6e63', both: '#1976d2', new: '#2e7d32' };

/**
 * the three periods of one kind's schedule — old only, both in parallel, new only — with `day` (today or the
 * chosen preview day) marked. A schedule whose old mode ends before the new one starts has no parallel period.
 */
export const ScheduleTimeline = ({
  kind,
  newModeStart,
  oldModeLastDay,
  day,
}: {
  kind: string;
  newModeStart: string;
  oldModeLastDay: string;
  day: string;
}) => {
  const translate = useTranslate();
  const current = queryModeOn({ newModeStart, oldModeLastDay }, day);
  const parallel = oldModeLastDay >= newModeStart;
  const segments: Array<{ mode: QueryMode; label: string; when: string }> = [
    {
      mode: 'old',
      label: translate('app.queryMode.old_only'),
      when: translate('app.queryMode.until', {
        day: formatCalendarDay(addDaysIso(parallel ? newModeStart : addDaysIso(oldModeLastDay, 1), -1)),
      }),
    },
    ...(parallel
      ? [
          {
            mode: 'both' as const,
            label: translate('app.queryMode.both'),
            when: translate('app.queryMode.range', {
              from: formatCalendarDay(newModeStart),
              to: formatCalendarDay(oldModeLastDay),
            }),
          },
        ]
      : []),
    {
      mode: 'new',
      label: translate('app.queryMode.new_only'),
      when: translate('app.queryMode.from', { day: formatCalendarDay(addDaysIso(oldModeLastDay, 1)) }),
    },
  ];
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} data-testid={`timeline-${kind}`}>
      {segments.map((s) => (
        <Box
          key={s.mode}
          data-mode={s.mode}
          data-current={s.mode === current ? 'true' : 'false'}
          sx={{
            flex: 1,
            p: 1,
            borderRadius: 1,
            border: 2,
            borderColor: s.mode === current ? COLOURS[s.mode] : 'divider',
            bgcolor: s.mode === current ? `${COLOURS[s.mode]}22` : 'transparent',
          }}
        >
          <Typography variant="subtitle2" sx={{ color: COLOURS[s.mode] }}>
            {s.label}
          </Typography>
          <Typography variant="body2">{s.when}</Typography>
        </Box>
      ))}
    </Stack>
  );
};
