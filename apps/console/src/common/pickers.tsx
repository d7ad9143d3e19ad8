import { useEffect, useState, type ReactNode } from 'react';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import type { SxProps, Theme } from '@mui/material';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { FieldTitle, InputHelperText, useInput, type InputProps } from 'react-admin';

// Dates in one convention across the console: calendar days as 2026-12-03 and times as 2026-12-03 08:30, typed and
// picked the same way whatever the browser's language (MUI X pickers with dayjs' zh-cn locale, App.tsx). Values stay
// the API's strings: 'YYYY-MM-DD' for a day, 'YYYY-MM-DDTHH:mm' for a Beijing wall-clock time.
dayjs.extend(customParseFormat);

export const DAY_FORMAT = 'YYYY-MM-DD';
export const DAY_TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const DAY_TIME_VALUE = 'YYYY-MM-DDTHH:mm';

/** Month and year names in the calendar views (5月, 2026年; the adapter's defaults are 五月 and 2026). */
export const PICKER_FORMATS = { month: 'M月', monthShort: 'M月', year: 'YYYY年' };
/** The calendar's heading in Chinese order: 2026年12月 (the default puts the month first). */
const calendarHeader = { format: 'YYYY年M月' };

const toDayjs = (value: string | null | undefined, format: string): Dayjs | null => {
  if (!value) return null;
  const parsed = dayjs(value, format);
  return parsed.isValid() ? parsed : null;
};

/**
 * Keeps what the user is typing (possibly an unfinished date) while the form only ever sees a whole value or
 * nothing; a value changed from outside (a reset, a cleared filter) replaces the draft.
 */
function useDraft(value: string | null | undefined, valueFormat: string, onChange: (next: string | null) => void) {
  const [draft, setDraft] = useState<Dayjs | null>(() => toDayjs(value, valueFormat));
  useEffect(() => {
    const outside = toDayjs(value, valueFormat);
    setDraft((current) => {
      if (outside === null) return current?.isValid() ? null : current;
      return current?.isValid() && current.isSame(outside) ? current : outside;
    });
  }, [value, valueFormat]);
  const change = (next: Dayjs | null) => {
    setDraft(next);
    onChange(next && next.isValid() ? next.format(valueFormat) : null);
  };
  return [draft, change] as const;
}

interface PickerProps {
  label: ReactNode;
  /** 'YYYY-MM-DD' for DayPicker, 'YYYY-MM-DDTHH:mm' for DayTimePicker; '' or null when empty. */
  value: string | null;
  onChange: (value: string | null) => void;
  helperText?: ReactNode;
  required?: boolean;
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
  name?: string;
  testId?: string;
}

const fieldSlot = ({ helperText, required, fullWidth, name, testId }: PickerProps) => ({
  calendarHeader,
  textField: {
    helperText,
    required,
    fullWidth,
    name,
    // On the field's root: tests find the picker (its sections) by it.
    ...(testId ? { 'data-testid': testId } : {}),
  },
});

/** A calendar day, 2026-12-03. */
export const DayPicker = (props: PickerProps) => {
  const [draft, change] = useDraft(props.value, DAY_FORMAT, props.onChange);
  return (
    <DatePicker
      label={props.label}
      value={draft}
      onChange={change}
      format={DAY_FORMAT}
      sx={props.sx}
      slotProps={fieldSlot(props)}
    />
  );
};

/** A Beijing wall-clock time, 2026-12-03 08:30 (24-hour). */
export const DayTimePicker = (props: PickerProps) => {
  const [draft, change] = useDraft(props.value, DAY_TIME_VALUE, props.onChange);
  return (
    <DateTimePicker
      label={props.label}
      value={draft}
      onChange={change}
      format={DAY_TIME_FORMAT}
      ampm={false}
      sx={props.sx}
      slotProps={fieldSlot(props)}
    />
  );
};

/** react-admin's DateInput with the console's day convention (forms and list filters). */
export const DayInput = (props: InputProps & { sx?: SxProps<Theme>; fullWidth?: boolean; className?: string }) => {
  const { field, fieldState, isRequired, id } = useInput({ ...props, parse: props.parse ?? ((v: unknown) => v) });
  const [draft, change] = useDraft(field.value as string | null, DAY_FORMAT, (next) => field.onChange(next));
  const showError = fieldState.invalid && (fieldState.isTouched || fieldState.isDirty);
  return (
    <DatePicker
      label={
        props.label === false ? undefined : (
          <FieldTitle label={props.label} source={props.source} resource={props.resource} isRequired={isRequired} />
        )
      }
      value={draft}
      onChange={change}
      onClose={field.onBlur}
      format={DAY_FORMAT}
      sx={{ minWidth: 180, ...props.sx }}
      className={props.className}
      slotProps={{
        calendarHeader,
        textField: {
          id,
          name: field.name,
          onBlur: field.onBlur,
          size: 'small',
          variant: 'filled',
          margin: 'dense',
          fullWidth: props.fullWidth,
          error: showError,
          helperText:
            showError || props.helperText ? (
              <InputHelperText
                error={showError ? fieldState.error?.message : undefined}
                helperText={props.helperText}
              />
            ) : undefined,
        },
      }}
    />
  );
};
