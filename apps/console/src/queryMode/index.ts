import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import type { ConsoleFeature } from '../common/feature';
import { QueryModePage } from './QueryModePage';

// 查询模式: national_admin alone sees and edits the public lookup's cutover schedule.
const queryMode: ConsoleFeature = {
  routes: [{ path: '/query-mode', component: QueryModePage }],
  menu: [
    {
      to: '/query-mode',
      label: 'app.menu.query_mode',
      icon: EventRepeatIcon,
      section: 'system',
      permission: 'query-mode.manage',
    },
  ],
};
export default queryMode;
