import EventBusyIcon from '@mui/icons-material/EventBusy';
import { DeadlineBoard } from './DeadlineBoard';

// 期限看板: a read-only list resource (`GET /api/admin/deadlines`); rows open their batch.
export default {
  list: DeadlineBoard,
  icon: EventBusyIcon,
};
