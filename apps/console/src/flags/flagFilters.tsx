import { AutocompleteInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { FLAG_STATUS_LABELS, SCREENING_RULE_LABELS } from '@app/contracts';
import { organisationOptionText } from '../organisations/organisationOptionText';

export const flagRuleChoices = Object.entries(SCREENING_RULE_LABELS).map(([id, name]) => ({ id, name }));
export const flagStatusChoices = Object.entries(FLAG_STATUS_LABELS).map(([id, name]) => ({ id, name }));

/** A centre or an institution: the API lists the flags of its whole subtree. */
export const OrganisationFilterInput = ({ source }: { source: string; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference="organisations">
    <AutocompleteInput
      label="app.screening.organisation"
      optionText={organisationOptionText}
      filterToQuery={(q: string) => ({ q })}
      sx={{ minWidth: 280 }}
    />
  </ReferenceInput>
);

export const flagFilters = [
  <SelectInput
    key="rule"
    source="rule"
    choices={flagRuleChoices}
    emptyText="app.flags.all_rules"
    alwaysOn
    sx={{ minWidth: 220 }}
  />,
  <SelectInput key="status" source="status" choices={flagStatusChoices} emptyText="app.flags.all_statuses" alwaysOn />,
  <OrganisationFilterInput key="organisationId" source="organisationId" alwaysOn />,
  <TextInput key="certificateId" source="certificateId" label="app.screening.certificate_id" />,
];
