import { Box } from '@mui/material';
import { maxLength, minLength, required, TextInput } from 'react-admin';

// R-16 附件3 逾期上报情况说明; the lengths are the API's (OverdueStatementDto).
export const OverdueStatementFields = () => (
  <>
    <TextInput
      source="statementReason"
      label="app.review.overdue_statement.reason"
      multiline
      minRows={3}
      fullWidth
      validate={[required(), minLength(4), maxLength(500)]}
    />
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
      <TextInput
        source="responsiblePerson"
        label="app.review.overdue_statement.responsible_person"
        validate={[required(), minLength(2), maxLength(32)]}
        fullWidth={false}
        sx={{ width: 200 }}
      />
      <TextInput
        source="contact"
        label="app.review.overdue_statement.contact"
        validate={[required(), minLength(5), maxLength(64)]}
        fullWidth={false}
        sx={{ width: 260 }}
      />
    </Box>
  </>
);
