import { useState } from 'react';
import { IconButton, Stack, Tooltip } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { DataAdministratorDetail } from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';

/** The administrator's mobile, masked; 显示完整手机号码 reveals it on this page only (the API audits each view). */
export const MobileField = ({ record }: { record: DataAdministratorDetail }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [full, setFull] = useState<string | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: (id: number) => dataProvider.command<{ mobile: string }>('data-administrators', id, 'reveal-mobile'),
    onSuccess: (reply) => setFull(reply.mobile),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <span data-testid="data-admin-mobile">{full ?? record.mobile}</span>
      {full === null && (
        <Tooltip title={translate('app.data_admins.reveal_mobile_hint')}>
          <span>
            <IconButton
              size="small"
              sx={{ p: 0.25 }}
              aria-label={translate('app.data_admins.reveal_mobile')}
              disabled={isPending}
              onClick={() => mutate(record.id)}
            >
              <VisibilityIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      )}
    </Stack>
  );
};
