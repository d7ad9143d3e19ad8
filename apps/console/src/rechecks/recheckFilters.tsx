import { SelectInput, TextInput } from 'react-admin';
import { RECHECK_STATUS_LABELS } from '@app/contracts';
import { OrganisationFilterInput } from '../flags/flagFilters';

export const recheckStatusChoices = Object.entries(RECHECK_STATUS_LABELS).map(([id, name]) => ({ id, name }));

// The API's `due`: open re-checks overdue, or due within 3 working days (the batches' 即将到期).
export const recheckDueChoices = [
  { id: 'overdue', name: 'app.queue.due.overdue' },
  { id: 'soon', name: 'app.queue.due.soon' },
];

export const DueFilterInput = ({ source }: { source: string; alwaysOn?: boolean }) => (
  <SelectInput
    source={source}
    label="app.rechecks.due_filter"
    choices={recheckDueChoices}
    emptyText="app.common.all"
    sx={{ minWidth: 180 }}
  />
);

export const recheckFilters = [
  <SelectInput
    key="status"
    source="status"
    choices={recheckStatusChoices}
    emptyText="app.rechecks.all_statuses"
    alwaysOn
  />,
  <DueFilterInput key="due" source="due" alwaysOn />,
  <OrganisationFilterInput key="organisationId" source="organisationId" alwaysOn />,
  <TextInput key="certificateId" source="certificateId" label="app.screening.certificate_id" />,
];
