import { useState } from 'react';
import { Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { newModeOpen, oldModeOpen, queryModeOn } from '@app/domain';
import { LOOKUP_KIND_LABELS, QUERY_MODE_LABELS, type QueryModeAdminView } from '@app/contracts';
import { ScheduleTimeline } from './ScheduleTimeline';

/** 公众在该日看到: for a chosen Beijing day, each kind's mode and which lookups are open, from the stored schedules. */
export const PublicPreview = ({ schedules, today }: { schedules: QueryModeAdminView[]; today: string }) => {
  const translate = useTranslate();
  const [day, setDay] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const state = (open: boolean) => (
    <Chip
      size="small"
      color={open ? 'success' : 'default'}
      label={translate(open ? 'app.queryMode.open' : 'app.queryMode.closed')}
    />
  );
  return (
    <Card data-testid="public-preview">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.queryMode.preview_title')}
        </Typography>
        <TextField
          type="date"
          label={translate('app.queryMode.preview_day')}
          value={day}
          onChange={(e) => setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'preview-day' } }}
          sx={{ mb: 2 }}
        />
        {valid &&
          schedules.map((s) => {
            const mode = queryModeOn(s, day);
            return (
              <Stack key={s.kind} spacing={1} sx={{ mb: 2 }} data-testid={`preview-${s.kind}`} data-mode={mode}>
                <Typography variant="subtitle1">
                  {LOOKUP_KIND_LABELS[s.kind]}：<strong>{QUERY_MODE_LABELS[mode]}</strong>
                </Typography>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                  <span>{translate('app.queryMode.old_open')}</span>
                  {state(oldModeOpen(mode))}
                  <span>{translate('app.queryMode.new_open')}</span>
                  {state(newModeOpen(mode))}
                </Stack>
                <ScheduleTimeline
                  kind={`preview-${s.kind}`}
                  newModeStart={s.newModeStart}
                  oldModeLastDay={s.oldModeLastDay}
                  day={day}
                />
                <Typography variant="body2" color="text.secondary">
                  {translate('app.queryMode.announcement')}：{s.announcement}
                </Typography>
              </Stack>
            );
          })}
      </CardContent>
    </Card>
  );
};
