import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { Show, TopToolbar, Translate, useRecordContext, useTranslate } from 'react-admin';
import type { OutboxMailView } from '@app/contracts';
import { formatBeijingDateTime } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { MailStatusChip } from './MailStatusChip';
import { RetryMailButton } from './RetryMailButton';

const field = (name: string) => `resources.outbox.fields.${name}`;

const MailFacts = () => {
  const mail = useRecordContext<OutboxMailView>();
  if (!mail) return null;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 4 }}>
        <LabeledValue label={field('recipient')}>{mail.recipient}</LabeledValue>
        <LabeledValue label={field('status')}>
          <MailStatusChip status={mail.status} />
        </LabeledValue>
        <LabeledValue label={field('attempts')}>{mail.attempts}</LabeledValue>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <LabeledValue label={field('createdAt')}>{formatBeijingDateTime(mail.createdAt)}</LabeledValue>
        <LabeledValue label={field('nextAttemptAt')}>
          {mail.status === 'pending' ? formatBeijingDateTime(mail.nextAttemptAt) : ''}
        </LabeledValue>
        <LabeledValue label={field('sentAt')}>{formatBeijingDateTime(mail.sentAt)}</LabeledValue>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <LabeledValue label={field('messageId')}>{mail.messageId}</LabeledValue>
        <LabeledValue label={field('lastError')}>{mail.lastError}</LabeledValue>
      </Grid>
    </Grid>
  );
};

/**
 * The mail as the recipient sees it. The HTML is the product's own, but it carries data typed by users
 * (institution names), so it is rendered in a sandboxed frame: no scripts, no forms, no navigation of the console.
 */
const MailPreview = () => {
  const mail = useRecordContext<OutboxMailView>();
  const translate = useTranslate();
  if (!mail) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="mail-preview">
      <Typography variant="h6">
        <Translate i18nKey="app.outbox.preview" />
      </Typography>
      <Typography variant="subtitle1" sx={{ mt: 1 }} data-testid="mail-subject">
        {mail.subject}
      </Typography>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 2 }}>
        <Translate i18nKey="app.outbox.preview_html" />
      </Typography>
      <Box
        component="iframe"
        title={translate('app.outbox.preview_html')}
        sandbox=""
        srcDoc={mail.html}
        data-testid="mail-html"
        sx={{ width: '100%', height: 420, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
      />
      <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 2 }}>
        <Translate i18nKey="app.outbox.preview_text" />
      </Typography>
      <Box
        component="pre"
        data-testid="mail-text"
        sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', p: 2, bgcolor: 'action.hover', borderRadius: 1 }}
      >
        {mail.text}
      </Box>
    </Box>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <RetryMailButton />
  </TopToolbar>
);

export const OutboxShow = () => (
  <Show title="app.outbox.title" actions={<ShowActions />}>
    <Card variant="outlined" sx={{ border: 0 }}>
      <CardContent>
        <MailFacts />
        <MailPreview />
      </CardContent>
    </Card>
  </Show>
);
