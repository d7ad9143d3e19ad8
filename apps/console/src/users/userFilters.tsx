import { AutocompleteInput, NullableBooleanInput, ReferenceInput, SelectInput } from 'react-admin';
import { KeywordSearchInput } from '../common/KeywordSearchInput';
import { ROLE_LABELS, ROLES } from '@app/domain';
import type { OrganisationView } from '@app/contracts';
import { organisationOptionText } from '../organisations/organisationOptionText';

export const roleChoices = ROLES.map((id) => ({ id, name: ROLE_LABELS[id] }));

export const userFilters = [
  <KeywordSearchInput key="q" source="q" alwaysOn placeholder="app.users.search" />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" alwaysOn>
    <AutocompleteInput
      label="resources.users.fields.organisationId"
      optionText={(record: OrganisationView) => organisationOptionText(record)}
      filterToQuery={(q: string) => ({ q })}
      sx={{ minWidth: 260 }}
    />
  </ReferenceInput>,
  <NullableBooleanInput
    key="disabled"
    source="disabled"
    falseLabel="app.users.status.active"
    trueLabel="app.users.status.disabled"
    nullLabel="app.common.all"
  />,
];
