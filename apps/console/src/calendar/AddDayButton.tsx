import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import {
  Button,
  maxLength,
  RadioButtonGroupInput,
  required,
  TextInput,
  type Validator,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { epochDay, isIsoDate, isoWeekday } from '@app/domain';
import { formatCalendarDay } from '../common/dates';
import type { AddDayInput } from '@app/contracts';
import { DAY_KIND_STYLES } from './dayKinds';
import { FormDialog } from '../common/FormDialog';
import { useCalendarChange } from './hooks';
import { ReasonInput } from './ReasonInput';
import { DayInput } from '../common/pickers';

const KIND_CHOICES = [
  { id: 'holiday', name: DAY_KIND_STYLES.holiday.label },
  { id: 'workday', name: DAY_KIND_STYLES.workday.label },
];

// The API refuses the same (CALENDAR_WORKDAY_NOT_WEEKEND); saying so at once saves a round trip.
const adjustedDayOnWeekend: Validator = (value: string | undefined, values) =>
  values.kind === 'workday' && isIsoDate(value) && isoWeekday(epochDay(value)) < 6
    ? 'app.calendar.add.workday_not_weekend'
    : undefined;

/** national_admin adds a holiday (放假) or an adjusted working day (调休上班) to a registered year. */
export const AddDayButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCalendarChange(
    (dataProvider, input: AddDayInput) => dataProvider.addCalendarDay(input),
    (input) =>
      translate('app.calendar.add.done', {
        date: formatCalendarDay(input.date),
        name: input.name,
        kind: DAY_KIND_STYLES[input.kind].label,
      }),
  );
  const submit = (values: FieldValues) =>
    mutate(
      { date: values.date, kind: values.kind, name: values.name.trim(), reason: values.reason },
      { onSuccess: () => setOpen(false) },
    );
  return (
    <>
      <Button label="app.calendar.add.button" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <FormDialog
        open={open}
        title={translate('app.calendar.add.title')}
        submitLabel="ra.action.add"
        pending={isPending}
        defaultValues={{ kind: 'holiday' }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <DayInput source="date" label="app.calendar.columns.date" validate={[required(), adjustedDayOnWeekend]} />
        <RadioButtonGroupInput
          source="kind"
          label="app.calendar.columns.kind"
          choices={KIND_CHOICES}
          validate={required()}
        />
        <TextInput
          source="name"
          label="app.calendar.columns.name"
          helperText="app.calendar.add.name_help"
          validate={[required(), maxLength(50)]}
        />
        <ReasonInput helperText="app.calendar.add.reason_help" />
      </FormDialog>
    </>
  );
};
