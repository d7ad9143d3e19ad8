import { useState, type FormEvent } from 'react';
import { Button, Card, CardContent, Grid, MenuItem, TextField } from '@mui/material';
import CalculateIcon from '@mui/icons-material/Calculate';
import {
  DEADLINE_POLICIES,
  DEADLINE_PROFILES,
  isHourDeadlineRule,
  isIsoDate,
  type DeadlineProfile,
  type DeadlineRule,
} from '@app/domain';
import { beijingToday } from '../common/dates';
import { DayPicker, DayTimePicker } from '../common/pickers';
import type { DeadlineQuery } from '@app/contracts';
import { PROFILE_LABELS, PROFILE_SOURCES, ruleOptionText } from './deadlineLabels';
import { Translate, useTranslate } from 'react-admin';

const TIME = /^\d{2}:\d{2}$/;

/**
 * The rules of features a user can meet in the product today: uploads, reviews, corrections after a return and the
 * six-month acceptance cutoff. The re-check of a suspended certificate and the work orders join the list
 * when their features land; the API computes every rule already.
 */
export const CALCULATOR_RULES: readonly DeadlineRule[] = [
  'upload',
  'municipal_review',
  'provincial_review',
  'national_publish',
  'correction_after_municipal_return',
  'correction_after_provincial_return',
  'correction_after_national_return',
  'acceptance_cutoff',
];

/** Rule, start and profile; the hour rules (紧急/急 work orders) also take a time of day, in Beijing time. */
export const DeadlineForm = ({ onSubmit }: { onSubmit: (query: DeadlineQuery) => void }) => {
  const translate = useTranslate();
  const [rule, setRule] = useState<DeadlineRule>('upload');
  const [profile, setProfile] = useState<DeadlineProfile>('national');
  const [day, setDay] = useState(beijingToday());
  const [time, setTime] = useState('09:00');
  const byHour = isHourDeadlineRule(rule);
  const policy = DEADLINE_POLICIES[profile][rule];
  const complete = isIsoDate(day) && (!byHour || TIME.test(time));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    onSubmit({ rule, profile, from: byHour ? `${day}T${time}:00+08:00` : day });
  };

  return (
    <Card component="form" onSubmit={submit} data-testid="deadline-form">
      <CardContent>
        <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField
              select
              fullWidth
              label={translate('app.calendar.form.rule')}
              value={rule}
              onChange={(event) => setRule(event.target.value as DeadlineRule)}
              slotProps={{ htmlInput: { 'data-testid': 'deadline-rule' } }}
            >
              {CALCULATOR_RULES.map((choice) => (
                <MenuItem key={choice} value={choice}>
                  {ruleOptionText(profile, choice)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            {byHour ? (
              <DayTimePicker
                fullWidth
                label={policy.startsFrom}
                value={day && time ? `${day}T${time}` : null}
                onChange={(value) => {
                  setDay(value ? value.slice(0, 10) : '');
                  setTime(value ? value.slice(11, 16) : '');
                }}
                helperText={translate('app.calendar.form.beijing_time')}
                required
                testId="deadline-start"
              />
            ) : (
              <DayPicker
                fullWidth
                label={policy.startsFrom}
                value={day || null}
                onChange={(value) => setDay(value ?? '')}
                helperText={translate('app.calendar.form.start_excluded')}
                required
                testId="deadline-start"
              />
            )}
          </Grid>
          <Grid size={{ xs: 12, md: 3 }}>
            <TextField
              select
              fullWidth
              label={translate('app.calendar.form.profile')}
              value={profile}
              onChange={(event) => setProfile(event.target.value as DeadlineProfile)}
              helperText={PROFILE_SOURCES[profile]}
              slotProps={{ htmlInput: { 'data-testid': 'deadline-profile' } }}
            >
              {DEADLINE_PROFILES.map((choice) => (
                <MenuItem key={choice} value={choice}>
                  {PROFILE_LABELS[choice]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 2 }}>
            <Button
              type="submit"
              variant="contained"
              size="large"
              startIcon={<CalculateIcon />}
              disabled={!complete}
              sx={{ mt: 0.5 }}
            >
              <Translate i18nKey="app.calendar.form.compute" />
            </Button>
          </Grid>
        </Grid>
      </CardContent>
    </Card>
  );
};
