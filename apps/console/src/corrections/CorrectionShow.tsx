import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Divider,
  Grid,
  IconButton,
  Link,
  List as MuiList,
  ListItem,
  ListItemText,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Link as RouterLink } from 'react-router-dom';
import {
  ListButton,
  Show,
  TopToolbar,
  Translate,
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Role } from '@app/domain';
import {
  ATTACHMENT_PURPOSE_SHORT_LABELS,
  CORRECTION_STAGE_LABELS,
  CORRECTION_TYPE_LABELS,
  WORK_ORDER_CHANGE_TYPE_LABELS,
  WORK_ORDER_URGENCY_HINTS,
  WORK_ORDER_URGENCY_LABELS,
  type CorrectionDetail,
} from '@app/contracts';
import { formatBeijingDateTime } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { ShowLoadError } from '../common/RecordLoadError';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { session } from '../providers/session';
import { correctionActions } from './correctionActions';
import { fieldValueText } from './correctionFields';
import { ApproveButton, ResubmitButton, ReturnButton, WithdrawButton } from './CorrectionDecisionButtons';
import { CorrectionDueField, CorrectionStatusChip, UrgencyChip } from './CorrectionFields';

/**
 * The request's detail. Coming from a list, react-admin first shows the list's row (no stages, changes, attachments
 * or decisions) until the detail has loaded: the sections wait for it.
 */
function useDetail(): CorrectionDetail | undefined {
  const record = useRecordContext<CorrectionDetail>();
  return record && Array.isArray(record.stages) ? record : undefined;
}

const CorrectionTitle = () => {
  const correction = useRecordContext<CorrectionDetail>();
  return (
    <span>
      {correction ? (
        <Translate
          i18nKey="app.corrections.show_title"
          options={{
            id: correction.id,
            type: correction.typeLabel || CORRECTION_TYPE_LABELS[correction.type],
            number: correction.certificateNumber,
          }}
        />
      ) : (
        <Translate i18nKey="resources.corrections.name" />
      )}
    </span>
  );
};

const CorrectionActions = () => {
  const correction = useDetail();
  const { permissions } = usePermissions<Role[]>();
  const user = session.user();
  const can = correction
    ? correctionActions(correction, { id: user?.id, organisationId: user?.organisationId, roles: permissions ?? [] })
    : null;
  return (
    <TopToolbar>
      {correction && can?.approve && <ApproveButton correction={correction} />}
      {correction && can?.return && <ReturnButton correction={correction} />}
      {correction && can?.resubmit && <ResubmitButton correction={correction} />}
      {correction && can?.withdraw && <WithdrawButton correction={correction} />}
      <ListButton label="app.corrections.back_to_list" />
    </TopToolbar>
  );
};

const field = (name: string) => `resources.corrections.fields.${name}`;

/** The request: its status and countdown, the certificate, who asked and why, and a return's reason. */
const CorrectionFacts = () => {
  const translate = useTranslate();
  const correction = useDetail();
  if (!correction) return null;
  return (
    <Box data-testid="correction-facts">
      {correction.status === 'returned' && correction.returnReason && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="correction-return-reason">
          {translate('app.corrections.return_reason', { reason: correction.returnReason })}
        </Alert>
      )}
      {correction.status === 'awaiting' && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="correction-awaiting">
          {translate(
            correction.type === 'delete' ? 'app.corrections.awaiting_delete' : 'app.corrections.awaiting_modify',
          )}
        </Alert>
      )}
      {correction.status === 'applied' && (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="correction-applied">
          {correction.appliedVersion != null
            ? translate('app.corrections.applied_version', { version: correction.appliedVersion })
            : translate('app.corrections.applied_deletion')}
        </Alert>
      )}
      <Grid container spacing={1}>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('status')}>
            <CorrectionStatusChip correction={correction} />
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('dueDate')}>
            <CorrectionDueField correction={correction} />
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('certificateNumber')}>
            <Link
              component={RouterLink}
              to={`/certificates/${correction.certificateId}/show`}
              data-testid="correction-certificate-link"
            >
              {correction.certificateNumber}
            </Link>{' '}
            {correction.holderName}
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <LabeledValue label={field('institutionName')}>{correction.institutionName}</LabeledValue>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LabeledValue label={field('route')}>{correction.routeLabel}</LabeledValue>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <LabeledValue label={field('requestedAt')}>
            {translate('app.corrections.by_at', {
              name: correction.requestedByName,
              at: formatBeijingDateTime(correction.requestedAt),
            })}
          </LabeledValue>
        </Grid>
        {correction.recheckId != null && (
          <Grid size={{ xs: 12, md: 6 }}>
            <LabeledValue label="app.corrections.from_recheck">
              <Link component={RouterLink} to={`/rechecks/${correction.recheckId}/show`}>
                {translate('app.rechecks.number', { id: correction.recheckId })}
              </Link>
            </LabeledValue>
          </Grid>
        )}
        <Grid size={{ xs: 12 }}>
          <LabeledValue label={field('reason')}>
            <span style={{ overflowWrap: 'anywhere' }} data-testid="correction-reason">
              {correction.reason}
            </span>
          </LabeledValue>
        </Grid>
      </Grid>
    </Box>
  );
};

