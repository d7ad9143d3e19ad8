import { DateInput, SelectInput, TextInput } from 'react-admin';

export const outcomeChoices = [
  { id: 'success', name: '成功' },
  { id: 'failure', name: '失败' },
];

// `from` and `to` are Beijing calendar days; the API includes both whole days.
export const auditLogFilters = [
  <TextInput key="username" source="username" alwaysOn />,
  <TextInput key="action" source="action" alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} />,
  <TextInput key="targetType" source="targetType" />,
  <TextInput key="targetId" source="targetId" />,
];
