import { useState } from 'react';
import { Alert } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Button, minLength, required, TextInput, useTranslate } from 'react-admin';
import type { DataAdministratorDetail } from '@app/contracts';
import { FormDialog } from '../common/FormDialog';
import { useCommand } from '../common/useCommand';

type Decision = 'approve' | 'reject';

/**
 * The head's 批准 (the administrator takes over; the active one, if any, hands over) or 驳回 with a reason, at the
 * version seen. A registration someone decided first answers 409: the page refreshes and says so.
 */
const DecisionButton = ({ record, decision }: { record: DataAdministratorDetail; decision: Decision }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const approve = decision === 'approve';
  const { mutate, isPending } = useCommand('data-administrators', decision, {
    success: () => translate(`app.data_admins.${decision}.done`, { name: record.name }),
    staleMessage: 'app.data_admins.stale',
    onSuccess: () => setOpen(false),
    onStale: () => setOpen(false),
  });
  const icon = approve ? <CheckIcon /> : <CloseIcon />;
  return (
    <>
      <Button
        label={`app.data_admins.${decision}.button`}
        color={approve ? 'success' : 'error'}
        variant={approve ? 'contained' : 'outlined'}
        onClick={() => setOpen(true)}
        data-testid={`data-admin-${decision}`}
      >
        {icon}
      </Button>
      {open && (
        <FormDialog
          open
          title={translate(`app.data_admins.${decision}.title`, { name: record.name })}
          submitLabel={`app.data_admins.${decision}.button`}
          submitIcon={icon}
          submitColor={approve ? 'primary' : 'error'}
          pending={isPending}
          onSubmit={(values) =>
            mutate({
              id: record.id,
              body: approve ? { version: record.version } : { version: record.version, reason: values.reason },
            })
          }
          onClose={() => setOpen(false)}
        >
          <Alert severity={approve ? 'info' : 'warning'} sx={{ mb: 2 }}>
            {approve && record.status === 'pending'
              ? translate('app.data_admins.approve.explanation')
              : translate('app.data_admins.reject.explanation')}
          </Alert>
          {!approve && (
            <TextInput
              source="reason"
              label="app.data_admins.reject.reason"
              multiline
              minRows={2}
              fullWidth
              validate={[required(), minLength(2)]}
            />
          )}
        </FormDialog>
      )}
    </>
  );
};

export const ApproveDataAdminButton = ({ record }: { record: DataAdministratorDetail }) => (
  <DecisionButton record={record} decision="approve" />
);

export const RejectDataAdminButton = ({ record }: { record: DataAdministratorDetail }) => (
  <DecisionButton record={record} decision="reject" />
);
