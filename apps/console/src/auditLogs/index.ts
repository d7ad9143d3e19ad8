import HistoryEduIcon from '@mui/icons-material/HistoryEdu';
import type { ConsoleFeature } from '../common/feature';
import { AuditLogList } from './AuditLogList';

// 审计日志: read-only, for national_admin and auditors.
const auditLogs: ConsoleFeature = {
  resource: {
    name: 'audit-logs',
    list: AuditLogList,
    icon: HistoryEduIcon,
    access: { list: 'audit.read', show: 'audit.read' },
  },
  menu: [
    {
      to: '/audit-logs',
      label: 'app.menu.audit_logs',
      icon: HistoryEduIcon,
      section: 'security',
      permission: 'audit.read',
    },
  ],
};
export default auditLogs;
