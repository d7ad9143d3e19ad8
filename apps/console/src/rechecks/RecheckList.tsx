import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import type { RecheckRow } from '@app/contracts';
import { recheckFilters } from './recheckFilters';
import {
  CertificateCell,
  InstitutionCell,
  RecheckDueField,
  RecheckStatusChip,
  SuspendedField,
  SuspendReasonField,
} from './RecheckFields';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

const wrap = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/**
 * 暂停查询 (R-26, R-33): the certificates taken out of lookup and their provinces' re-checks, the most urgent first;
 * open ones by default, every status on request.
 */
export const RecheckList = () => (
  <List
    title="app.menu.rechecks"
    filters={recheckFilters}
    filterDefaultValues={{ status: 'open' }}
    sort={{ field: 'dueDate', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="certificateNumber" disableSort field={CertificateCell} />
      <DataTable.Col
        source="institutionName"
        disableSort
        field={InstitutionCell}
        sx={{ ...wrap, minWidth: '10em', maxWidth: '16em' }}
      />
      <DataTable.Col
        source="flagRuleLabel"
        disableSort
        render={(r: RecheckRow) => (r.flagId != null ? `#${r.flagId} ${r.flagRuleLabel ?? ''}` : '')}
        sx={{ ...wrap, minWidth: '8em', maxWidth: '12em' }}
      />
      <DataTable.Col
        source="suspendReason"
        field={SuspendReasonField}
        disableSort
        sx={{ minWidth: '10em', maxWidth: '20em', whiteSpace: 'normal' }}
      />
      <DataTable.Col source="suspendedAt" field={SuspendedField} />
      <DataTable.Col source="dueDate" field={RecheckDueField} />
      <DataTable.Col source="status" field={RecheckStatusChip} disableSort />
    </DataTable>
  </List>
);
