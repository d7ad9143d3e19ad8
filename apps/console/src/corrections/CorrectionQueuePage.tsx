import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import {
  Button,
  DataTable,
  List,
  Title,
  useGetList,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Role } from '@app/domain';
import {
  CORRECTION_STAGE_LABELS,
  type CorrectionRow,
  type CorrectionStageName,
  type OrganisationView,
} from '@app/contracts';
import { session } from '../providers/session';
import { ownWorkOrderIds, queueStages } from './correctionActions';
import {
  CorrectionCertificateCell,
  CorrectionDueField,
  CorrectionStatusChip,
  CorrectionTypeCell,
  RequestedCell,
} from './CorrectionFields';

const NothingToDo = ({ stage }: { stage: CorrectionStageName }) => {
  const translate = useTranslate();
  return (
    <Alert severity="success" data-testid={`queue-empty-${stage}`}>
      {translate('app.corrections.queue_stage_empty', { stage: CORRECTION_STAGE_LABELS[stage] })}
    </Alert>
  );
};

const OpenButton = () => {
  const correction = useRecordContext<CorrectionRow>();
  if (!correction) return null;
  return (
    <Button
      component={RouterLink}
      to={`/corrections/${correction.id}/show`}
      label="app.corrections.open"
      variant="outlined"
      sx={{ whiteSpace: 'nowrap' }}
      onClick={(event) => event.stopPropagation()}
    >
      <FactCheckIcon />
    </Button>
  );
};

/** One stage's waiting requests, the earliest deadline first. */
const StageList = ({ stage, ids }: { stage: CorrectionStageName; ids?: number[] }) => (
  <List
    resource="corrections"
    title={false}
    filter={{ status: 'pending', stage, ...(ids ? { id: ids } : {}) }}
    sort={{ field: 'dueDate', order: 'ASC' }}
    perPage={25}
    storeKey={`corrections.queue.${stage}`}
    disableSyncWithLocation
    exporter={false}
    actions={false}
    empty={<NothingToDo stage={stage} />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="dueDate" field={CorrectionDueField} />
      <DataTable.Col source="certificateNumber" disableSort field={CorrectionCertificateCell} />
      <DataTable.Col
        source="institutionName"
        disableSort
        sx={{ whiteSpace: 'normal', minWidth: '8em', maxWidth: '14em' }}
      />
      <DataTable.Col source="type" disableSort field={CorrectionTypeCell} sx={{ whiteSpace: 'normal' }} />
      <DataTable.Col source="status" disableSort field={CorrectionStatusChip} />
      <DataTable.Col source="requestedAt" field={RequestedCell} />
      <DataTable.Col label="app.common.actions" disableSort>
        <OpenButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

/**
 * A provincial reviewer handles the work orders of the province's own institutions only; the list's
 * jurisdiction is the whole province, so the province's institutions narrow it to theirs.
 */
const ProvincialWorkOrders = () => {
  const organisationId = session.user()?.organisationId;
  const { data: institutions, isPending: loadingInstitutions } = useGetList<OrganisationView>(
    'organisations',
    { filter: { parentId: organisationId, level: 'institution' }, pagination: { page: 1, perPage: 500 } },
    { enabled: organisationId != null },
  );
  const { data: waiting, isPending: loadingWaiting } = useGetList<CorrectionRow>('corrections', {
    filter: { status: 'pending', stage: 'work_order' },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'dueDate', order: 'ASC' },
  });
  if (loadingInstitutions || loadingWaiting) return <LinearProgress />;
  const ids = ownWorkOrderIds(
    waiting ?? [],
    (institutions ?? []).map((i) => i.id),
  );
  return ids.length === 0 ? <NothingToDo stage="work_order" /> : <StageList stage="work_order" ids={ids} />;
};

/**
 * 更正审核: the requests waiting at the stages the reviewer's role decides, one table per stage, the
 * earliest deadline first. The API keeps each centre to the requests of its jurisdiction.
 */
export const CorrectionQueuePage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  const stages = queueStages(roles);
  return (
    <Box sx={{ mt: 1 }} data-testid="correction-queue">
      <Title title="app.menu.correction_queue" />
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        {translate('app.corrections.queue_order')}
      </Typography>
      {stages.map((stage) => (
        <Box key={stage} sx={{ mb: 3 }} data-testid={`queue-stage-${stage}`}>
          <Typography variant="h6" gutterBottom>
            {CORRECTION_STAGE_LABELS[stage]}
          </Typography>
          {stage === 'work_order' && roles.includes('provincial_reviewer') && !roles.includes('municipal_admin') ? (
            <ProvincialWorkOrders />
          ) : (
            <StageList stage={stage} />
          )}
        </Box>
      ))}
    </Box>
  );
};
