import { Alert, Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
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
} from 'react-admin';
import { ALLOWED_PARENT_LEVELS, ORGANISATION_LEVEL_LABELS, validateCreditCode, type Role } from '@app/domain';
import { choiceName, creatableLevels, deadlineProfileChoices, kindChoices, statusChoices } from './choices';
import type { OrganisationView } from '@app/contracts';
import { organisationOptionText } from './organisationOptionText';
import { ScopeInput } from './ScopeInput';
import { beijingToday } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';

// GB 32100-2015, checked with the same rule the API enforces.
const creditCode: Validator = (value: string | undefined) => {
  if (!value) return undefined;
  const result = validateCreditCode(value);
  return result.ok ? undefined : result.reason;
};

const regionCode = regex(/^\d{6}$/, '行政区划代码应为6位数字');

const notInFuture: Validator = (value: string | undefined) => {
  return value && value > beijingToday() ? '备案日期不能晚于今天' : undefined;
};

const Section = ({ title }: { title: string }) => (
  <Typography variant="subtitle1" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
    {title}
  </Typography>
);

/** Level and parent are fixed once created; the edit form shows them read-only. */
const FixedPlacement = () => {
  const record = useRecordContext<OrganisationView>();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 6, mb: 1 }}>
      <LabeledValue label="resources.organisations.fields.level">{ORGANISATION_LEVEL_LABELS[record.level]}</LabeledValue>
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
                  helperText={
                    formData.level === 'institution'
                      ? '评价机构的上级为市级技能中心；省属评价机构直接选择省级技能中心'
                      : false
                  }
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
        helperText="本省及下级机构的数据报送、审核期限按此规则计算"
      />
    );
  }
  if (!record) return null;
  return (
    <LabeledValue label="resources.organisations.fields.deadlineProfile">
      {choiceName(deadlineProfileChoices, record.deadlineProfile)}（随所属省份）
    </LabeledValue>
  );
};

const InstitutionInputs = () => (
  <>
    <Section title="评价机构信息" />
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
      <DateInput source="registeredAt" validate={[required(), notInFuture]} fullWidth={false} sx={{ width: 200 }} />
    </Box>
    <FormDataConsumer>
      {({ formData }) =>
        formData.status === 'dissolved' ? (
          <Alert severity="info" sx={{ mb: 1 }}>
            主体灭失的评价机构，其证书数据由上级技能中心负责维护。
          </Alert>
        ) : formData.status === 'ceased' ? (
          <Alert severity="info" sx={{ mb: 1 }}>
            停止认定的评价机构仍须维护其已发证书数据。
          </Alert>
        ) : null
      }
    </FormDataConsumer>
    <Section title="备案职业（工种）范围" />
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
              helperText="6位行政区划代码，如 440100"
            />
          </Box>
          <DeadlineProfile level={formData.level} />
          {formData.level === 'institution' && <InstitutionInputs />}
        </>
      )}
    </FormDataConsumer>
  </SimpleForm>
);
