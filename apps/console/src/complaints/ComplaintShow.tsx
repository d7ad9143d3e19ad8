import { Alert, Box, Divider, Grid, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { ListButton, Show, TopToolbar, Translate, useRecordContext, useTranslate } from 'react-admin';
import type { ComplaintDetail } from '@app/contracts';
import { formatBeijingDateTime, formatCalendarDay } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { ShowLoadError } from '../common/RecordLoadError';
import { complaintCan } from './complaintActions';
import { ComplaintDueField, ComplaintStatusChip } from './ComplaintFields';
import { ComplaintStepButton } from './ComplaintStepButtons';

const ComplaintTitle = () => {
  const complaint = useRecordContext<ComplaintDetail>();
  return (
    <span>
      {complaint ? (
        <Translate
          i18nKey="app.complaints.show_title"
          options={{ id: complaint.id, institution: complaint.institutionName }}
        />
      ) : (
        <Translate i18nKey="resources.complaints.name" />
      )}
    </span>
  );
};

const ComplaintActions = () => {
  const complaint = useRecordContext<ComplaintDetail>();
  return (
    <TopToolbar>
      {complaint &&
        (['reply', 'close', 'reopen'] as const)
          .filter((action) => complaintCan(complaint, action))
          .map((action) => <ComplaintStepButton key={action} complaint={complaint} action={action} />)}
      <ListButton label="app.complaints.back_to_list" />
    </TopToolbar>
  );
};

const field = (name: string) => `resources.complaints.fields.${name}`;

/** A step's text in a box, with who wrote it and when. */
const StepText = ({
  title,
  text,
  by,
  at,
  severity,
  testId,
}: {
  title: string;
  text: string | null;
  by?: string | null;
  at: string | null;
  severity: 'info' | 'warning' | 'success';
  testId: string;
}) => {
  const translate = useTranslate();
  if (!text) return null;
  return (
    <Alert severity={severity} icon={false} sx={{ mb: 2 }}>
      <Typography variant="subtitle2">
        {translate(title)}
        {at ? ` · ${by ? `${by}，` : ''}${formatBeijingDateTime(at)}` : ''}
      </Typography>
      <Typography variant="body1" sx={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {text}
      </Typography>
    </Alert>
  );
};

/** The complaint, what the institution answered, and how the centre closed or sent it back. */
const ComplaintFacts = () => {
  const translate = useTranslate();
  const c = useRecordContext<ComplaintDetail>();
  if (!c) return null;
  return (
    <Box data-testid="complaint-facts">
      <Grid container spacing={1}>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('status')}>
            <ComplaintStatusChip complaint={c} />
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('dueDate')}>
            <ComplaintDueField complaint={c} />
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('institutionName')}>{c.institutionName}</LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('responderOrganisation')}>{c.responderOrganisation}</LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('holderName')}>{c.holderName}</LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('contactPhone')}>
            <span data-testid="complaint-phone">{c.contactPhoneMasked}</span>
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('channel')}>{c.channelLabel}</LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('receivedOn')}>{formatCalendarDay(c.receivedOn)}</LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('certificateNumber')}>
            {c.certificateId != null ? (
              <Link component={RouterLink} to={`/certificates/${c.certificateId}/show`}>
                {c.certificateNumber}
              </Link>
            ) : null}
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('batchId')}>
            {c.batchId != null ? (
              <Link component={RouterLink} to={`/batches/${c.batchId}/show`}>
                {translate('app.complaints.batch', { id: c.batchId })}
              </Link>
            ) : null}
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LabeledValue label={field('recordedAt')}>
            {translate('app.complaints.recorded_by', {
              name: c.recordedByName,
              organisation: c.recordingOrganisation,
              at: formatBeijingDateTime(c.recordedAt),
            })}
          </LabeledValue>
        </Grid>
      </Grid>
      <Divider sx={{ my: 2 }} />
      <StepText title={field('content')} text={c.content} at={null} severity="warning" testId="complaint-content" />
      {c.status === 'open' && c.reopenReason && (
        <StepText
          title="app.complaints.reopen_reason"
          text={c.reopenReason}
          at={c.reopenedAt}
          severity="warning"
          testId="complaint-reopen-reason"
        />
      )}
      <StepText
        title={field('reply')}
        text={c.reply}
        by={c.repliedByName}
        at={c.repliedAt}
        severity="info"
        testId="complaint-reply"
      />
      <StepText
        title={field('closingNote')}
        text={c.closingNote}
        by={c.closedByName}
        at={c.closedAt}
        severity="success"
        testId="complaint-closing-note"
      />
      {c.reopenCount > 0 && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {translate('app.complaints.reopen_count', { count: c.reopenCount })}
        </Typography>
      )}
    </Box>
  );
};

/** 投诉 (R-43): one complaint from recording to closure, with the step the caller may take. */
export const ComplaintShow = () => (
  <Show title={<ComplaintTitle />} actions={<ComplaintActions />} redirectOnError={false} error={<ShowLoadError />}>
    <Box sx={{ p: 2 }}>
      <ComplaintFacts />
    </Box>
  </Show>
);
