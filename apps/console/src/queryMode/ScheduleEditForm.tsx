import { useState } from 'react';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { queryModeGap } from '@app/domain';
import type { QueryModeAdminView } from '@app/contracts';
import { useUpdateQueryMode } from './hooks';

/** Edits one kind's schedule with a reason; a gap is shown before saving (the API refuses it too). */
export const ScheduleEditForm = ({ schedule }: { schedule: QueryModeAdminView }) => {
  const translate = useTranslate();
  const [newModeStart, setNewModeStart] = useState(schedule.newModeStart);
  const [oldModeLastDay, setOldModeLastDay] = useState(schedule.oldModeLastDay);
  const [announcement, setAnnouncement] = useState(schedule.announcement);
  const [reason, setReason] = useState('');
  const { mutate, isPending } = useUpdateQueryMode(schedule.kind, () => setReason(''));
  const complete = /^\d{4}-\d{2}-\d{2}$/.test(newModeStart) && /^\d{4}-\d{2}-\d{2}$/.test(oldModeLastDay);
  const gap = complete && queryModeGap({ newModeStart, oldModeLastDay });
  const kind = schedule.kind;
  return (
    <Stack
      component="form"
      spacing={2}
      data-testid={`query-mode-form-${kind}`}
      onSubmit={(event) => {
        event.preventDefault();
        mutate({ newModeStart, oldModeLastDay, announcement, reason, version: schedule.version });
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          type="date"
          label={translate('app.queryMode.new_mode_start')}
          value={newModeStart}
          onChange={(e) => setNewModeStart(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `new-mode-start-${kind}` } }}
          required
        />
        <TextField
          type="date"
          label={translate('app.queryMode.old_mode_last_day')}
          value={oldModeLastDay}
          onChange={(e) => setOldModeLastDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `old-mode-last-day-${kind}` } }}
          required
        />
      </Stack>
      {gap && (
        <Alert severity="warning" data-testid={`gap-${kind}`}>
          {translate('app.queryMode.gap')}
        </Alert>
      )}
      <TextField
        label={translate('app.queryMode.announcement')}
        value={announcement}
        onChange={(e) => setAnnouncement(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        required
        slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': `announcement-${kind}` } }}
      />
      <TextField
        label={translate('app.queryMode.reason')}
        helperText={translate('app.queryMode.reason_help')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        fullWidth
        required
        slotProps={{ htmlInput: { maxLength: 500, 'data-testid': `reason-${kind}` } }}
      />
      <div>
        <Button
          type="submit"
          variant="contained"
          disabled={isPending || reason.trim().length < 2 || !complete}
          data-testid={`save-${kind}`}
        >
          {translate('app.queryMode.save')}
        </Button>
      </div>
    </Stack>
  );
};
