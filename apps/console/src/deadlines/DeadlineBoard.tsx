import { Chip } from '@mui/material';
import { DataTable, List, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { BatchStatusField } from '../batches/BatchStatusField';
import { DueField } from '../batches/DueField';
import { LateSubmissionField } from '../batches/LateSubmissionField';
import type { DeadlineItem } from '@app/contracts';
import { DeadlineKindField } from './DeadlineKindField';
import { deadlineFilters } from './deadlineFilters';
import { ResponsibleField } from './ResponsibleField';

// A batch's item opens the batch; a re-check's or a complaint's its own page.
const openItem = (_id: Identifier, _resource: string, item: DeadlineItem) =>
  item.linkPath ?? `/batches/${item.batchId}/show`;

/** A batch's stage, or a re-check's or complaint's state (待复核, 待机构答复) with the API's label. */
const ItemStatusField = () => {
  const item = useRecordContext<DeadlineItem>();
  if (!item) return null;
  if (item.kind !== 'recheck' && item.kind !== 'complaint') return <BatchStatusField />;
  return <Chip size="small" color="warning" label={item.statusLabel} sx={{ whiteSpace: 'nowrap' }} />;
};

const ItemSubject = ({ item }: { item: DeadlineItem }) => {
  const translate = useTranslate();
  if (item.kind === 'complaint' && item.complaintId != null) {
    return translate('app.complaints.number', { id: item.complaintId });
  }
  return item.kind === 'recheck' && item.certificateNumber
    ? translate('app.rechecks.certificate', { number: item.certificateNumber })
    : `#${item.batchId}`;
};

/**
 * 期限看板: every open upload, review, correction and re-check in the jurisdiction, the earliest due first,
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
    <DataTable rowClick={openItem} bulkActionButtons={false}>
      <DataTable.Col source="batchId" render={(item: DeadlineItem) => <ItemSubject item={item} />} disableSort />
      <DataTable.Col source="kind" field={DeadlineKindField} disableSort />
      <DataTable.Col source="status" field={ItemStatusField} />
      <DataTable.Col source="institutionName" disableSort />
      <DataTable.NumberCol source="recordCount" disableSort />
      <DataTable.Col source="lateSubmission" field={LateSubmissionField} disableSort />
      <DataTable.Col source="dueDate" field={DueField} />
      <DataTable.Col source="responsibleOrganisation" field={ResponsibleField} disableSort />
    </DataTable>
  </List>
);
