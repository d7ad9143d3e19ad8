import { useState } from 'react';
import { IconButton, Stack, Tooltip } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { CertificateRecord } from '@app/contracts';

/**
 * the ID number masked; 显示完整证件号码 reveals it for this row only (the API audits each view).
 * The full number lives in this cell's state and is gone when the list re-renders the row afresh.
 */
export const IdNumberField = () => {
  const translate = useTranslate();
  const record = useRecordContext<CertificateRecord>();
  const { permissions } = usePermissions<Role[]>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [full, setFull] = useState<string | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: (id: number) => dataProvider.command<{ idNumber: string }>('certificates', id, 'reveal-id'),
    onSuccess: (reply) => setFull(reply.idNumber),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!record) return null;
  const canReveal = hasPermission(permissions ?? [], 'certificates.unmask');
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', whiteSpace: 'nowrap' }}>
      <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="id-number">
        {full ?? record.idNumberMasked}
      </span>
      {canReveal && full === null && (
        <Tooltip title={translate('app.certificates.reveal_id_hint')}>
          <span>
            <IconButton
              size="small"
              sx={{ p: 0.25 }}
              aria-label={translate('app.certificates.reveal_id')}
              disabled={isPending}
              onClick={(event) => {
                event.stopPropagation();
                mutate(record.id);
              }}
            >
              <VisibilityIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      )}
    </Stack>
  );
};
