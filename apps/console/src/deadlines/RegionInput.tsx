import { AutocompleteInput, useGetList } from 'react-admin';
import type { OrganisationView } from '@app/contracts';
import { organisationOptionText } from '../organisations/organisationOptionText';

const ALL = { page: 1, perPage: 500 };
const BY_REGION_CODE = { field: 'regionCode', order: 'ASC' } as const;

/**
 * 地区: the provincial and municipal centres in the user's jurisdiction (the API lists only those). The
 * organisations list filters one level at a time, hence two small lists.
 */
export const RegionInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const provinces = useGetList<OrganisationView>('organisations', {
    filter: { level: 'provincial' },
    pagination: ALL,
    sort: BY_REGION_CODE,
  });
  const cities = useGetList<OrganisationView>('organisations', {
    filter: { level: 'municipal' },
    pagination: ALL,
    sort: BY_REGION_CODE,
  });
  const choices = [...(provinces.data ?? []), ...(cities.data ?? [])].map((organisation) => ({
    id: organisation.id,
    name: organisationOptionText(organisation),
  }));
  return (
    <AutocompleteInput
      source={source}
      label="resources.deadlines.fields.organisationId"
      choices={choices}
      isPending={provinces.isPending || cities.isPending}
      sx={{ minWidth: 280 }}
    />
  );
};
