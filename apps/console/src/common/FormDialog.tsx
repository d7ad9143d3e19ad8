import type { ReactElement, ReactNode } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, type Breakpoint } from '@mui/material';
import { Form, SaveButton, Translate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';

interface FormDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  submitIcon?: ReactElement;
  submitColor?: 'primary' | 'error' | 'warning';
  pending: boolean;
  maxWidth?: Breakpoint;
  defaultValues?: FieldValues;
  onSubmit: (values: FieldValues) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog holding a react-admin form; its fields start afresh each time it opens. */
export const FormDialog = ({
  open,
  title,
  submitLabel,
  submitIcon,
  submitColor = 'primary',
  pending,
  maxWidth = 'sm',
  defaultValues,
  onSubmit,
  onClose,
  children,
}: FormDialogProps) => (
  <Dialog open={open} onClose={pending ? undefined : onClose} maxWidth={maxWidth} fullWidth>
    <Form defaultValues={defaultValues} onSubmit={onSubmit}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose} disabled={pending}>
          <Translate i18nKey="ra.action.cancel" />
        </MuiButton>
        <SaveButton
          label={submitLabel}
          icon={submitIcon}
          color={submitColor}
          disabled={pending}
          alwaysEnable={!pending}
        />
      </DialogActions>
    </Form>
  </Dialog>
);
