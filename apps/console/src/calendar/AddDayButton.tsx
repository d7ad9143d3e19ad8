import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import { Button, DateInput, maxLength, RadioButtonGroupInput, required, TextInput, type Validator } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { epochDay, isIsoDate, isoWeekday } from '@app/domain';
import { formatCalendarDay } from '../common/dates';
import type { AddDayInput } from '@app/contracts';
import { DAY_KIND_STYLES } from './dayKinds';
import { FormDialog } from '../common/FormDialog';
import { useCalendarChange } from './hooks';
import { ReasonInput } from './ReasonInput';

const KIND_CHOICES = [
  { id: 'holiday', name: DAY_KIND_STYLES.holiday.label },
  { id: 'workday', name: DAY_KIND_STYLES.workday.label },
];

// The API refuses the same (CALENDAR_WORKDAY_NOT_WEEKEND); saying so at once saves a round trip.
const adjustedDayOnWeekend: Validator = (value: string | undefined, values) =>
  values.kind === 'workday' && isIsoDate(value) && isoWeekday(epochDay(value)) < 6
    ? '调休上班日应为星期六或星期日'
    : undefined;

/** national_admin adds a holiday (放假) or an adjusted working day (调休上班) to a registered year. */
export const AddDayButton = () => {
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCalendarChange(
    (dataProvider, input: AddDayInput) => dataProvider.addCalendarDay(input),
    (input) => `已添加 ${formatCalendarDay(input.date)}：${input.name}（${DAY_KIND_STYLES[input.kind].label}）`,
  );
  const submit = (values: FieldValues) =>
    mutate(
      { date: values.date, kind: values.kind, name: values.name.trim(), reason: values.reason },
      { onSuccess: () => setOpen(false) },
    );
  return (
    <>
      <Button label="添加日期" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <FormDialog
        open={open}
        title="添加放假日期或调休上班日期"
        submitLabel="添加"
        pending={isPending}
        defaultValues={{ kind: 'holiday' }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <DateInput source="date" label="日期" validate={[required(), adjustedDayOnWeekend]} />
        <RadioButtonGroupInput source="kind" label="类型" choices={KIND_CHOICES} validate={required()} />
        <TextInput source="name" label="名称" helperText="节日名称，如：春节" validate={[required(), maxLength(50)]} />
        <ReasonInput helperText="如：依据国务院办公厅通知补录；将记入审计日志" />
      </FormDialog>
    </>
  );
};
