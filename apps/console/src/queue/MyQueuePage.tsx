import { Alert, Box, Typography } from '@mui/material';
import { DataTable, List, TopToolbar, usePermissions, Translate } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import { batchActions } from '../batches/review/batchActions';
import { BatchStatusField } from '../batches/BatchStatusField';
import { DueField } from '../batches/DueField';
import { KindField } from '../batches/KindField';
import { LateSubmissionField } from '../batches/LateSubmissionField';
import type { BatchView } from '@app/contracts';
import { BulkApproveButton } from './BulkApproveButton';
import { QueueRowActions } from './QueueRowActions';

/** The return's reason in two lines at most; the whole of it on hover and on the batch's page. */
const QueueReturnReason = ({ batch }: { batch: BatchView }) => (
  <Typography
    variant="body2"
    title={batch.returnReason ?? undefined}
    data-testid="queue-return-reason"
    sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
  >
    {batch.returnReason}
  </Typography>
);

const NothingToDo = () => (
  <Box sx={{ mt: 2 }}>
    <Alert severity="success">
      <Translate i18nKey="app.queue.empty" />
    </Alert>
  </Box>
);

// Also the place where the bulk actions toolbar slides in over the list.
const QueueActions = ({ reviews }: { reviews: boolean }) => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      <Translate i18nKey="app.queue.order" />
      {reviews ? <Translate i18nKey="app.queue.bulk_hint" /> : ''}
    </Typography>
  </TopToolbar>
);

/**
 * 待我处理: the batches at the stages this user decides (institutions: drafts and returned batches), the most
 * urgent first.
 */
export const MyQueuePage = () => {
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  const reviews = hasPermission(roles, 'batches.review');
  const institution = roles.includes('institution_operator');
  return (
    <List
      resource="batches"
      title="app.menu.queue"
      filter={{ queue: 'mine' }}
      sort={{ field: 'dueDate', order: 'ASC' }}
      perPage={25}
      storeKey="batches.queue"
      disableSyncWithLocation
      exporter={false}
      actions={<QueueActions reviews={reviews} />}
      empty={<NothingToDo />}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={reviews ? <BulkApproveButton /> : false}
        isRowSelectable={(batch: BatchView) => batchActions(batch, roles).review}
      >
        <DataTable.Col source="id" />
        <DataTable.Col source="status" field={BatchStatusField} disableSort />
        <DataTable.Col source="institutionName" disableSort />
        <DataTable.Col source="kind" field={KindField} disableSort />
        <DataTable.NumberCol source="recordCount" />
        <DataTable.Col source="lateSubmission" field={LateSubmissionField} disableSort />
        <DataTable.Col source="dueDate" field={DueField} />
        {institution && (
          // an institution sees at a glance why a batch came back.
          <DataTable.Col
            source="returnReason"
            disableSort
            render={(batch: BatchView) => (batch.status === 'returned' ? <QueueReturnReason batch={batch} /> : '')}
            sx={{ maxWidth: '24em', whiteSpace: 'normal', overflowWrap: 'anywhere' }}
          />
        )}
        <DataTable.Col label="app.common.actions" disableSort>
          <QueueRowActions />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
