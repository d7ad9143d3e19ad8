import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { levelChoices, statusChoices } from './choices';
import type { OrganisationView } from '@app/contracts';
import { organisationOptionText } from './organisationOptionText';

export const organisationFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="名称、代码或信用代码" />,
  <SelectInput key="level" source="level" choices={levelChoices} alwaysOn />,
  <ReferenceInput key="parentId" source="parentId" reference="organisations" alwaysOn>
    <AutocompleteInput
      label="resources.organisations.fields.parentId"
      optionText={(record: OrganisationView) => organisationOptionText(record)}
      filterToQuery={(q: string) => ({ q })}
      sx={{ minWidth: 260 }}
    />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={statusChoices} />,
];
