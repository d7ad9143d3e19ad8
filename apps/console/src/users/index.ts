import PeopleIcon from '@mui/icons-material/People';
import type { ConsoleFeature } from '../common/feature';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

const users: ConsoleFeature = {
  resource: {
    name: 'users',
    list: UserList,
    edit: UserEdit,
    create: UserCreate,
    icon: PeopleIcon,
    recordRepresentation: 'displayName',
    access: { list: 'users.read', show: 'users.read', create: 'users.write', edit: 'users.write' },
  },
  menu: [{ to: '/users', label: 'app.menu.users', icon: PeopleIcon, section: 'admin', permission: 'users.read' }],
};
export default users;
