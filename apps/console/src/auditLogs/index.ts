import HistoryEduIcon from '@mui/icons-material/HistoryEdu';
import { AuditLogList } from './AuditLogList';

export default {
  list: AuditLogList,
  icon: HistoryEduIcon,
};
