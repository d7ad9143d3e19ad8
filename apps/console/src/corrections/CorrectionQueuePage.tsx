import { Alert, Box, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button, DataTable, List, TopToolbar, Translate, usePermissions, useRecordContext } from 'react-admin';
import type { Role } from '@app/domain';
import type { CorrectionRow } from '@app/contracts';
import { queueStages } from './correctionActions';
import {
  CorrectionCertificateCell,
  CorrectionDueField,
  CorrectionStatusChip,
  CorrectionTypeCell,
  RequestedCell,
} from './CorrectionFields';

const NothingToDo = () => (
  <Box sx={{ mt: 2 }}>
    <Alert severity="success">
      <Translate i18nKey="app.corrections.queue_empty" />
    </Alert>
  </Box>
);

const QueueActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      <Translate i18nKey="app.corrections.queue_order" />
    </Typography>
  </TopToolbar>
);

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

/**
 * 更正审核: the requests waiting at the stages the reviewer's role decides, the earliest deadline first.
 * The API keeps each centre to the requests of its jurisdiction.
 */
export const CorrectionQueuePage = () => {
  const { permissions } = usePermissions<Role[]>();
  const stages = queueStages(permissions ?? []);
  return (
    <List
      resource="corrections"
      title="app.menu.correction_queue"
      filter={{ status: 'pending', stage: stages.length === 1 ? stages[0] : stages }}
      sort={{ field: 'dueDate', order: 'ASC' }}
      perPage={25}
      storeKey="corrections.queue"
      disableSyncWithLocation
      exporter={false}
      actions={<QueueActions />}
      empty={<NothingToDo />}
      // Until the roles are known the stages are too: no request for every stage meanwhile.
      queryOptions={{ enabled: stages.length > 0 }}
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
};
