import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { Role } from '@app/domain';
import type { ConsoleFeature } from '../common/feature';
import { OrganisationCreate } from './OrganisationCreate';
import { OrganisationEdit } from './OrganisationEdit';
import { OrganisationList } from './OrganisationList';
import { OrganisationShow } from './OrganisationShow';

/** Municipal data administrators maintain only the institutions under them, not the centre itself. */
function recordAllows(roles: readonly Role[], action: string, record: Record<string, unknown>): boolean {
  if (action !== 'edit') return true;
  const onlyMunicipal = !roles.includes('national_admin') && !roles.includes('provincial_admin');
  return !(onlyMunicipal && record.level !== 'institution');
}

const organisations: ConsoleFeature = {
  resource: {
    name: 'organisations',
    list: OrganisationList,
    show: OrganisationShow,
    edit: OrganisationEdit,
    create: OrganisationCreate,
    icon: AccountBalanceIcon,
    recordRepresentation: 'name',
    access: {
      list: 'organisations.read',
      show: 'organisations.read',
      create: 'organisations.write',
      edit: 'organisations.write',
    },
    recordAllows,
  },
  menu: [
    {
      to: '/organisations',
      label: 'app.menu.organisations',
      icon: AccountBalanceIcon,
      section: 'admin',
      permission: 'organisations.read',
    },
  ],
};
export default organisations;
