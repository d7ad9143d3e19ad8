import { Create } from 'react-admin';
import { OrganisationForm } from './OrganisationForm';
import { toCreatePayload } from './organisationPayload';

export const OrganisationCreate = () => (
  <Create title="app.organisations.create_title" transform={toCreatePayload} redirect="show">
    <OrganisationForm mode="create" />
  </Create>
);
