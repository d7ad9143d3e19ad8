import { Alert, Box, Button, Link, Paper, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { LOOKUP_ACCOUNT_TYPE_LABELS, type LookupAccountType } from '@app/contracts';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { lookupSession } from '../session';

const ACCOUNT_LABELS: Readonly<Record<LookupAccountType, string>> = {
  person: '证件号码/手机号',
  legal_entity: '统一社会信用代码/手机号',
};

/** Where a page that needs login sent the visitor from, and why (RequireAccount). */
export interface LoginState {
  from?: string;
  expired?: boolean;
}

/**
 * Seed 000's 人社用户中心 login: 个人用户 / 法人用户 panels, account (ID number, credit code or mobile) and password,
 * 个人注册 / 法人注册 below. The account type is the API's: the panel only words the account field.
 */
export function LoginPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState & { registered?: boolean };
  const [type, setType] = useState<LookupAccountType>(
    params.get('type') === 'legal_entity' ? 'legal_entity' : 'person',
  );
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const navigate = useNavigate();
  const client = useQueryClient();
  const login = useMutation({
    mutationFn: () => lookupApi.login(account.trim(), password),
    onSuccess: (result) => {
      lookupSession.start(result.token, result.account);
      void client.invalidateQueries();
      navigate(state.from ?? '/', { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (account.trim() && password) login.mutate();
  };
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center' }}>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 420, p: { xs: 2, sm: 3 } }} data-testid="login">
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          人力资源和社会保障用户中心
        </Typography>
        <Tabs value={type} onChange={(_e, value: LookupAccountType) => setType(value)} variant="fullWidth">
          <Tab value="person" label={LOOKUP_ACCOUNT_TYPE_LABELS.person} />
          <Tab value="legal_entity" label={LOOKUP_ACCOUNT_TYPE_LABELS.legal_entity} />
        </Tabs>
        <Box component="form" onSubmit={submit} noValidate sx={{ mt: 2 }}>
          <Stack spacing={2}>
            {state.expired && <Alert severity="info">登录已超时，请重新登录。</Alert>}
            {state.registered && <Alert severity="success">注册成功，请登录。</Alert>}
            <TextField
              label={ACCOUNT_LABELS[type]}
              value={account}
              onChange={(e) => setAccount(e.target.value)}
              autoComplete="username"
              fullWidth
            />
            <TextField
              label="密码"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              fullWidth
            />
            <ApiErrorAlert error={login.error} />
            <Button type="submit" variant="contained" size="large" disabled={login.isPending}>
              登录
            </Button>
            <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
              <Link component={RouterLink} to={`/register?type=${type}`}>
                {type === 'person' ? '个人注册' : '法人注册'}
              </Link>
              <Typography variant="body2" color="text.secondary">
                忘记密码请联系人社用户中心
              </Typography>
            </Stack>
          </Stack>
        </Box>
      </Paper>
    </Box>
  );
}