/** The stages of the route, the current one highlighted (all done once applied). */
const RouteStepper = () => {
  const correction = useDetail();
  if (!correction || correction.stages.length === 0) return null;
  const current = correction.stages.findIndex((s) => s.stage === correction.stage);
  const active = correction.status === 'applied' ? correction.stages.length : current;
  return (
    <Stepper activeStep={active} alternativeLabel sx={{ my: 2 }} data-testid="correction-stepper">
      {correction.stages.map((stage, index) => (
        <Step key={stage.stage} completed={index < active}>
          <StepLabel
            error={correction.status === 'returned' && index === current}
            data-testid={index === current && correction.status !== 'applied' ? 'current-stage' : undefined}
          >
            {stage.stageLabel || CORRECTION_STAGE_LABELS[stage.stage]}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};

/** Field, before, after (ID numbers masked by the API, R-9). */
const ChangesTable = () => {
  const translate = useTranslate();
  const correction = useDetail();
  if (!correction) return null;
  if (correction.type === 'delete') {
    return <Alert severity="warning">{translate('app.corrections.delete_whole')}</Alert>;
  }
  return (
    <Table size="small" data-testid="correction-changes">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.corrections.changes.field')}</TableCell>
          <TableCell>{translate('app.corrections.changes.before')}</TableCell>
          <TableCell>{translate('app.corrections.changes.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {correction.changes.map((change) => (
          <TableRow key={change.field} data-testid={`change-${change.field}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{change.fieldLabel}</TableCell>
            <TableCell sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
              {fieldValueText(change.field, change.before) || '—'}
            </TableCell>
            <TableCell sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
              {fieldValueText(change.field, change.after) || '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** 附件4's own fields of a work order. */
const WorkOrderFacts = () => {
  const correction = useDetail();
  const order = correction?.workOrder;
  if (!correction || !order) return null;
  return (
    <Grid container spacing={1} data-testid="work-order-facts">
      <Grid size={{ xs: 6, md: 3 }}>
        <LabeledValue label="app.corrections.work_order.urgency">
          <UrgencyChip correction={{ ...correction, urgency: order.urgency }} />{' '}
          {WORK_ORDER_URGENCY_HINTS[order.urgency] ?? WORK_ORDER_URGENCY_LABELS[order.urgency]}
        </LabeledValue>
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <LabeledValue label="app.corrections.work_order.change_type">
          {WORK_ORDER_CHANGE_TYPE_LABELS[order.changeType]}
        </LabeledValue>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <LabeledValue label="app.corrections.work_order.module">{order.module}</LabeledValue>
      </Grid>
      {order.reason !== correction.reason && (
        <Grid size={{ xs: 12 }}>
          <LabeledValue label="app.corrections.work_order.reason">{order.reason}</LabeledValue>
        </Grid>
      )}
    </Grid>
  );
};

/** The forms attached (附件4, 附件5-1, 附件5-2), each downloadable (audited by the API). */
const AttachmentsList = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const correction = useDetail();
  if (!correction) return null;
  if (correction.attachments.length === 0) {
    return <Typography variant="body2">{translate('app.attachments.none')}</Typography>;
  }
  return (
    <MuiList dense disablePadding data-testid="correction-attachments">
      {correction.attachments.map((attachment) => (
        <ListItem
          key={attachment.id}
          disableGutters
          secondaryAction={
            <Tooltip title={translate('app.attachments.download')}>
              <IconButton
                aria-label={translate('app.attachments.download')}
                onClick={() => {
                  dataProvider
                    .downloadAttachment(attachment.id)
                    .catch((error: Error) => notify(error.message, { type: 'error' }));
                }}
              >
                <DownloadIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          }
        >
          <ListItemText
            primary={attachment.fileName}
            secondary={ATTACHMENT_PURPOSE_SHORT_LABELS[attachment.purpose]}
            slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
          />
        </ListItem>
      ))}
    </MuiList>
  );
};

/** Each decision in order: stage, 通过 / 退回 / 重新提交 / 撤回, who, when, why. */
const DecisionsTrail = () => {
  const translate = useTranslate();
  const correction = useDetail();
  if (!correction) return null;
  if (correction.decisions.length === 0) {
    return <Typography variant="body2">{translate('app.corrections.no_decisions')}</Typography>;
  }
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }} data-testid="correction-decisions">
      {correction.decisions.map((decision, index) => (
        <Box component="li" key={`${decision.at}-${index}`} sx={{ mb: 1 }} data-testid="correction-decision">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate('app.corrections.decision_line', {
              stage: CORRECTION_STAGE_LABELS[decision.stage] ?? decision.stage,
              action: translate(`app.corrections.decision_action.${decision.action}`),
            })}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {translate('app.corrections.by_at', { name: decision.actorName, at: formatBeijingDateTime(decision.at) })}
          </Typography>
          {decision.reason && (
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {translate('app.certificate_page.reason', { reason: decision.reason })}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="h6" gutterBottom>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const WorkOrderSection = () => {
  const correction = useDetail();
  if (!correction?.workOrder) return null;
  return (
    <Section title="app.corrections.work_order.title">
      <WorkOrderFacts />
    </Section>
  );
};

/**
 * One correction or deletion request (R-19 – R-23): the changes asked, the route with its current stage, the forms
 * attached, 附件4's fields, the decisions so far; 通过 / 退回 for the stage's role, 重新提交 / 撤回 for the requester.
 */
export const CorrectionShow = () => (
  <Show title={<CorrectionTitle />} actions={<CorrectionActions />} redirectOnError={false} error={<ShowLoadError />}>
    <Box sx={{ p: 2 }}>
      <CorrectionFacts />
      <RouteStepper />
      <Divider />
      <Section title="app.corrections.changes.title">
        <ChangesTable />
      </Section>
      <WorkOrderSection />
      <Section title="app.corrections.attachments">
        <AttachmentsList />
      </Section>
      <Section title="app.corrections.decisions">
        <DecisionsTrail />
      </Section>
    </Box>
  </Show>
);
