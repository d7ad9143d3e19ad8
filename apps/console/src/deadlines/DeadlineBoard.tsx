import { DataTable, List, type Identifier } from 'react-admin';
import { BatchStatusField } from '../batches/BatchStatusField';
import { DueField } from '../batches/DueField';
import { LateSubmissionField } from '../batches/LateSubmissionField';
import type { DeadlineItem } from '@app/contracts';
import { DeadlineKindField } from './DeadlineKindField';
import { deadlineFilters } from './deadlineFilters';
import { ResponsibleField } from './ResponsibleField';

const openBatch = (_id: Identifier, _resource: string, item: DeadlineItem) => `/batches/${item.batchId}/show`;

/**
 * 期限看板: every open upload, review and correction in the jurisdiction, the earliest due first,
 * with who must act. Overdue reviews stay here until someone decides; nothing is approved automatically.
 */
export const DeadlineBoard = () => (
  <List
    title="app.menu.deadlines"
    filters={deadlineFilters}
    sort={{ field: 'dueDate', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={false}
  >
    <DataTable rowClick={openBatch} bulkActionButtons={false}>
      <DataTable.Col source="batchId" render={(item: DeadlineItem) => `#${item.batchId}`} disableSort />
      <DataTable.Col source="kind" field={DeadlineKindField} disableSort />
      <DataTable.Col source="status" field={BatchStatusField} />
      <DataTable.Col source="institutionName" disableSort />
      <DataTable.NumberCol source="recordCount" disableSort />
      <DataTable.Col source="lateSubmission" field={LateSubmissionField} disableSort />
      <DataTable.Col source="dueDate" field={DueField} />
      <DataTable.Col source="responsibleOrganisation" field={ResponsibleField} disableSort />
    </DataTable>
  </List>
);
