import { CreateButton, DataTable, FilterButton, List, SelectInput, TopToolbar, usePermissions } from 'react-admin';
import type { DataAdministratorRow } from '@app/contracts';
import type { Role } from '@app/domain';
import { formatBeijingDateTime } from '../common/dates';
import { OrganisationFilterInput } from '../flags/flagFilters';
import { canRegisterDataAdmin } from './dataAdminActions';
import { DataAdminStatusChip, dataAdminStatusChoices } from './DataAdminFields';
import { DataAdminCoverage } from './DataAdminCoverage';

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={dataAdminStatusChoices}
    emptyText="app.data_admins.all_statuses"
    alwaysOn
  />,
  <OrganisationFilterInput key="organisationId" source="organisationId" alwaysOn />,
];

const ListActions = () => {
  const { permissions } = usePermissions<Role[]>();
  return (
    <TopToolbar>
      <FilterButton />
      {canRegisterDataAdmin(permissions ?? []) && <CreateButton label="app.data_admins.register" />}
    </TopToolbar>
  );
};

/** 数据管理员 (R-4, 附件2): each municipal centre's administrators, mobiles masked; centres without one on top. */
export const DataAdminList = () => (
  <List
    title="app.menu.data_admins"
    filters={filters}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
    aside={<DataAdminCoverage />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="organisationName" disableSort />
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="position" disableSort />
      <DataTable.Col source="officePhone" disableSort />
      <DataTable.Col source="mobile" disableSort />
      <DataTable.Col source="status" field={DataAdminStatusChip} />
      <DataTable.Col
        source="activatedAt"
        render={(r: DataAdministratorRow) => (r.activatedAt ? formatBeijingDateTime(r.activatedAt) : '')}
      />
      <DataTable.Col source="decidedByName" disableSort />
    </DataTable>
  </List>
);
