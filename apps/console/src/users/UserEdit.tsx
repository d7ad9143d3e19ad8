import { Box, Grid } from '@mui/material';
import { Edit, ListButton, SaveButton, Toolbar, TopToolbar, useRecordContext, Translate } from 'react-admin';
import { formatBeijingDateTime } from '../common/dates';
import { EditLoadError } from '../common/RecordLoadError';
import { UserActionButtons } from './UserActionButtons';
import { UserForm, toUpdatePayload } from './UserForm';
import { TotpField, UserStatusField } from './UserStatusField';
import type { UserView } from '@app/contracts';
import { LabeledValue } from '../common/LabeledValue';

const Title = () => {
  const user = useRecordContext<UserView>();
  return (
    <span>
      <Translate i18nKey="app.users.edit_title" />
      {user ? `：${user.displayName}（${user.username}）` : ''}
    </span>
  );
};

const Actions = () => (
  <TopToolbar>
    <UserActionButtons />
    <ListButton />
  </TopToolbar>
);

/** Read-only account facts above the form. */
const AccountFacts = () => {
  const user = useRecordContext<UserView>();
  if (!user) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <LabeledValue label="resources.users.fields.disabled">
            <UserStatusField />
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <LabeledValue label="resources.users.fields.totpEnabled">
            <TotpField />
          </LabeledValue>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <LabeledValue label="resources.users.fields.lastLoginAt">
            {formatBeijingDateTime(user.lastLoginAt) || <Translate i18nKey="app.users.never_logged_in" />}
          </LabeledValue>
        </Grid>
      </Grid>
    </Box>
  );
};

// No delete: accounts are disabled, never removed (their audit trail refers to them).
const FormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const UserEdit = () => (
  <Edit
    title={<Title />}
    actions={<Actions />}
    mutationMode="pessimistic"
    transform={toUpdatePayload}
    redirect="list"
    redirectOnError={false}
    error={<EditLoadError />}
  >
    <AccountFacts />
    <UserForm mode="edit" toolbar={<FormToolbar />} />
  </Edit>
);
