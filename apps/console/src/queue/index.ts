import PendingActionsIcon from '@mui/icons-material/PendingActions';
import { STAGE_ROLE, type Role } from '@app/domain';
import type { ConsoleFeature } from '../common/feature';
import { MyQueuePage } from './MyQueuePage';

/** 待我处理 has work only for the roles that decide a review stage, and for institutions (drafts, returns). */
const QUEUE_ROLES: readonly Role[] = [...Object.values(STAGE_ROLE), 'institution_operator'];

const queue: ConsoleFeature = {
  routes: [{ path: '/queue', component: MyQueuePage }],
  menu: [
    {
      to: '/queue',
      label: 'app.menu.queue',
      icon: PendingActionsIcon,
      section: 'work',
      permission: 'batches.read',
      roles: QUEUE_ROLES,
    },
  ],
};
export default queue;
