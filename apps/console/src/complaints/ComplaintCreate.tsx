import { useCallback } from 'react';
import { Box } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import {
  AutocompleteInput,
  Create,
  maxLength,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useDataProvider,
  type Validator,
} from 'react-admin';
import { CONTENT_MAX_LENGTH, HOLDER_NAME_MAX_LENGTH, isChinesePhone } from '@app/domain';
import type { OrganisationView } from '@app/contracts';
import { DayInput } from '../common/pickers';
import { organisationOptionText } from '../organisations/organisationOptionText';
import { complaintCreateBody } from './complaintActions';
import { complaintChannelChoices } from './complaintFilters';

const chinesePhone: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !isChinesePhone(value)
    ? 'app.complaints.phone_invalid'
    : undefined;

/**
 * The optional certificate, typed as its number (as the complainant gives it): looked up exactly within the caller's
 * jurisdiction when the form is checked, and sent as `certificateId`. The API checks it belongs to the institution.
 */
const CertificateNumberInput = () => {
  const dataProvider = useDataProvider();
  const { setValue } = useFormContext();
  const lookup = useCallback<Validator>(
    async (value: unknown) => {
      const number = typeof value === 'string' ? value.trim() : '';
      if (number === '') {
        setValue('certificateId', undefined);
        return undefined;
      }
      const { data } = await dataProvider.getList('certificates', {
        filter: { certificateNumber: number },
        pagination: { page: 1, perPage: 2 },
        sort: { field: 'id', order: 'ASC' },
      });
      if (data.length !== 1) {
        setValue('certificateId', undefined);
        return 'app.complaints.certificate_not_found';
      }
      setValue('certificateId', data[0].id);
      return undefined;
    },
    [dataProvider, setValue],
  );
  return (
    <TextInput
      source="certificateNumber"
      label="resources.complaints.fields.certificateNumber"
      helperText="app.complaints.certificate_help"
      validate={[maxLength(40), lookup]}
      sx={{ width: 320 }}
    />
  );
};

/** 登记投诉: a centre records a complaint for an institution in its jurisdiction; the reply is due in 5 working days. */
export const ComplaintCreate = () => (
  <Create title="app.complaints.create" redirect="show" transform={complaintCreateBody}>
    <SimpleForm>
      {/* The Box sets the width: AutocompleteInput does not pass sx to its root. */}
      <Box sx={{ width: 480, maxWidth: '100%' }}>
        <ReferenceInput source="institutionId" reference="organisations" filter={{ level: ['institution'] }}>
          <AutocompleteInput
            label="resources.complaints.fields.institutionName"
            optionText={(record: OrganisationView) => organisationOptionText(record)}
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
            helperText="app.complaints.institution_help"
          />
        </ReferenceInput>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <TextInput source="holderName" validate={[required(), maxLength(HOLDER_NAME_MAX_LENGTH)]} sx={{ width: 200 }} />
        <TextInput
          source="contactPhone"
          validate={[required(), maxLength(32), chinesePhone]}
          helperText="app.complaints.phone_help"
          sx={{ width: 340 }}
        />
        <SelectInput source="channel" choices={complaintChannelChoices} validate={required()} sx={{ width: 200 }} />
        <DayInput source="receivedOn" helperText="app.complaints.received_help" fullWidth={false} sx={{ width: 220 }} />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <CertificateNumberInput />
        <NumberInput source="batchId" helperText="app.complaints.batch_help" min={1} step={1} sx={{ width: 200 }} />
      </Box>
      <TextInput
        source="content"
        multiline
        minRows={4}
        fullWidth
        validate={[required(), maxLength(CONTENT_MAX_LENGTH)]}
      />
    </SimpleForm>
  </Create>
);
