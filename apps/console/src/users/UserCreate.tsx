import { Create } from 'react-admin';
import { UserForm, toCreatePayload } from './UserForm';

export const UserCreate = () => (
  <Create title="新建用户" transform={toCreatePayload} redirect="list">
    <UserForm mode="create" />
  </Create>
);
