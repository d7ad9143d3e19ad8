import { Alert, Box, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { Button, DataTable, List, TopToolbar, Translate, useRecordContext } from 'react-admin';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { RecheckRow } from '@app/contracts';
import { DueFilterInput } from './recheckFilters';
import { CertificateCell, RecheckDueField, SuspendedField, SuspendReasonField } from './RecheckFields';

const NothingToDo = () => (
  <Box sx={{ mt: 2 }}>
    <Alert severity="success">
      <Translate i18nKey="app.rechecks.queue_empty" />
    </Alert>
  </Box>
);

const QueueActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      <Translate i18nKey="app.rechecks.queue_order" />
    </Typography>
  </TopToolbar>
);

const OpenButton = () => {
  const recheck = useRecordContext<RecheckRow>();
  if (!recheck) return null;
  return (
    <Button
      component={RouterLink}
      to={`/rechecks/${recheck.id}/show`}
      label="app.rechecks.open"
      variant="outlined"
      sx={{ whiteSpace: 'nowrap' }}
      onClick={(event) => event.stopPropagation()}
    >
      <FactCheckIcon />
    </Button>
  );
};

const queueFilters = [<DueFilterInput key="due" source="due" alwaysOn />];

/**
 * 复核: the province's open re-checks of suspended certificates, the earliest deadline first. The API keeps
 * each province to its own tasks.
 */
export const RecheckQueuePage = () => (
  <List
    resource="rechecks"
    title="app.menu.recheck_queue"
    filter={{ status: 'open' }}
    filters={queueFilters}
    sort={{ field: 'dueDate', order: 'ASC' }}
    perPage={25}
    storeKey="rechecks.queue"
    disableSyncWithLocation
    exporter={false}
    actions={<QueueActions />}
    empty={<NothingToDo />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="dueDate" field={RecheckDueField} />
      <DataTable.Col source="certificateNumber" disableSort field={CertificateCell} />
      <DataTable.Col
        source="institutionName"
        disableSort
        sx={{ whiteSpace: 'normal', minWidth: '8em', maxWidth: '14em' }}
      />
      <DataTable.Col
        source="flagRuleLabel"
        disableSort
        sx={{ whiteSpace: 'normal', minWidth: '8em', maxWidth: '12em' }}
      />
      <DataTable.Col
        source="suspendReason"
        field={SuspendReasonField}
        disableSort
        sx={{ minWidth: '10em', maxWidth: '20em', whiteSpace: 'normal' }}
      />
      <DataTable.Col source="suspendedAt" field={SuspendedField} />
      <DataTable.Col label="app.common.actions" disableSort>
        <OpenButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
