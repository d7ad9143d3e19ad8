import { Alert, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { LOOKUP_KIND_LABELS, QUERY_MODE_LABELS } from '@app/contracts';
import { formatBeijingDateTime } from '../common/dates';
import { useQueryModeHistory, useQueryModes, useServerToday } from './hooks';
import { PublicPreview } from './PublicPreview';
import { QueryModeHistory } from './QueryModeHistory';
import { ScheduleEditForm } from './ScheduleEditForm';
import { ScheduleTimeline } from './ScheduleTimeline';

/** 查询模式: each kind's timeline, announcement and edit form; what the public sees on a day; the history. */
export const QueryModePage = () => {
  const translate = useTranslate();
  const { data: schedules, isError } = useQueryModes();
  const { data: history } = useQueryModeHistory();
  const today = useServerToday();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.queryMode.title" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.queryMode.intro')}
      </Typography>
      {isError && <Alert severity="error">{translate('app.queryMode.load_error')}</Alert>}
      <Stack spacing={2}>
        {(today ? (schedules ?? []) : []).map((s) => (
          <Card key={`${s.kind}-${s.version}`} data-testid={`query-mode-${s.kind}`}>
            <CardContent>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
                <Typography variant="h6">{LOOKUP_KIND_LABELS[s.kind]}</Typography>
                <Chip
                  color="primary"
                  label={`${translate('app.queryMode.current', { today })}：${QUERY_MODE_LABELS[s.mode]}`}
                  data-testid={`mode-${s.kind}`}
                  data-mode={s.mode}
                />
              </Stack>
              <ScheduleTimeline
                kind={s.kind}
                newModeStart={s.newModeStart}
                oldModeLastDay={s.oldModeLastDay}
                day={today!}
              />
              <Alert severity="info" icon={false} sx={{ mt: 2 }} data-testid={`announcement-text-${s.kind}`}>
                <strong>{translate('app.queryMode.announcement')}：</strong>
                {s.announcement}
              </Alert>
              {s.updatedByName && (
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
                  {translate('app.queryMode.updated_by', {
                    name: s.updatedByName,
                    at: formatBeijingDateTime(s.updatedAt),
                  })}
                </Typography>
              )}
              <Box sx={{ mt: 2 }}>
                <ScheduleEditForm schedule={s} />
              </Box>
            </CardContent>
          </Card>
        ))}
        {schedules && today && <PublicPreview schedules={schedules} today={today} />}
        <Card>
          <CardContent>
            <Typography variant="h6" gutterBottom>
              {translate('app.queryMode.history')}
            </Typography>
            <QueryModeHistory changes={history ?? []} />
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};
