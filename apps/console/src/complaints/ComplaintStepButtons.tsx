import { useState, type ReactElement } from 'react';
import { Alert } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ReplyIcon from '@mui/icons-material/Reply';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, maxLength, minLength, required, TextInput, useTranslate } from 'react-admin';
import type { ComplaintAction, ComplaintDetail } from '@app/contracts';
import { FormDialog } from '../common/FormDialog';
import { useCommand } from '../common/useCommand';
import { complaintCommandBody } from './complaintActions';

const STEPS: Record<
  ComplaintAction,
  { icon: ReactElement; color: 'primary' | 'success' | 'warning'; max: number; variant: 'contained' | 'outlined' }
> = {
  reply: { icon: <ReplyIcon />, color: 'primary', max: 2000, variant: 'contained' },
  close: { icon: <CheckCircleIcon />, color: 'success', max: 500, variant: 'contained' },
  reopen: { icon: <UndoIcon />, color: 'warning', max: 500, variant: 'outlined' },
};

/**
 * 答复 (the institution), 办结 and 退回重新答复 (the centre), each with its text and the version the user saw. A
 * complaint someone else moved on first answers 409: the page refreshes and says so in Chinese.
 */
export const ComplaintStepButton = ({ complaint, action }: { complaint: ComplaintDetail; action: ComplaintAction }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const step = STEPS[action];
  const key = (name: string) => `app.complaints.${action}.${name}`;
  const { mutate, isPending } = useCommand<ComplaintDetail>('complaints', action, {
    success: () => translate(key('done'), { id: complaint.id }),
    staleMessage: 'app.complaints.stale',
    onSuccess: () => setOpen(false),
    onStale: () => setOpen(false),
  });
  return (
    <>
      <Button
        label={key('button')}
        color={step.color}
        variant={step.variant}
        onClick={() => setOpen(true)}
        data-testid={`complaint-${action}`}
      >
        {step.icon}
      </Button>
      {open && (
        <FormDialog
          open
          title={translate(key('title'), { id: complaint.id })}
          submitLabel={key('submit')}
          submitIcon={step.icon}
          submitColor={action === 'reopen' ? 'warning' : 'primary'}
          pending={isPending}
          onSubmit={(values) =>
            mutate({ id: complaint.id, body: complaintCommandBody(action, values, complaint.version) })
          }
          onClose={() => setOpen(false)}
        >
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate(key('explanation'))}
          </Alert>
          <TextInput
            source="text"
            label={key('text')}
            multiline
            minRows={3}
            fullWidth
            validate={[required(), minLength(2), maxLength(step.max)]}
          />
        </FormDialog>
      )}
    </>
  );
};
