import { useState } from 'react';
import { Alert } from '@mui/material';
import BlockIcon from '@mui/icons-material/DoNotDisturbAlt';
import PauseCircleIcon from '@mui/icons-material/PauseCircleOutlineOutlined';
import { Button, minLength, required, TextInput, useTranslate } from 'react-admin';
import type { FlagDetail, FlagRow, SuspendFlagResult } from '@app/contracts';
import { FormDialog } from '../common/FormDialog';
import { useCommand } from '../common/useCommand';

const ReasonInput = ({ label, helperText }: { label: string; helperText: string }) => (
  <TextInput
    source="reason"
    label={label}
    helperText={helperText}
    multiline
    minRows={2}
    fullWidth
    validate={[required(), minLength(2)]}
  />
);

const reasonOf = (values: Record<string, unknown>) => (typeof values.reason === 'string' ? values.reason.trim() : '');

/** 排除: national decides the flag is not a problem; the same evidence is not raised again. */
export const DismissFlagButton = ({ flag }: { flag: FlagDetail }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCommand<FlagRow>('flags', 'dismiss', {
    success: () => translate('app.flags.dismiss.done', { id: flag.id }),
    staleMessage: 'app.flags.stale',
    onSuccess: () => setOpen(false),
    onStale: () => setOpen(false),
  });
  return (
    <>
      <Button label="app.flags.dismiss.button" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      {open && (
        <FormDialog
          open
          title={translate('app.flags.dismiss.title', { id: flag.id })}
          submitLabel="app.flags.dismiss.submit"
          submitIcon={<BlockIcon />}
          pending={isPending}
          onSubmit={(values) => mutate({ id: flag.id, body: { reason: reasonOf(values) } })}
          onClose={() => setOpen(false)}
        >
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.flags.dismiss.explanation')}
          </Alert>
          <ReasonInput label="app.flags.dismiss.reason" helperText="app.flags.reason_help" />
        </FormDialog>
      )}
    </>
  );
};

/**
 * 暂停查询 for all of the flag's certificates. The answer lists the re-checks opened and the certificates
 * skipped; the caller shows it, since this button may disappear once nothing is left to suspend.
 */
export const SuspendFlagButton = ({
  flag,
  onDone,
}: {
  flag: FlagDetail;
  onDone: (result: SuspendFlagResult) => void;
}) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCommand<SuspendFlagResult>('flags', 'suspend', {
    staleMessage: 'app.flags.stale',
    onSuccess: (result) => {
      setOpen(false);
      onDone(result);
    },
    onStale: () => setOpen(false),
  });
  return (
    <>
      <Button label="app.flags.suspend.button" color="error" variant="contained" onClick={() => setOpen(true)}>
        <PauseCircleIcon />
      </Button>
      {open && (
        <FormDialog
          open
          title={translate('app.flags.suspend.title', { id: flag.id })}
          submitLabel="app.flags.suspend.submit"
          submitIcon={<PauseCircleIcon />}
          submitColor="error"
          pending={isPending}
          onSubmit={(values) => mutate({ id: flag.id, body: { reason: reasonOf(values) } })}
          onClose={() => setOpen(false)}
        >
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.flags.suspend.explanation', { count: flag.certificateCount })}
          </Alert>
          <ReasonInput label="app.suspension.reason" helperText="app.suspension.reason_help" />
        </FormDialog>
      )}
    </>
  );
};
