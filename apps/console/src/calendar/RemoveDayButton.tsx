import { useState } from 'react';
import { Alert } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { formatCalendarDay } from '../common/dates';
import { DAY_KIND_STYLES, dayKind, type SpecialDay } from './dayKinds';
import { FormDialog } from '../common/FormDialog';
import { useCalendarChange } from './hooks';
import { ReasonInput } from './ReasonInput';

/** national_admin removes a holiday or adjusted working day, stating why. */
export const RemoveDayButton = ({ day }: { day: SpecialDay }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const description = `${formatCalendarDay(day.date)}（${day.name}，${DAY_KIND_STYLES[day.kind].label}）`;
  const { mutate, isPending } = useCalendarChange(
    (dataProvider, reason: string) => dataProvider.removeCalendarDay(day.date, reason),
    () => translate('app.calendar.remove.done', { day: description }),
  );
  const afterwards = DAY_KIND_STYLES[dayKind(day.date, undefined)].label;
  return (
    <>
      <Button
        label="ra.action.delete"
        color="error"
        onClick={() => setOpen(true)}
        aria-label={translate('app.calendar.remove.label', { day: description })}
      >
        <DeleteIcon />
      </Button>
      <FormDialog
        open={open}
        title={translate('app.calendar.remove.title')}
        submitLabel="ra.action.delete"
        submitIcon={<DeleteIcon />}
        submitColor="error"
        pending={isPending}
        onSubmit={(values: FieldValues) => mutate(values.reason, { onSuccess: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      >
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.calendar.remove.explanation', { day: description, kind: afterwards })}
        </Alert>
        <ReasonInput />
      </FormDialog>
    </>
  );
};
