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
import { useMutation } from '@tanstack/react-query';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { isLocked } from './UserStatusField';
import type { UserView } from '@app/contracts';

type UserCommand = 'disable' | 'enable' | 'reset-password' | 'unlock';

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

const ConfirmedAction = ({ command, label, icon, title, content, success, color = 'primary' }: ConfirmedActionProps) => {
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
    label="停用"
    icon={<BlockIcon />}
    color="error"
    title="停用账号"
    content="停用后该用户将无法登录，已登录的会话立即失效。确定停用吗？"
    success="账号已停用"
  />
);

export const EnableButton = () => (
  <ConfirmedAction
    command="enable"
    label="启用"
    icon={<CheckCircleOutlineIcon />}
    title="启用账号"
    content="启用后该用户可以重新登录。确定启用吗？"
    success="账号已启用"
  />
);

export const UnlockButton = () => (
  <ConfirmedAction
    command="unlock"
    label="解锁"
    icon={<LockOpenIcon />}
    color="warning"
    title="解除锁定"
    content="该账号因连续登录失败被锁定。确认已核实本人身份，解除锁定吗？"
    success="账号已解锁"
  />
);

/** Reset: confirm, then show the temporary password once (the API does not keep it readable). */
export const ResetPasswordButton = () => {
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
      <Button label="重置密码" onClick={() => setConfirming(true)} disabled={isPending}>
        <PasswordIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="重置密码"
        content="重置后原密码立即失效，系统将生成一个临时密码，该用户首次登录时须修改。确定重置吗？"
        onConfirm={() => {
          setConfirming(false);
          mutate(user);
        }}
        onClose={() => setConfirming(false)}
      />
      <Dialog open={temporaryPassword !== null} onClose={() => setTemporaryPassword(null)} maxWidth="xs" fullWidth>
        <DialogTitle>临时密码</DialogTitle>
        <DialogContent>
          <Typography gutterBottom>
            {user.displayName}（{user.username}）的临时密码：
          </Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 1 }}>
            <Typography
              component="code"
              data-testid="temporary-password"
              sx={{ fontFamily: 'monospace', fontSize: '1.4rem', letterSpacing: 1, userSelect: 'all' }}
            >
              {temporaryPassword}
            </Typography>
            <Tooltip title={copied ? '已复制' : '复制'}>
              <IconButton onClick={copy} aria-label="复制临时密码">
                <ContentCopyIcon />
              </IconButton>
            </Tooltip>
          </Box>
          <Alert severity="warning">此密码仅显示这一次，关闭后无法再次查看。请通过安全渠道告知本人。</Alert>
        </DialogContent>
        <DialogActions>
          <MuiButton
            onClick={() => {
              setTemporaryPassword(null);
              setCopied(false);
            }}
            variant="contained"
          >
            我已记下
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
      {user.disabled ? <EnableButton /> : <DisableButton />}
    </>
  );
};
