import { useState } from 'react';
import { Alert, Box } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useMutation } from '@tanstack/react-query';
import {
  maxLength,
  minLength,
  NumberInput,
  required,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
  type HttpError,
  useTranslate,
  Translate,
} from 'react-admin';
import {
  ASSESSMENT_RESULTS,
  CERTIFICATE_LEVELS,
  EDUCATION_LEVELS,
  GENDERS,
  ID_TYPES,
  type CodeEntry,
} from '@app/domain';
import { FormDialog } from '../common/FormDialog';
import { apiErrorCode } from '../providers/httpClient';
import { certificateEditBody } from './certificateEdit';
import type { CertificateRecord } from '@app/contracts';
import { DayInput } from '../common/pickers';

const choices = (table: readonly CodeEntry<number>[]) => table.map((entry) => ({ id: entry.code, name: entry.label }));

const Row = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, '& > *': { flex: '1 1 200px' } }}>{children}</Box>
);

type CellErrors = Array<{ column: string; message: string }>;

/**
 * Correct one record of a draft or returned batch. The API validates it like an imported row and
 * keeps the previous version. Mounted only while open; the form starts from the record in context.
 */
export const EditRecordDialog = ({ record, onClose }: { record: CertificateRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [cellErrors, setCellErrors] = useState<CellErrors>([]);
  const { mutate, isPending } = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      dataProvider.update('certificates', {
        id: record.id,
        data: certificateEditBody(values, record),
        previousData: record,
      }),
    onSuccess: () => {
      notify('app.certificates.edited', { type: 'success', messageArgs: { row: record.rowNumber } });
      refresh();
      onClose();
    },
    onError: (error: Error) => {
      const code = apiErrorCode(error);
      if (code === 'CERTIFICATE_INVALID') {
        setCellErrors(((error as HttpError).body as { errors: CellErrors }).errors);
        return;
      }
      notify(code === 'STALE_VERSION' ? 'app.errors.stale_record' : error.message, { type: 'error' });
      if (code === 'STALE_VERSION') {
        refresh();
        onClose();
      }
    },
  });

  return (
    <FormDialog
      open
      title={translate('app.certificates.edit_dialog_title', { row: record.rowNumber, name: record.holderName })}
      submitLabel="app.certificates.save_edit"
      submitIcon={<SaveIcon />}
      pending={isPending}
      maxWidth="md"
      onSubmit={(values) => mutate(values)}
      onClose={onClose}
    >
      {record.returnReason && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          <Translate i18nKey="app.certificates.return_reason" options={{ reason: record.returnReason }} />
        </Alert>
      )}
      <Row>
        <TextInput source="holderName" validate={[required(), maxLength(40)]} />
        <SelectInput source="idType" choices={choices(ID_TYPES)} validate={required()} />
        <TextInput
          source="idNumber"
          label="app.certificates.new_id_number"
          helperText={translate('app.certificates.new_id_number_help', { masked: record.idNumberMasked })}
          validate={maxLength(40)}
          autoComplete="off"
        />
      </Row>
      <Row>
        <SelectInput source="gender" choices={choices(GENDERS)} validate={required()} />
        <DayInput source="birthDate" validate={required()} />
        <SelectInput source="education" choices={choices(EDUCATION_LEVELS)} emptyText="app.common.not_filled" />
      </Row>
      <Row>
        <TextInput source="occupationCode" validate={[required(), maxLength(16)]} />
        <TextInput source="occupationName" validate={[required(), maxLength(60)]} />
        <TextInput source="workType" validate={maxLength(60)} />
      </Row>
      <Row>
        <SelectInput source="level" choices={choices(CERTIFICATE_LEVELS)} emptyText="app.common.not_filled" />
        <TextInput source="certificateNumber" validate={[required(), maxLength(40)]} />
        <DayInput source="issueDate" validate={required()} />
      </Row>
      <Row>
        <TextInput source="admissionTicket" validate={maxLength(40)} />
        <NumberInput source="theoryScore" min={0} max={100} step={0.1} />
        <NumberInput source="practicalScore" min={0} max={100} step={0.1} />
        <NumberInput source="comprehensiveScore" min={0} max={100} step={0.1} />
        <SelectInput source="result" choices={choices(ASSESSMENT_RESULTS)} emptyText="app.common.not_filled" />
      </Row>
      <TextInput
        source="editReason"
        label="app.certificates.edit_reason"
        multiline
        fullWidth
        helperText="app.certificates.edit_reason_help"
        validate={[required(), minLength(2), maxLength(500)]}
      />
      {cellErrors.length > 0 && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="record-errors">
          {cellErrors.map((e) => (
            <div key={`${e.column}-${e.message}`}>
              {e.column}：{e.message}
            </div>
          ))}
        </Alert>
      )}
    </FormDialog>
  );
};
