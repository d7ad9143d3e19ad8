import { useState } from 'react';
import { Button as MuiButton, Typography } from '@mui/material';
import PostAddIcon from '@mui/icons-material/PostAdd';
import { DateInput, minLength, required, TextInput } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { PublishYearInput } from '@app/contracts';
import { FormDialog } from '../common/FormDialog';
import { useCalendarChange } from './hooks';
import { ReasonInput } from './ReasonInput';

/** national_admin registers the State Council notice of a newly published year (each November). */
export const PublishYearButton = ({ year }: { year: number }) => {
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCalendarChange(
    (dataProvider, input: PublishYearInput) => dataProvider.publishCalendarYear(input),
    (input) => `已登记 ${input.year} 年节假日安排通知，请逐日添加放假日期和调休上班日期`,
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
        登记年度通知
      </MuiButton>
      <FormDialog
        open={open}
        title={`登记 ${year} 年节假日安排通知`}
        submitLabel="登记"
        pending={isPending}
        defaultValues={{ notice: `国务院办公厅关于${year}年部分节假日安排的通知` }}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <Typography variant="body2" color="text.secondary" gutterBottom>
          登记后本年度不再按“临时”计算。请随后逐日添加通知中的放假日期和调休上班日期。
        </Typography>
        <TextInput source="notice" label="通知标题" fullWidth validate={[required(), minLength(4)]} />
        <TextInput source="noticeNumber" label="文号" fullWidth helperText="如：国办发明电〔2026〕x号" />
        <DateInput source="publishedOn" label="发布日期" />
        <ReasonInput />
      </FormDialog>
    </>
  );
};
