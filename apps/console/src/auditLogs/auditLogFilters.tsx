import { SelectInput, TextInput } from 'react-admin';
import { auditActionChoices, auditTargetChoices } from './auditActions';
import { DayInput } from '../common/pickers';

export const outcomeChoices = [
  { id: 'success', name: 'app.audit_logs.outcome.success' },
  { id: 'failure', name: 'app.audit_logs.outcome.failure' },
];

// Exact-match filters; `from` and `to` are Beijing calendar days, both included.
export const auditLogFilters = [
  <TextInput key="username" source="username" alwaysOn />,
  // The empty choice reads 全部操作 (no blank first line).
  <SelectInput
    key="action"
    source="action"
    choices={auditActionChoices}
    emptyText="app.audit_logs.all_actions"
    alwaysOn
    sx={{ minWidth: 200 }}
  />,
  <DayInput key="from" source="from" alwaysOn />,
  <DayInput key="to" source="to" alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} emptyText="app.audit_logs.all_outcomes" />,
  <SelectInput
    key="targetType"
    source="targetType"
    choices={auditTargetChoices}
    emptyText="app.audit_logs.all_targets"
  />,
  <TextInput key="targetId" source="targetId" />,
];
