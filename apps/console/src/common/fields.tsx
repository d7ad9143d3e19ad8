import { Chip } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { ROLE_LABELS, type Role } from '@app/domain';
import { formatBeijingDateTime, formatCalendarDay } from './dates';

type Props = FieldProps & { source: string };

function useValue(source: string): unknown {
  const record = useRecordContext();
  return record?.[source];
}

/** An ISO instant shown in Beijing time. */
export const BeijingDateTimeField = ({ source }: Props) => {
  const value = useValue(source) as string | null | undefined;
  return <span>{formatBeijingDateTime(value)}</span>;
};

/** A YYYY-MM-DD calendar day. */
export const CalendarDayField = ({ source }: Props) => {
  const value = useValue(source) as string | null | undefined;
  return <span>{formatCalendarDay(value)}</span>;
};

export function roleLabel(role: string): string {
  // The audit trail also records actions by the system itself (jobs, demo data).
  if (role === 'system') return '系统';
  return ROLE_LABELS[role as Role] ?? role;
}

/** Role codes as Chinese chips. */
export const RolesField = ({ source }: Props) => {
  const roles = (useValue(source) as string[] | undefined) ?? [];
  return (
    <>
      {roles.map((role) => (
        <Chip key={role} label={roleLabel(role)} size="small" sx={{ mr: 0.5, mb: 0.25 }} />
      ))}
    </>
  );
};
