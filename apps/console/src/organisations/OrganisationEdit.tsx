import { Edit, useRecordContext, Translate } from 'react-admin';
import { EditLoadError } from '../common/RecordLoadError';
import type { OrganisationView } from '@app/contracts';
import { OrganisationForm } from './OrganisationForm';
import { toUpdatePayload } from './organisationPayload';

const Title = () => {
  const record = useRecordContext<OrganisationView>();
  return (
    <span>
      <Translate i18nKey="app.organisations.edit_title" />
      {record ? `：${record.name}` : ''}
    </span>
  );
};

// Pessimistic: a 409 STALE_VERSION must reach the user before the page claims success.
export const OrganisationEdit = () => (
  <Edit
    title={<Title />}
    mutationMode="pessimistic"
    transform={toUpdatePayload}
    redirect="show"
    redirectOnError={false}
    error={<EditLoadError />}
  >
    <OrganisationForm mode="edit" />
  </Edit>
);
