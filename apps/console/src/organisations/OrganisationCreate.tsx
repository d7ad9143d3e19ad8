import { Create } from 'react-admin';
import { OrganisationForm } from './OrganisationForm';
import { toCreatePayload } from './organisationPayload';

export const OrganisationCreate = () => (
  <Create title="新建机构" transform={toCreatePayload} redirect="show">
    <OrganisationForm mode="create" />
  </Create>
);
