import {
  Alert,
  Box,
  Chip,
  Divider,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  CreateButton,
  DataTable,
  EditButton,
  Pagination,
  ReferenceManyField,
  Show,
  TopToolbar,
  useRecordContext,
  useTranslate,
  Translate,
} from 'react-admin';
import { beijingToday, formatBeijingDateTime, formatCalendarDay } from '../common/dates';
import { ShowLoadError } from '../common/RecordLoadError';
import { choiceName, deadlineProfileChoices, kindChoices, skillLevelChoices } from './choices';
import type { OrganisationView, ScopeEntry } from '@app/contracts';
import { OrganisationBreadcrumb } from './OrganisationBreadcrumb';
import { ChildCountField, InstitutionStatusField, LevelField } from './OrganisationList';
import { LabeledValue } from '../common/LabeledValue';

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Grid size={{ xs: 12, sm: 6, md: 4 }}>
    <LabeledValue label={label}>{children}</LabeledValue>
  </Grid>
);

const levelShort = (level: number) => skillLevelChoices.find((c) => c.id === level)?.short ?? String(level);

export const ScopeTable = ({ scope }: { scope: ScopeEntry[] }) => {
  const translate = useTranslate();
  const today = beijingToday();
  if (scope.length === 0) {
    return (
      <Alert severity="info">
        <Translate i18nKey="app.organisations.scope.empty" />
      </Alert>
    );
  }
  return (
    <Table size="small" aria-label={translate('resources.organisations.fields.scope')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.organisations.scope.occupation_code')}</TableCell>
          <TableCell>{translate('app.organisations.scope.occupation_name')}</TableCell>
          <TableCell>{translate('app.certificates.level')}</TableCell>
          <TableCell>{translate('app.organisations.scope.validity')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {scope.map((entry, index) => (
          // An occupation can appear twice: an entry ended by a narrowing edit next to its narrowed successor.
          <TableRow
            key={`${entry.occupationCode}|${entry.validFrom}|${index}`}
            sx={entry.validTo && entry.validTo < today ? { '& td': { color: 'text.secondary' } } : undefined}
          >
            <TableCell>{entry.occupationCode}</TableCell>
            <TableCell>{entry.occupationName}</TableCell>
            <TableCell>
              {[...entry.levels]
                .sort((a, b) => b - a)
                .map((level) => (
                  <Chip key={level} label={levelShort(level)} size="small" sx={{ mr: 0.5 }} />
                ))}
            </TableCell>
            <TableCell>
              {translate('app.organisations.scope.period', {
                from: formatCalendarDay(entry.validFrom),
                to: entry.validTo ? formatCalendarDay(entry.validTo) : translate('app.organisations.scope.no_end'),
              })}
              {entry.validTo && entry.validTo < today && (
                <Chip label={translate('app.organisations.scope.ended')} size="small" sx={{ ml: 1 }} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const OrganisationTitle = () => {
  const record = useRecordContext<OrganisationView>();
  return <span>{record ? record.name : <Translate i18nKey="resources.organisations.name" />}</span>;
};

const ShowActions = () => {
  const record = useRecordContext<OrganisationView>();
  return (
    <TopToolbar>
      {record && record.level !== 'institution' && (
        <CreateButton label="app.organisations.create_child" state={{ record: { parentId: record.id } }} />
      )}
      <EditButton />
    </TopToolbar>
  );
};

const Details = () => {
  const record = useRecordContext<OrganisationView>();
  if (!record) return null;
  const institution = record.level === 'institution';
  return (
    <Box>
      <OrganisationBreadcrumb id={record.id} mode="show" />
      <Divider />
      <Box sx={{ p: 2 }}>
        <Grid container spacing={1}>
          <Item label="resources.organisations.fields.name">{record.name}</Item>
          <Item label="resources.organisations.fields.level">
            <LevelField />
          </Item>
          <Item label="resources.organisations.fields.regionCode">{record.regionCode}</Item>
          <Item label="resources.organisations.fields.parentName">{record.parentName}</Item>
          <Item label="resources.organisations.fields.deadlineProfile">
            {choiceName(deadlineProfileChoices, record.deadlineProfile)}
          </Item>
          <Item label="resources.organisations.fields.updatedAt">{formatBeijingDateTime(record.updatedAt)}</Item>
          {institution && (
            <>
              <Item label="resources.organisations.fields.creditCode">{record.creditCode}</Item>
              <Item label="resources.organisations.fields.kind">{choiceName(kindChoices, record.kind)}</Item>
              <Item label="resources.organisations.fields.status">
                <InstitutionStatusField />
              </Item>
              <Item label="resources.organisations.fields.registeredAt">{formatCalendarDay(record.registeredAt)}</Item>
            </>
          )}
        </Grid>
        {record.status === 'dissolved' && (
          <Alert severity="info" sx={{ mt: 1 }}>
            <Translate i18nKey="app.organisations.dissolved_notice" />
          </Alert>
        )}
      </Box>
      {institution ? (
        <Box sx={{ px: 2, pb: 2 }}>
          <Typography variant="h6" gutterBottom>
            <Translate i18nKey="app.organisations.scope.title" />
          </Typography>
          <ScopeTable scope={record.scope ?? []} />
        </Box>
      ) : (
        <Box sx={{ px: 2, pb: 2 }}>
          <Typography variant="h6" gutterBottom>
            <Translate i18nKey="app.organisations.children_count" options={{ count: record.childCount ?? 0 }} />
          </Typography>
          <ReferenceManyField
            reference="organisations"
            target="parentId"
            sort={{ field: 'id', order: 'ASC' }}
            perPage={10}
            pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
            empty={
              <Alert severity="info">
                <Translate i18nKey="app.organisations.no_children" />
              </Alert>
            }
          >
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="name" />
              <DataTable.Col source="level" field={LevelField} />
              <DataTable.Col source="regionCode" />
              <DataTable.Col source="status" field={InstitutionStatusField} />
              <DataTable.Col source="childCount" field={ChildCountField} disableSort />
            </DataTable>
          </ReferenceManyField>
        </Box>
      )}
    </Box>
  );
};

export const OrganisationShow = () => (
  <Show title={<OrganisationTitle />} actions={<ShowActions />} redirectOnError={false} error={<ShowLoadError />}>
    <Details />
  </Show>
);
