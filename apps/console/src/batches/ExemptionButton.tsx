import { useState } from 'react';
import { Alert } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import { Button, maxLength, minLength, required, TextInput, useRecordContext } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import type { Batch } from './types';
import { useBatchCommand } from './useBatchCommand';

/** 受理豁免: the provincial centre lets this batch through the 6-month acceptance cutoff, with a reason. */
export const ExemptionButton = () => {
  const batch = useRecordContext<Batch>();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const { mutate, isPending } = useBatchCommand<Batch>('exemption', {
    success: () => `已为批次 #${batch?.id} 办理受理豁免`,
    onSuccess: close,
    onStale: close,
  });
  if (!batch) return null;
  return (
    <>
      <Button label="受理豁免" onClick={() => setOpen(true)}>
        <GavelIcon />
      </Button>
      <FormDialog
        open={open}
        title={`受理豁免：批次 #${batch.id}`}
        submitLabel="办理豁免"
        submitIcon={<GavelIcon />}
        pending={isPending}
        onSubmit={(values) => mutate({ id: batch.id, body: { version: batch.version, reason: String(values.exemptionReason ?? '').trim() } })}
        onClose={close}
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          自发证日期起超过 6 个月的证书原则上不予受理。办理豁免后，{batch.institutionName}可提交本批次；豁免原因和审批人将记入批次和审计日志。
        </Alert>
        <TextInput
          source="exemptionReason"
          label="豁免原因"
          multiline
          minRows={3}
          fullWidth
          validate={[required(), minLength(4), maxLength(500)]}
        />
      </FormDialog>
    </>
  );
};
