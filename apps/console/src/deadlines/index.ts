import EventBusyIcon from '@mui/icons-material/EventBusy';
import type { ConsoleFeature } from '../common/feature';
import { DeadlineBoard } from './DeadlineBoard';

// 期限看板: a read-only list resource (`GET /api/admin/deadlines`); rows open their batch.
const deadlines: ConsoleFeature = {
  resource: {
    name: 'deadlines',
    list: DeadlineBoard,
    icon: EventBusyIcon,
    access: { list: 'batches.read' },
  },
  menu: [
    { to: '/deadlines', label: 'app.menu.deadlines', icon: EventBusyIcon, section: 'work', permission: 'batches.read' },
  ],
};
export default deadlines;
