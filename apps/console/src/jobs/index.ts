import ScheduleIcon from '@mui/icons-material/Schedule';
import type { ConsoleFeature } from '../common/feature';
import { JobRunList } from './JobRunList';
import { JobsPage } from './JobsPage';

// 定时任务: national_admin sees the jobs, runs one now and reads the run history.
const jobs: ConsoleFeature = {
  resource: {
    name: 'job-runs',
    list: JobRunList,
    icon: ScheduleIcon,
    access: { list: 'jobs.manage' },
  },
  routes: [{ path: '/jobs', component: JobsPage }],
  menu: [{ to: '/jobs', label: 'app.menu.jobs', icon: ScheduleIcon, section: 'system', permission: 'jobs.manage' }],
};
export default jobs;
