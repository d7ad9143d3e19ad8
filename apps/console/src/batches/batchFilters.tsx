import { AutocompleteInput, BooleanInput, ReferenceInput, SelectArrayInput, SelectInput } from 'react-admin';
import type { OrganisationView } from '@app/contracts';
import { batchKindChoices, batchStatusChoices } from './choices';

// `lateSubmission` / `overdue`: the API filters only on `true`, so switching them off lists everything again.
export const batchFilters = [
  <SelectArrayInput key="status" source="status" choices={batchStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="kind" source="kind" choices={batchKindChoices} alwaysOn />,
  <ReferenceInput
    key="institutionId"
    source="institutionId"
    reference="organisations"
    filter={{ level: 'institution' }}
    alwaysOn
  >
    <AutocompleteInput
      label="resources.batches.fields.institutionId"
      optionText={(record: OrganisationView) => record.name}
      filterToQuery={(q: string) => ({ q })}
      sx={{ minWidth: 280 }}
    />
  </ReferenceInput>,
  <BooleanInput key="lateSubmission" source="lateSubmission" label="app.batches.filters.late_submission" alwaysOn />,
  <BooleanInput key="overdue" source="overdue" label="app.batches.filters.overdue" alwaysOn />,
];
