import { Create } from 'react-admin';
import { UserForm, toCreatePayload } from './UserForm';

export const UserCreate = () => (
  <Create title="app.users.create_title" transform={toCreatePayload} redirect="list">
    <UserForm mode="create" />
  </Create>
);
