import { CreateButton, DataTable, EditButton, FilterButton, List, TopToolbar } from 'react-admin';
import { BeijingDateTimeField, RolesField } from '../common/fields';
import { userFilters } from './userFilters';
import { TotpField, UserStatusField } from './UserStatusField';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export const UserList = () => (
  <List
    title="app.menu.users"
    filters={userFilters}
    sort={{ field: 'username', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="username" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="roles" field={RolesField} disableSort />
      <DataTable.Col source="organisationName" disableSort />
      <DataTable.Col source="disabled" label="resources.users.fields.disabled" field={UserStatusField} disableSort />
      <DataTable.Col source="totpEnabled" field={TotpField} disableSort />
      <DataTable.Col source="lastLoginAt" field={BeijingDateTimeField} />
      <DataTable.Col label="app.common.actions" disableSort>
        <EditButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
