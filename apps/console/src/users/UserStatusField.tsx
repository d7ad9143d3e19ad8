import { Chip, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatBeijingDateTime, isFuture } from '../common/dates';

export interface StaffAccount {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  organisationId: number;
  organisationName: string;
  email: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  version: number;
  createdAt: string;
}

export function isLocked(user: Pick<StaffAccount, 'lockedUntil'>): boolean {
  return isFuture(user.lockedUntil);
}

/** 正常 / 已停用 / 已锁定 (R-41: 5 failed logins lock an account for 30 minutes). */
export const UserStatusField = () => {
  const user = useRecordContext<StaffAccount>();
  if (!user) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      {user.disabled ? (
        <Chip size="small" color="error" label="已停用" />
      ) : (
        <Chip size="small" color="success" variant="outlined" label="正常" />
      )}
      {isLocked(user) && (
        <Chip
          size="small"
          color="warning"
          label={`锁定至 ${formatBeijingDateTime(user.lockedUntil).slice(11, 16)}`}
          title={formatBeijingDateTime(user.lockedUntil)}
        />
      )}
      {user.mustChangePassword && <Chip size="small" variant="outlined" label="待改密" />}
    </Stack>
  );
};

export const TotpField = () => {
  const user = useRecordContext<StaffAccount>();
  if (!user) return null;
  return user.totpEnabled ? <Chip size="small" color="primary" variant="outlined" label="已启用" /> : <span>未启用</span>;
};
