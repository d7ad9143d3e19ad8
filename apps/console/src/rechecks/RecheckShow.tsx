import { Alert, Box, Divider, Grid, LinearProgress, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import {
  ListButton,
  RecordContextProvider,
  Show,
  TopToolbar,
  Translate,
  useGetOne,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Role } from '@app/domain';
import type { RecheckRow } from '@app/contracts';
import { formatBeijingDateTime } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { ShowLoadError } from '../common/RecordLoadError';
import { CertificateFacts, type CertificatePageRecord } from '../certificates/CertificateFacts';
import { CertificateHistory } from '../certificates/CertificateHistory';
import { recheckActions } from './recheckActions';
import { ConfirmButton, RestoreButton } from './RecheckDecisionButtons';
import { RecheckDueField, RecheckStatusChip } from './RecheckFields';

const RecheckTitle = () => {
  const recheck = useRecordContext<RecheckRow>();
  return (
    <span>
      {recheck ? (
        <Translate i18nKey="app.rechecks.show_title" options={{ number: recheck.certificateNumber }} />
      ) : (
        <Translate i18nKey="resources.rechecks.name" />
      )}
    </span>
  );
};

const RecheckActions = () => {
  const recheck = useRecordContext<RecheckRow>();
  const { permissions } = usePermissions<Role[]>();
  const can = recheck ? recheckActions(recheck, permissions ?? []) : null;
  return (
    <TopToolbar>
      {recheck && can?.restore && <RestoreButton recheck={recheck} />}
      {recheck && can?.confirm && <ConfirmButton recheck={recheck} />}
      <ListButton label="app.rechecks.back_to_list" />
    </TopToolbar>
  );
};

const field = (name: string) => `resources.rechecks.fields.${name}`;

/** The task: why and when the certificate was suspended, for which flag, by when to decide, and the decision. */
const RecheckFacts = () => {
  const translate = useTranslate();
  const recheck = useRecordContext<RecheckRow>();
  if (!recheck) return null;
  return (
    <Box data-testid="recheck-facts">
      <Alert severity={recheck.status === 'open' ? 'warning' : 'info'} icon={false} sx={{ mb: 2 }}>
        <Typography variant="subtitle2">{translate(field('suspendReason'))}</Typography>
        <Typography variant="body1" sx={{ overflowWrap: 'anywhere' }} data-testid="suspend-reason">
          {recheck.suspendReason}
        </Typography>
      </Alert>
      <Grid container spacing={1}>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('status')}>
            <RecheckStatusChip recheck={recheck} />
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('dueDate')}>
            <RecheckDueField recheck={recheck} />
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('provinceName')}>{recheck.provinceName}</LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('flagRuleLabel')}>
            {recheck.flagId != null ? (
              <Link component={RouterLink} to={`/flags/${recheck.flagId}/show`} data-testid="recheck-flag-link">
                {translate('app.flags.number', { id: recheck.flagId })} {recheck.flagRuleLabel}
              </Link>
            ) : (
              translate('app.rechecks.no_flag')
            )}
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LabeledValue label={field('suspendedAt')}>
            {translate('app.rechecks.by_at', {
              name: recheck.suspendedByName,
              at: formatBeijingDateTime(recheck.suspendedAt),
            })}
          </LabeledValue>
        </Grid>
        {recheck.decidedAt && (
          <Grid size={{ xs: 12, md: 6 }}>
            <LabeledValue label="app.rechecks.decision">
              <span data-testid="recheck-decision">
                {translate('app.rechecks.by_at', {
                  name: recheck.decidedByName ?? '',
                  at: formatBeijingDateTime(recheck.decidedAt),
                })}
                {recheck.decisionReason
                  ? translate('app.rechecks.decision_reason', { reason: recheck.decisionReason })
                  : ''}
              </span>
            </LabeledValue>
          </Grid>
        )}
      </Grid>
    </Box>
  );
};

/** The suspended certificate itself, with a link to its page, and its history. */
const RecheckCertificate = () => {
  const translate = useTranslate();
  const recheck = useRecordContext<RecheckRow>();
  const { data, error, isPending } = useGetOne<CertificatePageRecord>(
    'certificates',
    { id: recheck?.certificateId ?? 0 },
    { enabled: recheck != null },
  );
  if (!recheck) return null;
  return (
    <Box>
      <Typography variant="h6" gutterBottom>
        <Link component={RouterLink} to={`/certificates/${recheck.certificateId}/show`}>
          {translate('app.rechecks.certificate', { number: recheck.certificateNumber })}
        </Link>
      </Typography>
      {isPending ? (
        <LinearProgress />
      ) : error ? (
        <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>
      ) : (
        <RecordContextProvider value={data}>
          <CertificateFacts />
        </RecordContextProvider>
      )}
      <Typography variant="subtitle1" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
        {translate('app.certificate_page.history')}
      </Typography>
      <CertificateHistory certificateId={recheck.certificateId} />
    </Box>
  );
};

/** 复核 one suspended certificate: the province restores it to lookup or confirms the problem. */
export const RecheckShow = () => (
  <Show title={<RecheckTitle />} actions={<RecheckActions />} redirectOnError={false} error={<ShowLoadError />}>
    <Box sx={{ p: 2 }}>
      <RecheckFacts />
      <Divider sx={{ my: 2 }} />
      <RecheckCertificate />
    </Box>
  </Show>
);
