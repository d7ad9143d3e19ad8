import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { correctionFilters } from './correctionFilters';
import {
  CorrectionCertificateCell,
  CorrectionDueField,
  CorrectionStatusChip,
  CorrectionTypeCell,
  RequestedCell,
} from './CorrectionFields';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

const wrap = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/**
 * 更正申请: the correction and deletion requests within the reader's jurisdiction, newest first; open
 * ones carry their stage's countdown.
 */
export const CorrectionList = () => (
  <List
    title="app.menu.corrections"
    filters={correctionFilters}
    sort={{ field: 'requestedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="certificateNumber" disableSort field={CorrectionCertificateCell} />
      <DataTable.Col source="institutionName" disableSort sx={{ ...wrap, minWidth: '8em', maxWidth: '14em' }} />
      <DataTable.Col source="type" disableSort field={CorrectionTypeCell} sx={{ ...wrap, maxWidth: '14em' }} />
      <DataTable.Col source="status" disableSort field={CorrectionStatusChip} />
      <DataTable.Col source="dueDate" field={CorrectionDueField} />
      <DataTable.Col source="requestedAt" field={RequestedCell} />
    </DataTable>
  </List>
);
