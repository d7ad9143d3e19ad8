import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageSection } from '../components/PageSection';
import { ResultList } from '../components/ResultList';
import { useRefreshQuota } from '../hooks';

/** 授权码查询他人证书: the holder's certificates of the code's kind in full; counted against the quota. */
export function ByCodePage() {
  const [code, setCode] = useState('');
  const refreshQuota = useRefreshQuota();
  const query = useMutation({ mutationFn: lookupApi.byCode, onSettled: () => void refreshQuota() });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) query.mutate(code.trim());
  };
  return (
    <PageSection title="授权码查询他人证书" testId="by-code">
      <Stack spacing={2}>
        <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <TextField
            label="通过授权码查询证书"
            placeholder="请输入证书查询授权码"
            size="small"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            sx={{ flex: '1 1 240px' }}
            slotProps={{ htmlInput: { maxLength: 64, autoComplete: 'off' } }}
          />
          <Button type="submit" variant="contained" disabled={query.isPending || !code.trim()}>
            查询
          </Button>
        </Box>
        <Typography variant="body2" color="text.secondary">
          输入证书持有人提供的有效授权码，可查询其证书的完整信息；每次查询计入今日查询次数。
        </Typography>
        <ApiErrorAlert error={query.error} />
        {query.data && <ResultList results={query.data} />}
      </Stack>
    </PageSection>
  );
}
