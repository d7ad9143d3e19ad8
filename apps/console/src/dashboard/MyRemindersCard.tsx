import {
  Alert,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Translate, useDataProvider, useTranslate } from 'react-admin';
import { formatCalendarDay } from '../common/dates';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { reminderLines, type ReminderLine } from './reminderItems';

const ReminderRow = ({ line }: { line: ReminderLine }) => {
  const translate = useTranslate();
  const days =
    line.remainingText ??
    (line.days === null
      ? ''
      : translate(line.overdue ? 'app.reminders.days_overdue' : 'app.reminders.days_left', { days: line.days }));
  // A cutover (or another item of no batch and no upload day) names itself by its stage.
  const ownItem = line.batchId === null && line.kind !== 'qualification_upload_day';
  const secondary = [
    line.escalation && line.responsibleOrganisation
      ? translate('app.reminders.responsible', { organisation: line.responsibleOrganisation })
      : '',
    ownItem ? '' : line.stage,
    translate('app.reminders.due', { date: formatCalendarDay(line.dueDate) }),
    days,
  ].filter(Boolean);
  return (
    <ListItem disablePadding data-testid="reminder-item" data-overdue={line.overdue}>
      <ListItemButton component={Link} to={line.link}>
        <Chip
          size="small"
          sx={{ mr: 1.5 }}
          color={line.overdue ? 'error' : 'warning'}
          label={translate(line.overdue ? 'app.reminders.overdue' : 'app.reminders.due_soon')}
        />
        {line.escalation && (
          <Chip size="small" variant="outlined" sx={{ mr: 1.5 }} label={translate('app.reminders.escalation')} />
        )}
        <ListItemText
          primary={
            ownItem
              ? `${line.stage}${line.institutionName ? `（${line.institutionName}）` : ''}`
              : line.batchId === null
                ? translate('app.reminders.upload_day', { institution: line.institutionName })
                : translate('app.reminders.batch', {
                    id: line.batchId,
                    institution: line.institutionName,
                    count: line.recordCount ?? '—',
                  })
          }
          secondary={secondary.join(' · ')}
        />
      </ListItemButton>
    </ListItem>
  );
};

/**
 * 我的提醒 (R-35): what the signed-in person would be reminded of today, each line opening its batch. Shows
 * nothing when the API has no such endpoint or refuses it, so the home page never breaks on it.
 */
export const MyRemindersCard = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data, isError } = useQuery({
    queryKey: ['my-reminders'],
    queryFn: () => dataProvider.getMyReminders(),
    retry: false,
  });
  const lines = isError ? null : reminderLines(data);
  if (!lines) return null;
  return (
    <Card sx={{ mt: 2 }} data-testid="my-reminders">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          <Translate i18nKey="app.reminders.title" />
        </Typography>
        {lines.length === 0 ? (
          <Alert severity="success" data-testid="my-reminders-empty">
            <Translate i18nKey="app.reminders.empty" />
          </Alert>
        ) : (
          <List dense disablePadding>
            {lines.map((line) => (
              <ReminderRow key={line.key} line={line} />
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
};
