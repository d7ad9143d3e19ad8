import { Alert, Box } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  maxLength,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import type { UserView } from '@app/contracts';
import { DATA_ADMIN_LIMITS } from '@app/domain';
import { registerBody, validateMobile, validateOfficePhone, validateQq } from './dataAdminActions';

const field = (name: string) => `resources.data-administrators.fields.${name}`;

/** 地级市职业技能等级证书数据管理员信息表 (附件2): the account, then the form's fields. */
export const DataAdminForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('app.data_admins.form_help')}
      </Alert>
      <ReferenceInput source="userId" reference="users" filter={{ role: 'municipal_admin', disabled: false }}>
        <AutocompleteInput
          label={field('name')}
          optionText={(u: UserView) =>
            translate('app.data_admins.user_option', {
              name: u.displayName,
              username: u.username,
              centre: u.organisationName,
            })
          }
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
          sx={{ minWidth: 360 }}
        />
      </ReferenceInput>
      <TextInput
        source="position"
        label={field('position')}
        validate={[required(), maxLength(DATA_ADMIN_LIMITS.position)]}
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <TextInput
          source="officePhone"
          label={field('officePhone')}
          helperText="app.data_admins.office_phone_help"
          validate={[required(), validateOfficePhone]}
        />
        <TextInput source="mobile" label={field('mobile')} validate={[required(), validateMobile]} />
        <TextInput source="qq" label={field('qq')} validate={validateQq} />
      </Box>
      <TextInput
        source="publicContact"
        label={field('publicContact')}
        helperText="app.data_admins.public_contact_help"
        validate={[required(), maxLength(DATA_ADMIN_LIMITS.publicContact)]}
        fullWidth
      />
    </SimpleForm>
  );
};

export const DataAdminCreate = () => (
  <Create title="app.data_admins.register" transform={registerBody} redirect="show">
    <DataAdminForm />
  </Create>
);
