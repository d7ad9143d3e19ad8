import { Box } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  email,
  maxLength,
  PasswordInput,
  ReferenceInput,
  regex,
  required,
  SimpleForm,
  TextInput,
  useGetOne,
  usePermissions,
  type Validator,
} from 'react-admin';
import { checkPasswordPolicy, rolesConflict, type Role } from '@app/domain';
import type { OrganisationView } from '@app/contracts';
import { organisationOptionText } from '../organisations/organisationOptionText';
import { session } from '../providers/session';
import { roleChoices, roleGrantProblem } from './roleChoices';

const username = regex(/^[A-Za-z][A-Za-z0-9_.-]{2,63}$/, 'app.users.form.username_rule');

// the same policy the API enforces.
const passwordPolicy: Validator = (value: string | undefined, allValues) => {
  if (!value) return undefined;
  const problems = checkPasswordPolicy(value, { username: allValues.username });
  return problems.length > 0 ? problems.join('；') : undefined;
};

const samePassword: Validator = (value: string | undefined, allValues) =>
  value !== allValues.password ? 'app.users.form.password_mismatch' : undefined;

function rolesValidator(
  granterRoles: readonly Role[],
  ownOrganisationId: number | undefined,
  organisation: OrganisationView | undefined,
): Validator {
  return (value: Role[] | undefined) => {
    if (!value || value.length === 0) return 'app.users.form.roles_required';
    // R-3 三权分立.
    const conflict = rolesConflict(value);
    if (conflict) return conflict;
    // the libs/domain grant table, as the API applies it.
    return roleGrantProblem(granterRoles, ownOrganisationId, organisation, value) ?? undefined;
  };
}

/** Roles the signed-in admin may grant, greyed out where the grant table does not allow them at the chosen organisation. */
const RolesInput = () => {
  const { permissions } = usePermissions<Role[]>();
  const organisationId = useWatch({ name: 'organisationId' }) as number | undefined;
  const { data: organisation } = useGetOne<OrganisationView>(
    'organisations',
    { id: organisationId },
    { enabled: organisationId != null },
  );
  const granter = permissions ?? [];
  const ownOrganisationId = session.user()?.organisationId;
  return (
    <CheckboxGroupInput
      source="roles"
      choices={roleChoices(granter, ownOrganisationId, organisation)}
      validate={rolesValidator(granter, ownOrganisationId, organisation)}
      helperText={organisation ? false : 'app.users.form.organisation_first'}
      format={(value: Role[] | undefined) => value ?? []}
    />
  );
};

export const UserForm = ({ mode, toolbar }: { mode: 'create' | 'edit'; toolbar?: React.ReactElement }) => (
  <SimpleForm toolbar={toolbar}>
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
      {mode === 'create' ? (
        <TextInput
          source="username"
          validate={[required(), username]}
          autoComplete="off"
          fullWidth={false}
          sx={{ width: 240 }}
        />
      ) : (
        <TextInput source="username" disabled fullWidth={false} sx={{ width: 240 }} />
      )}
      <TextInput source="displayName" validate={[required(), maxLength(64)]} fullWidth={false} sx={{ width: 240 }} />
      <TextInput
        source="email"
        type="email"
        validate={[email(), maxLength(100)]}
        helperText="app.users.form.email_help"
        fullWidth={false}
        sx={{ width: 320 }}
      />
    </Box>
    {/* The Box sets the width: AutocompleteInput does not pass sx to its root. */}
    <Box sx={{ width: 480, maxWidth: '100%' }}>
      <ReferenceInput source="organisationId" reference="organisations">
        <AutocompleteInput
          label="resources.users.fields.organisationId"
          optionText={(record: OrganisationView) => organisationOptionText(record)}
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
        />
      </ReferenceInput>
    </Box>
    <RolesInput />
    {mode === 'create' && (
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <PasswordInput
          source="password"
          validate={[required(), passwordPolicy]}
          autoComplete="new-password"
          helperText="app.users.form.password_help"
          fullWidth={false}
          sx={{ width: 360 }}
        />
        <PasswordInput
          source="passwordConfirm"
          validate={[required(), samePassword]}
          autoComplete="new-password"
          fullWidth={false}
          sx={{ width: 240 }}
        />
      </Box>
    )}
  </SimpleForm>
);

type UserValues = Record<string, unknown>;

const emailOrNull = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

// The API refuses unknown fields: send only what each endpoint takes.
export const toCreatePayload = (v: UserValues) => ({
  username: typeof v.username === 'string' ? v.username.trim() : v.username,
  displayName: typeof v.displayName === 'string' ? v.displayName.trim() : v.displayName,
  roles: v.roles,
  organisationId: v.organisationId,
  email: emailOrNull(v.email),
  password: v.password,
});

export const toUpdatePayload = (v: UserValues) => ({
  displayName: typeof v.displayName === 'string' ? v.displayName.trim() : v.displayName,
  roles: v.roles,
  organisationId: v.organisationId,
  email: emailOrNull(v.email),
  version: v.version,
});
