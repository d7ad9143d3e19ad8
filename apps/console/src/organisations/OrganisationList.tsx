import { Button, Chip } from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Link } from 'react-router-dom';
import {
  CreateButton,
  DataTable,
  EditButton,
  FilterButton,
  List,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ORGANISATION_LEVEL_LABELS } from '@app/domain';
import { statusChoices } from './choices';
import type { OrganisationView } from '@app/contracts';
import { childrenListPath, OrganisationBreadcrumb } from './OrganisationBreadcrumb';
import { organisationFilters } from './organisationFilters';

/** The 下级 count: a link that lists this organisation's children (tree-like navigation). */
export const ChildCountField = () => {
  const translate = useTranslate();
  const record = useRecordContext<OrganisationView>();
  if (!record) return null;
  if (record.level === 'institution') return <span>—</span>;
  return (
    <Button
      component={Link}
      to={childrenListPath(record.id)}
      size="small"
      startIcon={<AccountTreeIcon fontSize="small" />}
      onClick={(event: React.MouseEvent) => event.stopPropagation()}
      disabled={!record.childCount}
      aria-label={translate('app.organisations.children_of', { name: record.name })}
    >
      {record.childCount ?? 0}
    </Button>
  );
};

export const LevelField = () => {
  const record = useRecordContext<OrganisationView>();
  return record ? <span>{ORGANISATION_LEVEL_LABELS[record.level] ?? record.level}</span> : null;
};

export const InstitutionStatusField = () => {
  const record = useRecordContext<OrganisationView>();
  // Only institutions have a status; centres carry a default the console does not show.
  if (!record?.status || record.level !== 'institution') return null;
  const status = statusChoices.find((c) => c.id === record.status);
  return (
    <Chip size="small" label={status?.name ?? record.status} color={status?.color ?? 'default'} variant="outlined" />
  );
};

const ListActions = () => {
  const { filterValues } = useListContext();
  const parentId = filterValues.parentId as number | undefined;
  return (
    <TopToolbar>
      <FilterButton />
      {/* Creating from a parent's children list puts the new organisation under that parent. */}
      <CreateButton state={parentId ? { record: { parentId } } : undefined} />
    </TopToolbar>
  );
};

const ParentCrumbs = () => {
  const { filterValues } = useListContext();
  return filterValues.parentId ? <OrganisationBreadcrumb id={filterValues.parentId} mode="children" /> : null;
};

export const OrganisationList = () => (
  <List
    title="app.menu.organisations"
    filters={organisationFilters}
    sort={{ field: 'id', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
  >
    <ParentCrumbs />
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="level" field={LevelField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="regionCode" />
      <DataTable.Col source="parentName" disableSort />
      <DataTable.Col source="creditCode" disableSort />
      <DataTable.Col source="status" field={InstitutionStatusField} />
      <DataTable.Col source="childCount" field={ChildCountField} disableSort />
      <DataTable.Col label="app.common.actions" disableSort>
        <EditButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
