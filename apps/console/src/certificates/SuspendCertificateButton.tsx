import { useState } from 'react';
import { Alert } from '@mui/material';
import PauseCircleIcon from '@mui/icons-material/PauseCircleOutlineOutlined';
import { Button, minLength, required, TextInput, useTranslate } from 'react-admin';
import type { RecheckRow } from '@app/contracts';
import { formatCalendarDay } from '../common/dates';
import { FormDialog } from '../common/FormDialog';
import { useCommand } from '../common/useCommand';

interface Props {
  certificateId: number;
  certificateNumber: string;
  /** The flag the suspension answers, recorded with it. */
  flagId?: number;
  /** A small button in a table row instead of a toolbar button. */
  compact?: boolean;
}

/**
 * 暂停查询 one certificate (R-26, R-33; national_reviewer): lookup stops finding it at once, and the owning province
 * gets a re-check task with a working-day deadline.
 */
export const SuspendCertificateButton = ({ certificateId, certificateNumber, flagId, compact }: Props) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCommand<RecheckRow>('certificates', 'suspend', {
    success: (reply) =>
      translate('app.suspension.done', { number: certificateNumber, due: formatCalendarDay(reply.dueDate) }),
    onSuccess: () => setOpen(false),
    onStale: () => setOpen(false),
  });
  return (
    <>
      <Button
        label="app.suspension.button"
        color="error"
        size="small"
        variant={compact ? 'outlined' : 'text'}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        data-testid={compact ? `suspend-certificate-${certificateId}` : 'suspend-certificate'}
      >
        <PauseCircleIcon />
      </Button>
      {open && (
        <FormDialog
          open
          title={translate('app.suspension.title', { number: certificateNumber })}
          submitLabel="app.suspension.submit"
          submitIcon={<PauseCircleIcon />}
          submitColor="error"
          pending={isPending}
          onSubmit={(values) =>
            mutate({
              id: certificateId,
              body: {
                reason: typeof values.reason === 'string' ? values.reason.trim() : '',
                ...(flagId != null ? { flagId } : {}),
              },
            })
          }
          onClose={() => setOpen(false)}
        >
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.suspension.explanation')}
          </Alert>
          <TextInput
            source="reason"
            label="app.suspension.reason"
            helperText="app.suspension.reason_help"
            multiline
            minRows={2}
            fullWidth
            validate={[required(), minLength(2)]}
          />
        </FormDialog>
      )}
    </>
  );
};
