import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { BeijingDateTimeField } from '../common/fields';
import { batchFilters } from './batchFilters';
import { BatchStatusField } from './BatchStatusField';
import { DueField } from './DueField';
import { KindField } from './KindField';
import { LateSubmissionField } from './LateSubmissionField';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="app.menu.upload" icon={<UploadFileIcon />} />
  </TopToolbar>
);

export const BatchList = () => (
  <List
    title="app.menu.batches"
    filters={batchFilters}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="status" field={BatchStatusField} />
      <DataTable.Col source="institutionName" disableSort />
      <DataTable.Col source="kind" field={KindField} disableSort />
      <DataTable.NumberCol source="recordCount" />
      <DataTable.Col source="lateSubmission" field={LateSubmissionField} disableSort />
      <DataTable.Col source="dueDate" field={DueField} />
      <DataTable.Col source="submittedAt" field={BeijingDateTimeField} />
    </DataTable>
  </List>
);
