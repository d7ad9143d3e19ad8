import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';
import { KeywordSearchInput } from '../common/KeywordSearchInput';
import { levelChoices, statusChoices } from './choices';
import type { OrganisationView } from '@app/contracts';
import { organisationOptionText } from './organisationOptionText';

export const organisationFilters = [
  <KeywordSearchInput key="q" source="q" alwaysOn placeholder="app.organisations.search" />,
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
