import { DataTable, List, SelectInput, TextInput, useRecordContext } from 'react-admin';
import { MAIL_STATUS_NAMES, type MailStatus, type OutboxMailListItem } from '@app/contracts';
import { BeijingDateTimeField } from '../common/fields';
import { formatBeijingDateTime } from '../common/dates';
import { MailStatusField } from './MailStatusChip';

const statusChoices = (Object.keys(MAIL_STATUS_NAMES) as MailStatus[]).map((id) => ({
  id,
  name: MAIL_STATUS_NAMES[id],
}));

const outboxFilters = [
  <TextInput key="recipient" source="recipient" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    choices={statusChoices}
    translateChoice={false}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
];

/** The next attempt matters only while a mail waits to be sent. */
const NextAttemptField = (_props: { source?: string }) => {
  const mail = useRecordContext<OutboxMailListItem>();
  if (!mail || mail.status !== 'pending') return null;
  return <span>{formatBeijingDateTime(mail.nextAttemptAt)}</span>;
};

/** every mail the product wrote, newest first; a row opens the mail as its recipient sees it. */
export const OutboxList = () => (
  <List
    title="app.outbox.title"
    filters={outboxFilters}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="createdAt" field={BeijingDateTimeField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="recipient" />
      <DataTable.Col source="subject" disableSort />
      <DataTable.Col source="status" field={MailStatusField} />
      <DataTable.Col source="attempts" />
      <DataTable.Col source="nextAttemptAt" field={NextAttemptField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="sentAt" field={BeijingDateTimeField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="lastError" disableSort />
    </DataTable>
  </List>
);
