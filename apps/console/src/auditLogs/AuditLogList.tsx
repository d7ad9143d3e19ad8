import { Chip } from '@mui/material';
import { DataTable, FilterButton, List, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { BeijingDateTimeField, roleLabel } from '../common/fields';
import { auditActionLabel } from './auditActions';
import { displayIp } from './auditFormat';
import { AuditLogDetail } from './AuditLogDetail';
import { auditLogFilters } from './auditLogFilters';
import { VerifyChainButton } from './VerifyChainButton';
import type { AuditLogView } from '@app/contracts';

const OutcomeField = () => {
  const translate = useTranslate();
  const log = useRecordContext<AuditLogView>();
  if (!log) return null;
  return log.outcome === 'success' ? (
    <Chip size="small" color="success" variant="outlined" label={translate('app.audit_logs.outcome.success')} />
  ) : (
    <Chip size="small" color="error" label={translate('app.audit_logs.outcome.failure')} />
  );
};

const ActionField = () => {
  const log = useRecordContext<AuditLogView>();
  if (!log) return null;
  return <span>{log.actionLabel ?? auditActionLabel(log.action)}</span>;
};

// Named by the API as a person would (批次 #20 · 机构名称, 证书编号, 姓名（用户名）); never a code or path.
const TargetField = () => {
  const log = useRecordContext<AuditLogView>();
  return log?.targetName ? <span>{log.targetName}</span> : null;
};

const IpField = () => {
  const log = useRecordContext<AuditLogView>();
  return log?.ip ? <span>{displayIp(log.ip)}</span> : null;
};

const RoleField = () => {
  const log = useRecordContext<AuditLogView>();
  return log?.role ? <span>{roleLabel(log.role)}</span> : null;
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <VerifyChainButton />
  </TopToolbar>
);

// Read-only (R-38: append-only); rows expand to show before/after.
export const AuditLogList = () => (
  <List
    title="app.menu.audit_logs"
    filters={auditLogFilters}
    sort={{ field: 'at', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={<ListActions />}
  >
    <DataTable rowClick="expand" expand={<AuditLogDetail />} bulkActionButtons={false}>
      <DataTable.Col source="at" field={BeijingDateTimeField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="username" />
      <DataTable.Col source="organisationName" disableSort />
      <DataTable.Col source="role" field={RoleField} disableSort />
      <DataTable.Col source="action" field={ActionField} />
      <DataTable.Col source="target" label="resources.audit-logs.fields.target" field={TargetField} disableSort />
      <DataTable.Col source="outcome" field={OutcomeField} disableSort />
      <DataTable.Col source="ip" field={IpField} disableSort />
    </DataTable>
  </List>
);
