import { Chip, Stack } from '@mui/material';
import { useRecordContext, Translate } from 'react-admin';
import { formatBeijingDateTime, isFuture } from '../common/dates';
import type { UserView } from '@app/contracts';

export function isLocked(user: Pick<UserView, 'lockedUntil'>): boolean {
  return isFuture(user.lockedUntil);
}

/** 正常 / 已停用 / 已锁定 (R-41: 5 failed logins lock an account for 30 minutes). */
export const UserStatusField = () => {
  const user = useRecordContext<UserView>();
  if (!user) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      {user.disabled ? (
        <Chip size="small" color="error" label={<Translate i18nKey="app.users.status.disabled" />} />
      ) : (
        <Chip size="small" color="success" variant="outlined" label={<Translate i18nKey="app.users.status.active" />} />
      )}
      {isLocked(user) && (
        <Chip
          size="small"
          color="warning"
          label={
            <Translate
              i18nKey="app.users.status.locked_until"
              options={{ time: formatBeijingDateTime(user.lockedUntil).slice(11, 16) }}
            />
          }
          title={formatBeijingDateTime(user.lockedUntil)}
        />
      )}
      {user.mustChangePassword && (
        <Chip size="small" variant="outlined" label={<Translate i18nKey="app.users.status.must_change_password" />} />
      )}
    </Stack>
  );
};

export const TotpField = () => {
  const user = useRecordContext<UserView>();
  if (!user) return null;
  return user.totpEnabled ? (
    <Chip size="small" color="primary" variant="outlined" label={<Translate i18nKey="app.users.totp.enabled" />} />
  ) : (
    <span>
      <Translate i18nKey="app.users.totp.disabled" />
    </span>
  );
};
