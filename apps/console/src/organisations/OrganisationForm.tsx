import { Alert, Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  FormDataConsumer,
  maxLength,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  usePermissions,
  useRecordContext,
  type Validator,
  Translate,
} from 'react-admin';
import { ALLOWED_PARENT_LEVELS, ORGANISATION_LEVEL_LABELS, validateCreditCode, type Role } from '@app/domain';
import { choiceName, creatableLevels, deadlineProfileChoices, kindChoices, statusChoices } from './choices';
import type { OrganisationView } from '@app/contracts';
import { organisationOptionText } from './organisationOptionText';
import { ScopeInput } from './ScopeInput';
import { beijingToday } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { DayInput } from '../common/pickers';

// GB 32100-2015, checked with the same rule the API enforces.
const creditCode: Validator = (value: string | undefined) => {
  if (!value) return undefined;
  const result = validateCreditCode(value);
  return result.ok ? undefined : result.reason;
};

const regionCode = regex(/^\d{6}$/, 'app.organisations.form.region_code_rule');

const notInFuture: Validator = (value: string | undefined) => {
  return value && value > beijingToday() ? 'app.organisations.form.registered_not_future' : undefined;
};

const Section = ({ title }: { title: string }) => (
  <Typography variant="subtitle1" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
    <Translate i18nKey={title} />
  </Typography>
);

/** Level and parent are fixed once created; the edit form shows them read-only. */
const FixedPlacement = () => {
  const record = useRecordContext<OrganisationView>();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 6, mb: 1 }}>
      <LabeledValue label="resources.organisations.fields.level">
        {ORGANISATION_LEVEL_LABELS[record.level]}
      </LabeledValue>
      <LabeledValue label="resources.organisations.fields.parentName">{record.parentName}</LabeledValue>
    </Box>
  );
};

const PlacementInputs = () => {
  const { permissions } = usePermissions<Role[]>();
  const levels = creatableLevels(permissions ?? []);
  return (
    <>
      <SelectInput
        source="level"
        choices={levels.map((id) => ({ id, name: ORGANISATION_LEVEL_LABELS[id] }))}
        validate={required()}
        fullWidth={false}
        sx={{ minWidth: 240 }}
        defaultValue={levels.length === 1 ? levels[0] : undefined}
      />
      <FormDataConsumer>
        {({ formData }) => {
          const parentLevels = formData.level ? ALLOWED_PARENT_LEVELS[formData.level as OrganisationView['level']] : [];
          return (
            <Box sx={{ width: 480, maxWidth: '100%' }}>
              <ReferenceInput
                source="parentId"
                reference="organisations"
                // One allowed parent level narrows the picker; institutions may hang under a city or a province.
                filter={parentLevels.length === 1 ? { level: parentLevels[0] } : {}}
              >
                <AutocompleteInput
                  label="resources.organisations.fields.parentId"
                  optionText={(r: OrganisationView) => organisationOptionText(r)}
                  filterToQuery={(q: string) => ({ q })}
                  validate={required()}
                  helperText={formData.level === 'institution' ? 'app.organisations.form.parent_help' : false}
                />
              </ReferenceInput>
            </Box>
          );
        }}
      </FormDataConsumer>
    </>
  );
};

const DeadlineProfile = ({ level }: { level?: string }) => {
  const record = useRecordContext<OrganisationView>();
  if (level === 'provincial') {
    return (
      <SelectInput
        source="deadlineProfile"
        choices={deadlineProfileChoices}
        validate={required()}
        defaultValue="national"
        fullWidth={false}
        sx={{ minWidth: 240 }}
        helperText="app.organisations.form.profile_help"
      />
    );
  }
  if (!record) return null;
  return (
    <LabeledValue label="resources.organisations.fields.deadlineProfile">
      {choiceName(deadlineProfileChoices, record.deadlineProfile)}
      <Translate i18nKey="app.organisations.form.profile_inherited" />
    </LabeledValue>
  );
};

const InstitutionInputs = () => (
  <>
    <Section title="app.organisations.form.institution_section" />
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
      <TextInput
        source="creditCode"
        validate={[required(), creditCode]}
        parse={(v: string) => v.toUpperCase()}
        fullWidth={false}
        sx={{ width: 300 }}
      />
      <SelectInput source="kind" choices={kindChoices} validate={required()} fullWidth={false} sx={{ width: 220 }} />
      <SelectInput
        source="status"
        choices={statusChoices}
        validate={required()}
        defaultValue="active"
        fullWidth={false}
        sx={{ width: 160 }}
      />
      <DayInput source="registeredAt" validate={[required(), notInFuture]} fullWidth={false} sx={{ width: 200 }} />
    </Box>
    <FormDataConsumer>
      {({ formData }) =>
        formData.status === 'dissolved' ? (
          <Alert severity="info" sx={{ mb: 1 }}>
            <Translate i18nKey="app.organisations.form.dissolved_help" />
          </Alert>
        ) : formData.status === 'ceased' ? (
          <Alert severity="info" sx={{ mb: 1 }}>
            <Translate i18nKey="app.organisations.form.ceased_help" />
          </Alert>
        ) : null
      }
    </FormDataConsumer>
    <Section title="app.organisations.scope.title" />
    <ScopeInput />
  </>
);

export const OrganisationForm = ({ mode }: { mode: 'create' | 'edit' }) => (
  <SimpleForm>
    {mode === 'create' ? <PlacementInputs /> : <FixedPlacement />}
    <FormDataConsumer>
      {({ formData }) => (
        <>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
            <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth={false} sx={{ width: 480 }} />
            <TextInput
              source="regionCode"
              fullWidth={false}
              sx={{ width: 200 }}
              validate={formData.level === 'national' ? [regionCode] : [required(), regionCode]}
              helperText="app.organisations.form.region_code_help"
            />
          </Box>
          <DeadlineProfile level={formData.level} />
          {formData.level === 'institution' && <InstitutionInputs />}
        </>
      )}
    </FormDataConsumer>
  </SimpleForm>
);
