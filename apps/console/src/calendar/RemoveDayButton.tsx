import { useState } from 'react';
import { Alert } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { formatCalendarDay } from '../common/dates';
import { DAY_KIND_STYLES, dayKind, type SpecialDay } from './dayKinds';
import { FormDialog } from '../common/FormDialog';
import { useCalendarChange } from './hooks';
import { ReasonInput } from './ReasonInput';

/** national_admin removes a holiday or adjusted working day, stating why. */
export const RemoveDayButton = ({ day }: { day: SpecialDay }) => {
  const [open, setOpen] = useState(false);
  const description = `${formatCalendarDay(day.date)}（${day.name}，${DAY_KIND_STYLES[day.kind].label}）`;
  const { mutate, isPending } = useCalendarChange(
    (dataProvider, reason: string) => dataProvider.removeCalendarDay(day.date, reason),
    () => `已删除 ${description}`,
  );
  const afterwards = DAY_KIND_STYLES[dayKind(day.date, undefined)].label;
  return (
    <>
      <Button label="删除" color="error" onClick={() => setOpen(true)} aria-label={`删除 ${description}`}>
        <DeleteIcon />
      </Button>
      <FormDialog
        open={open}
        title="删除日期"
        submitLabel="删除"
        submitIcon={<DeleteIcon />}
        submitColor="error"
        pending={isPending}
        onSubmit={(values: FieldValues) => mutate(values.reason, { onSuccess: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      >
        <Alert severity="warning" sx={{ mb: 2 }}>
          删除 {description} 后，该日按{afterwards}计算，此后计算的期限随之改变。
        </Alert>
        <ReasonInput />
      </FormDialog>
    </>
  );
};
