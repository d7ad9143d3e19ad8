import { SelectInput } from 'react-admin';
import { deadlineKindChoices, deadlineStateChoices, openStageChoices } from './choices';
import { RegionInput } from './RegionInput';

export const deadlineFilters = [
  <RegionInput key="organisationId" source="organisationId" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label="resources.deadlines.fields.status"
    choices={openStageChoices}
    alwaysOn
  />,
  <SelectInput key="kind" source="kind" choices={deadlineKindChoices} alwaysOn />,
  <SelectInput key="state" source="state" choices={deadlineStateChoices} alwaysOn />,
];
