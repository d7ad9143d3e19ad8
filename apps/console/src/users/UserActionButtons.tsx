import { useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Tooltip,
  Typography,
} from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PasswordIcon from '@mui/icons-material/Password';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { useMutation } from '@tanstack/react-query';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { isLocked } from './UserStatusField';
import type { UserView } from '@app/contracts';

type UserCommand = 'disable' | 'enable' | 'reset-password' | 'reset-totp' | 'unlock';

/** POST /api/admin/users/:id/<command>, with a notification and a refetch (the version changes). */
function useUserCommand<T = unknown>(command: UserCommand, onDone?: (reply: T) => void) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (user: UserView) => dataProvider.command<T>('users', user.id, command),
    onSuccess: (reply) => {
      refresh();
      onDone?.(reply);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
}

interface ConfirmedActionProps {
  command: UserCommand;
  label: string;
  icon: React.ReactElement;
  title: string;
  content: string;
  success: string;
  color?: 'primary' | 'error' | 'warning';
}

const ConfirmedAction = ({
  command,
  label,
  icon,
  title,
  content,
  success,
  color = 'primary',
}: ConfirmedActionProps) => {
  const user = useRecordContext<UserView>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useUserCommand(command, () => notify(success, { type: 'success' }));
  if (!user) return null;
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} disabled={isPending} color={color}>
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={title}
        content={content}
        translateOptions={{ name: user.displayName }}
        onConfirm={() => {
          setOpen(false);
          mutate(user);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const DisableButton = () => (
  <ConfirmedAction
    command="disable"
    label="app.users.actions.disable"
    icon={<BlockIcon />}
    color="error"
    title="app.users.actions.disable_title"
    content="app.users.actions.disable_content"
    success="app.users.actions.disabled"
  />
);

export const EnableButton = () => (
  <ConfirmedAction
    command="enable"
    label="app.users.actions.enable"
    icon={<CheckCircleOutlineIcon />}
    title="app.users.actions.enable_title"
    content="app.users.actions.enable_content"
    success="app.users.actions.enabled"
  />
);

export const UnlockButton = () => (
  <ConfirmedAction
    command="unlock"
    label="app.users.actions.unlock"
    icon={<LockOpenIcon />}
    color="warning"
    title="app.users.actions.unlock_title"
    content="app.users.actions.unlock_content"
    success="app.users.actions.unlocked"
  />
);

/** turns off a lost or replaced second factor; the person's sessions end and they may enrol again. */
export const ResetTotpButton = () => (
  <ConfirmedAction
    command="reset-totp"
    label="app.users.actions.reset_totp"
    icon={<PhonelinkEraseIcon />}
    color="warning"
    title="app.users.actions.reset_totp"
    content="app.users.actions.reset_totp_content"
    success="app.users.actions.totp_reset"
  />
);

/** Reset: confirm, then show the temporary password once (the API does not keep it readable). */
export const ResetPasswordButton = () => {
  const translate = useTranslate();
  const user = useRecordContext<UserView>();
  const [confirming, setConfirming] = useState(false);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { mutate, isPending } = useUserCommand<{ temporaryPassword: string }>('reset-password', (reply) =>
    setTemporaryPassword(reply.temporaryPassword),
  );
  if (!user) return null;
  const copy = () => {
    if (!temporaryPassword) return;
    navigator.clipboard?.writeText(temporaryPassword).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <>
      <Button label="app.users.actions.reset" onClick={() => setConfirming(true)} disabled={isPending}>
        <PasswordIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="app.users.actions.reset"
        content="app.users.actions.reset_content"
        onConfirm={() => {
          setConfirming(false);
          mutate(user);
        }}
        onClose={() => setConfirming(false)}
      />
      <Dialog open={temporaryPassword !== null} onClose={() => setTemporaryPassword(null)} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('app.users.temporary_password.title')}</DialogTitle>
        <DialogContent>
          <Typography gutterBottom>
            {translate('app.users.temporary_password.for', { name: user.displayName, username: user.username })}
          </Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 1 }}>
            <Typography
              component="code"
              data-testid="temporary-password"
              sx={{ fontFamily: 'monospace', fontSize: '1.4rem', letterSpacing: 1, userSelect: 'all' }}
            >
              {temporaryPassword}
            </Typography>
            <Tooltip
              title={translate(copied ? 'app.users.temporary_password.copied' : 'app.users.temporary_password.copy')}
            >
              <IconButton onClick={copy} aria-label={translate('app.users.temporary_password.copy_label')}>
                <ContentCopyIcon />
              </IconButton>
            </Tooltip>
          </Box>
          <Alert severity="warning">{translate('app.users.temporary_password.once')}</Alert>
        </DialogContent>
        <DialogActions>
          <MuiButton
            onClick={() => {
              setTemporaryPassword(null);
              setCopied(false);
            }}
            variant="contained"
          >
            {translate('app.users.temporary_password.noted')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The account commands that apply to this user's current state. */
export const UserActionButtons = () => {
  const user = useRecordContext<UserView>();
  if (!user) return null;
  return (
    <>
      {isLocked(user) && <UnlockButton />}
      <ResetPasswordButton />
      {user.totpEnabled && <ResetTotpButton />}
      {user.disabled ? <EnableButton /> : <DisableButton />}
    </>
  );
};
