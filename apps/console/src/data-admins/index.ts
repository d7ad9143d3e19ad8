import BadgeIcon from '@mui/icons-material/Badge';
import type { ConsoleFeature } from '../common/feature';
import { DataAdminCreate } from './DataAdminCreate';
import { DataAdminList } from './DataAdminList';
import { DataAdminShow } from './DataAdminShow';

// 数据管理员 (R-4, 附件2): each municipal centre's data administrators, the head's approval and the handovers.
const dataAdmins: ConsoleFeature = {
  resource: {
    name: 'data-administrators',
    list: DataAdminList,
    show: DataAdminShow,
    create: DataAdminCreate,
    icon: BadgeIcon,
    recordRepresentation: 'name',
    access: { list: 'data-admins.read', show: 'data-admins.read', create: 'data-admins.register' },
  },
  menu: [
    {
      to: '/data-administrators',
      label: 'app.menu.data_admins',
      icon: BadgeIcon,
      section: 'admin',
      permission: 'data-admins.read',
    },
  ],
};
export default dataAdmins;
