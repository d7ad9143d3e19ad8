import QueryStatsIcon from '@mui/icons-material/QueryStats';
import type { ConsoleFeature } from '../common/feature';
import { LookupStatsPage } from './LookupStatsPage';

// 查询量统计: national staff (lookup.stats) watch the public lookup's daily volumes by mode.
const lookupStats: ConsoleFeature = {
  routes: [{ path: '/lookup-stats', component: LookupStatsPage }],
  menu: [
    {
      to: '/lookup-stats',
      label: 'app.menu.lookup_stats',
      icon: QueryStatsIcon,
      section: 'system',
      permission: 'lookup.stats',
    },
  ],
};
export default lookupStats;
