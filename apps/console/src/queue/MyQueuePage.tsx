import { Alert, Box, Chip, Typography } from '@mui/material';
import { useSearchParams } from 'react-router-dom';
import { DataTable, List, TopToolbar, usePermissions, useTranslate, Translate } from 'react-admin';
import { BATCH_STATUS_LABELS, hasPermission, type BatchStatus, type Role } from '@app/domain';
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

const DUE_FILTERS = ['today', 'soon', 'overdue'] as const;
type DueFilter = (typeof DUE_FILTERS)[number];

/** The narrowing a home-page figure links with (`#/queue?due=today`, `#/queue?status=provincial_review`). */
function useQueueNarrowing() {
  const [params, setParams] = useSearchParams();
  const dueParam = params.get('due');
  const statusParam = params.get('status');
  const due = DUE_FILTERS.find((d) => d === dueParam);
  const status = statusParam && statusParam in BATCH_STATUS_LABELS ? (statusParam as BatchStatus) : undefined;
  return { due, status, clear: () => setParams({}) };
}

// Also the place where the bulk actions toolbar slides in over the list.
const QueueActions = ({
  reviews,
  due,
  status,
  clear,
}: {
  reviews: boolean;
  due?: DueFilter;
  status?: BatchStatus;
  clear: () => void;
}) => {
  const translate = useTranslate();
  const narrowing = [due && translate(`app.queue.due.${due}`), status && BATCH_STATUS_LABELS[status]].filter(Boolean);
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      {narrowing.length > 0 && (
        <Chip
          color="primary"
          variant="outlined"
          label={translate('app.queue.only', { what: narrowing.join('、') })}
          onDelete={clear}
          data-testid="queue-narrowing"
        />
      )}
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        <Translate i18nKey="app.queue.order" />
        {reviews ? <Translate i18nKey="app.queue.bulk_hint" /> : ''}
      </Typography>
    </TopToolbar>
  );
};

/**
 * 待我处理: the batches at the stages this user decides (institutions: drafts and returned batches), the most
 * urgent first.
 */
export const MyQueuePage = () => {
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  const reviews = hasPermission(roles, 'batches.review');
  const { due, status, clear } = useQueueNarrowing();
  const institution = roles.includes('institution_operator');
  return (
    <List
      resource="batches"
      title="app.menu.queue"
      filter={{ queue: 'mine', ...(due ? { due } : {}), ...(status ? { status: [status] } : {}) }}
      sort={{ field: 'dueDate', order: 'ASC' }}
      perPage={25}
      storeKey="batches.queue"
      disableSyncWithLocation
      exporter={false}
      actions={<QueueActions reviews={reviews} due={due} status={status} clear={clear} />}
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
