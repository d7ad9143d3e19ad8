import { Alert, Box, Button, Chip, Snackbar, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AUTHORIZATION_CODE_STATUS_LABELS, type LookupKind } from '@app/contracts';
import { formatBeijingDateTime } from '../../common/dates';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { copyText } from '../clipboard';
import { KIND_TITLES } from '../labels';
import { currentCode } from '../rules';

/**
 * 授权码管理 (R-29, seed 000): 生成证书授权码 when the person holds certificates of this kind; 复制授权码 and 停止授权
 * while it is in force; 恢复授权 brings back the same code with the same expiry.
 */
export function AuthorizationCodePanel({ kind, hasCertificates }: { kind: LookupKind; hasCertificates: boolean }) {
  const client = useQueryClient();
  const codes = useQuery({ queryKey: ['codes'], queryFn: lookupApi.codes });
  const [copied, setCopied] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['codes'] });
  const create = useMutation({ mutationFn: () => lookupApi.createCode(kind), onSettled: refresh });
  const stop = useMutation({ mutationFn: lookupApi.stopCode, onSettled: refresh });
  const resume = useMutation({ mutationFn: lookupApi.resumeCode, onSettled: refresh });
  const code = codes.data ? currentCode(codes.data, kind) : undefined;
  const canCreate = hasCertificates && (!code || code.status === 'expired');
  const busy = create.isPending || stop.isPending || resume.isPending;
  const copy = async (text: string) =>
    setCopied((await copyText(text)) ? '授权码已复制' : '复制失败，请手动抄写授权码');
  return (
    <Box data-testid="code-panel">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        授权码管理
      </Typography>
      <Stack spacing={1.5}>
        {codes.isError && <ApiErrorAlert error={codes.error} />}
        {code && (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'auto 1fr' }, columnGap: 2, rowGap: 0.5 }}>
            <Typography color="text.secondary">证书授权码：</Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography
                sx={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1, wordBreak: 'break-all' }}
                data-testid="code-value"
              >
                {code.code}
              </Typography>
              <Chip
                size="small"
                label={AUTHORIZATION_CODE_STATUS_LABELS[code.status]}
                color={code.status === 'active' ? 'success' : 'default'}
                data-testid="code-status"
              />
            </Stack>
            <Typography color="text.secondary">有效期至：</Typography>
            <Typography data-testid="code-expiry">{formatBeijingDateTime(code.expiresAt)}</Typography>
            <Typography color="text.secondary">生成时间：</Typography>
            <Typography>{formatBeijingDateTime(code.createdAt)}</Typography>
          </Box>
        )}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          {canCreate && (
            <Button variant="contained" disabled={busy} onClick={() => create.mutate()}>
              生成证书授权码
            </Button>
          )}
          {code?.status === 'active' && (
            <>
              <Button variant="outlined" onClick={() => void copy(code.code)}>
                复制授权码
              </Button>
              <Button variant="outlined" color="warning" disabled={busy} onClick={() => stop.mutate(code.id)}>
                停止授权
              </Button>
            </>
          )}
          {code?.status === 'stopped' && (
            <Button variant="contained" disabled={busy} onClick={() => resume.mutate(code.id)}>
              恢复授权
            </Button>
          )}
        </Stack>
        <ApiErrorAlert error={create.error ?? stop.error ?? resume.error} />
        <Alert severity="info" variant="outlined">
          他人可凭该授权码，在“授权码查询他人证书”中查询您名下所有{KIND_TITLES[kind]}的完整信息。授权码有效期一年；
          停止授权后，授权码即时失效，可随时恢复授权。将授权码告知他人，表明您同意他人查询您的证书完整信息，查验完成后请及时停止授权。
        </Alert>
      </Stack>
      <Snackbar open={!!copied} autoHideDuration={3000} onClose={() => setCopied(null)} message={copied} />
    </Box>
  );
}
