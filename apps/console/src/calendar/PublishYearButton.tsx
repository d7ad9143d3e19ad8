import { useState } from 'react';
import { Button as MuiButton, Typography } from '@mui/material';
import PostAddIcon from '@mui/icons-material/PostAdd';
import { minLength, required, TextInput, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { PublishYearInput } from '@app/contracts';
import { FormDialog } from '../common/FormDialog';
import { useCalendarChange } from './hooks';
import { ReasonInput } from './ReasonInput';
import { DayInput } from '../common/pickers';

/** national_admin registers the State Council notice of a newly published year (each November). */
export const PublishYearButton = ({ year }: { year: number }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCalendarChange(
    (dataProvider, input: PublishYearInput) => dataProvider.publishCalendarYear(input),
    (input) => translate('app.calendar.publish.done', { year: input.year }),
  );
  const submit = (values: FieldValues) =>
    mutate(
      {
        year,
        notice: values.notice,
        noticeNumber: values.noticeNumber || undefined,
        publishedOn: values.publishedOn || undefined,
        reason: values.reason,
      },
      { onSuccess: () => setOpen(false) },
    );
  return (
    <>
      <MuiButton variant="outlined" color="inherit" startIcon={<PostAddIcon />} onClick={() => setOpen(true)}>
        {translate('app.calendar.publish.button')}
      </MuiButton>
      <FormDialog
        open={open}
        title={translate('app.calendar.publish.title', { year })}
        submitLabel="app.calendar.publish.submit"
        pending={isPending}
        defaultValues={{ notice: translate('app.calendar.publish.default_notice', { year }) }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.calendar.publish.explanation')}
        </Typography>
        <TextInput
          source="notice"
          label="app.calendar.publish.notice"
          fullWidth
          validate={[required(), minLength(4)]}
        />
        <TextInput
          source="noticeNumber"
          label="app.calendar.publish.notice_number"
          fullWidth
          helperText="app.calendar.publish.notice_number_help"
        />
        <DayInput source="publishedOn" label="app.calendar.publish.published_on" />
        <ReasonInput />
      </FormDialog>
    </>
  );
};
