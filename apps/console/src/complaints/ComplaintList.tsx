import { CreateButton, DataTable, FilterButton, List, TopToolbar, usePermissions } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import type { ComplaintRow } from '@app/contracts';
import { formatCalendarDay } from '../common/dates';
import { complaintFilters } from './complaintFilters';
import { ComplaintDueField, ComplaintStatusChip, HolderCell, InstitutionCell } from './ComplaintFields';

const ListActions = () => {
  const { permissions } = usePermissions<Role[]>();
  return (
    <TopToolbar>
      <FilterButton />
      {hasPermission(permissions ?? [], 'complaints.write') && <CreateButton label="app.complaints.create" />}
    </TopToolbar>
  );
};

const wrap = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

/** 投诉处理: complaints within the jurisdiction (an institution's own), the most urgent reply first. */
export const ComplaintList = () => (
  <List
    title="app.menu.complaints"
    filters={complaintFilters}
    sort={{ field: 'dueDate', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
    // The filters and 登记投诉 stay in sight with no complaint yet.
    empty={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.NumberCol source="id" />
      <DataTable.Col source="holderName" disableSort field={HolderCell} />
      <DataTable.Col
        source="institutionName"
        disableSort
        field={InstitutionCell}
        sx={{ ...wrap, minWidth: '10em', maxWidth: '16em' }}
      />
      <DataTable.Col source="channel" render={(r: ComplaintRow) => r.channelLabel} />
      <DataTable.Col source="receivedOn" render={(r: ComplaintRow) => formatCalendarDay(r.receivedOn)} />
      <DataTable.Col source="dueDate" field={ComplaintDueField} />
      <DataTable.Col source="status" field={ComplaintStatusChip} />
    </DataTable>
  </List>
);
