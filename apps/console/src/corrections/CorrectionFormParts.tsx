import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  CheckboxGroupInput,
  maxLength,
  minLength,
  NumberInput,
  RadioButtonGroupInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { CORRECTABLE_FIELDS, type CorrectableField } from '@app/domain';
import {
  WORK_ORDER_CHANGE_TYPE_LABELS,
  WORK_ORDER_CHANGE_TYPES,
  WORK_ORDER_URGENCIES,
  WORK_ORDER_URGENCY_HINTS,
  WORK_ORDER_URGENCY_LABELS,
} from '@app/contracts';
import { DayInput } from '../common/pickers';
import { CODED_FIELDS, correctableFieldChoices, DATE_FIELDS, fieldHeader, SCORE_FIELDS } from './correctionFields';

const TEXT_LIMITS: Partial<Record<CorrectableField, number>> = {
  holderName: 40,
  idNumber: 40,
  occupationCode: 16,
  occupationName: 60,
  workType: 60,
  certificateNumber: 40,
  admissionTicket: 40,
};

/** The input of one field's new value, under the template's header. */
const NewValueInput = ({
  field,
  currentText,
  idNumberValidate,
  idNumberHelp,
}: {
  field: CorrectableField;
  currentText: string;
  idNumberValidate: Validator;
  idNumberHelp: string;
}) => {
  const translate = useTranslate();
  const source = `after.${field}`;
  const label = fieldHeader(field);
  const table = CODED_FIELDS[field];
  if (table) {
    return (
      <SelectInput
        source={source}
        label={label}
        choices={table.map((entry) => ({ id: entry.code, name: entry.label }))}
        translateChoice={false}
        emptyText="app.common.not_filled"
        fullWidth
      />
    );
  }
  if (DATE_FIELDS.includes(field)) return <DayInput source={source} label={label} fullWidth />;
  if (SCORE_FIELDS.includes(field)) {
    return <NumberInput source={source} label={label} min={0} max={100} step={0.1} fullWidth />;
  }
  const validate: Validator[] = [maxLength(TEXT_LIMITS[field] ?? 60)];
  if (field === 'idNumber') validate.push(idNumberValidate);
  return (
    <TextInput
      source={source}
      label={label}
      validate={validate}
      autoComplete="off"
      fullWidth
      helperText={field === 'idNumber' ? translate(idNumberHelp, { masked: currentText || '—' }) : false}
    />
  );
};

/**
 * The fields to change, picked by their template headers, and for each picked one its value now beside the input of
 * its new value. `currentText` says what a field holds now (codes as labels, the ID number masked).
 */
export const ChangedFieldInputs = ({
  currentText,
  validate,
  idNumberValidate = required(),
  idNumberHelp = 'app.corrections.form.id_number_help',
}: {
  currentText: (field: CorrectableField) => string;
  validate?: Validator | Validator[];
  /** A new request needs the full number; an amended one may keep the number asked before. */
  idNumberValidate?: Validator;
  idNumberHelp?: string;
}) => {
  const translate = useTranslate();
  const picked = (useWatch({ name: 'fields' }) as CorrectableField[] | undefined) ?? [];
  const shown = CORRECTABLE_FIELDS.filter((field) => picked.includes(field));
  return (
    <Box data-testid="correction-field-inputs">
      <CheckboxGroupInput
        source="fields"
        label="app.corrections.form.fields"
        helperText="app.corrections.form.fields_help"
        choices={correctableFieldChoices}
        translateChoice={false}
        validate={validate}
        row
        sx={{ '& .MuiFormGroup-root': { columnGap: 1 } }}
      />
      {shown.map((field) => (
        <Box
          key={field}
          sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}
          data-testid={`change-row-${field}`}
        >
          <Box sx={{ flex: '0 0 16em', minWidth: 0 }}>
            <Typography variant="caption" sx={{ color: 'text.secondary' }} component="div">
              {translate('app.corrections.form.now', { field: fieldHeader(field) })}
            </Typography>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="current-value">
              {currentText(field) || '—'}
            </Typography>
          </Box>
          <Box sx={{ flex: '1 1 240px', minWidth: 0 }}>
            <NewValueInput
              field={field}
              currentText={currentText(field)}
              idNumberValidate={idNumberValidate}
              idNumberHelp={idNumberHelp}
            />
          </Box>
        </Box>
      ))}
    </Box>
  );
};

/** 附件4's own fields: 要求完成时间 with the form's note on each period, 变更类型, 变更模块名称. */
export const WorkOrderInputs = () => {
  const translate = useTranslate();
  const urgencyChoices = WORK_ORDER_URGENCIES.map((id) => ({
    id,
    name: translate('app.corrections.work_order.urgency_choice', {
      label: WORK_ORDER_URGENCY_LABELS[id],
      hint: WORK_ORDER_URGENCY_HINTS[id],
    }),
  }));
  const changeTypeChoices = WORK_ORDER_CHANGE_TYPES.map((id) => ({ id, name: WORK_ORDER_CHANGE_TYPE_LABELS[id] }));
  return (
    <Box data-testid="work-order-inputs">
      <RadioButtonGroupInput
        source="workOrder.urgency"
        label="app.corrections.work_order.urgency"
        choices={urgencyChoices}
        translateChoice={false}
        validate={required()}
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, '& > *': { flex: '1 1 240px' } }}>
        <SelectInput
          source="workOrder.changeType"
          label="app.corrections.work_order.change_type"
          choices={changeTypeChoices}
          translateChoice={false}
          validate={required()}
        />
        <TextInput
          source="workOrder.module"
          label="app.corrections.work_order.module"
          validate={[required(), maxLength(60)]}
        />
      </Box>
    </Box>
  );
};

/** At least one field picked: a modification without changes is refused anyway. */
export const atLeastOneField = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'app.corrections.form.pick_a_field';

/**
 * A required reason of up to 500 characters (变更理由, 勘误原因, 退回原因, 再次修改理由), kept with the request and in the
 * audit log. `label` and `helperText` are i18n keys.
 */
export const CorrectionReasonInput = ({
  label = 'app.corrections.form.reason',
  helperText,
}: {
  label?: string;
  helperText?: string;
}) => (
  <TextInput
    source="reason"
    label={label}
    helperText={helperText}
    multiline
    minRows={2}
    fullWidth
    validate={[required(), minLength(2), maxLength(500)]}
  />
);

/** A titled block of the form. */
export const FormSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};
