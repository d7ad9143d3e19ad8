import { SelectInput } from 'react-admin';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_STATUS_LABELS } from '@app/contracts';

export const complaintStatusChoices = Object.entries(COMPLAINT_STATUS_LABELS).map(([id, name]) => ({ id, name }));
export const complaintChannelChoices = Object.entries(COMPLAINT_CHANNEL_LABELS).map(([id, name]) => ({ id, name }));

// The API's `due`: open complaints past their reply day, or due within 3 working days.
const dueChoices = [
  { id: 'overdue', name: 'app.queue.due.overdue' },
  { id: 'soon', name: 'app.queue.due.soon' },
];

export const complaintFilters = [
  <SelectInput
    key="status"
    source="status"
    choices={complaintStatusChoices}
    emptyText="app.complaints.all_statuses"
    alwaysOn
  />,
  <SelectInput
    key="channel"
    source="channel"
    choices={complaintChannelChoices}
    emptyText="app.complaints.all_channels"
    alwaysOn
  />,
  <SelectInput
    key="due"
    source="due"
    label="app.complaints.due_filter"
    choices={dueChoices}
    emptyText="app.common.all"
    alwaysOn
    sx={{ minWidth: 180 }}
  />,
];
