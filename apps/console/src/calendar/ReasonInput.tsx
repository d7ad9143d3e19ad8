import { minLength, required, TextInput } from 'react-admin';

/** Every calendar change states why; the API writes it to the audit log. `helperText` is an i18n key. */
export const ReasonInput = ({ helperText = 'app.calendar.reason_help' }: { helperText?: string }) => (
  <TextInput
    source="reason"
    label="app.calendar.reason"
    multiline
    minRows={2}
    fullWidth
    helperText={helperText}
    validate={[required(), minLength(2)]}
  />
);
