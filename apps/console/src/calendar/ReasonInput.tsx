import { minLength, required, TextInput } from 'react-admin';

/** Every calendar change states why; the API writes it to the audit log. */
export const ReasonInput = ({ helperText = '将记入审计日志' }: { helperText?: string }) => (
  <TextInput
    source="reason"
    label="原因"
    multiline
    minRows={2}
    fullWidth
    helperText={helperText}
    validate={[required(), minLength(2)]}
  />
);
