import SecurityIcon from '@mui/icons-material/Security';
import type { ConsoleFeature } from '../common/feature';
import { AccountSecurityPage } from './AccountSecurityPage';

// 账号安全: every signed-in user's own password and two-step verification.
const account: ConsoleFeature = {
  routes: [{ path: '/account', component: AccountSecurityPage }],
  menu: [{ to: '/account', label: 'app.menu.account', icon: SecurityIcon, section: 'security', permission: null }],
};
export default account;
