import FactCheckIcon from '@mui/icons-material/FactCheck';
import PauseCircleIcon from '@mui/icons-material/PauseCircleOutlineOutlined';
import type { ConsoleFeature } from '../common/feature';
import { RecheckList } from './RecheckList';
import { RecheckQueuePage } from './RecheckQueuePage';
import { RecheckShow } from './RecheckShow';

// 复核 and 暂停查询 (R-26, R-33): the provinces' queue of open re-checks, and every suspension with its countdown.
const rechecks: ConsoleFeature = {
  resource: {
    name: 'rechecks',
    list: RecheckList,
    show: RecheckShow,
    icon: PauseCircleIcon,
    recordRepresentation: (recheck: { certificateNumber: string }) => recheck.certificateNumber,
    access: { list: 'rechecks.read', show: 'rechecks.read' },
  },
  routes: [{ path: '/recheck-queue', component: RecheckQueuePage }],
  menu: [
    {
      to: '/recheck-queue',
      label: 'app.menu.recheck_queue',
      icon: FactCheckIcon,
      section: 'work',
      permission: 'rechecks.read',
      // The provinces re-check; national and municipal staff follow suspensions in 暂停查询.
      roles: ['provincial_reviewer', 'provincial_admin'],
    },
    {
      to: '/rechecks',
      label: 'app.menu.rechecks',
      icon: PauseCircleIcon,
      section: 'work',
      permission: 'rechecks.read',
    },
  ],
};
export default rechecks;
