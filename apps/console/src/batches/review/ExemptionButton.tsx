import { useState } from 'react';
import { Alert } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import { Button, maxLength, minLength, required, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { FormDialog } from '../../common/FormDialog';
import type { BatchView } from '@app/contracts';
import { useBatchCommand } from './useBatchCommand';

/** 受理豁免: the provincial centre lets this batch through the 6-month acceptance cutoff, with a reason. */
export const ExemptionButton = () => {
  const translate = useTranslate();
  const batch = useRecordContext<BatchView>();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const { mutate, isPending } = useBatchCommand<BatchView>('exemption', {
    success: () => translate('app.review.exemption.done', { id: batch?.id }),
    onSuccess: close,
    onStale: close,
  });
  if (!batch) return null;
  return (
    <>
      <Button label="app.review.exemption.button" onClick={() => setOpen(true)}>
        <GavelIcon />
      </Button>
      <FormDialog
        open={open}
        title={translate('app.review.exemption.title', { id: batch.id })}
        submitLabel="app.review.exemption.submit"
        submitIcon={<GavelIcon />}
        pending={isPending}
        onSubmit={(values) =>
          mutate({
            id: batch.id,
            body: { version: batch.version, reason: String(values.exemptionReason ?? '').trim() },
          })
        }
        onClose={close}
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.review.exemption.explanation', { institution: batch.institutionName })}
        </Alert>
        <TextInput
          source="exemptionReason"
          label="app.review.exemption.reason"
          multiline
          minRows={3}
          fullWidth
          validate={[required(), minLength(4), maxLength(500)]}
        />
      </FormDialog>
    </>
  );
};
