import DashboardIcon from '@mui/icons-material/Dashboard';
import type { ConsoleFeature } from '../common/feature';

// 首页: react-admin's dashboard (App.tsx `dashboard`), a tile per page the role may open.
const dashboard: ConsoleFeature = {
  menu: [{ to: '/', label: 'app.menu.home', icon: DashboardIcon, section: 'work', permission: null }],
};
export default dashboard;
