import { useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Link,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { useLogin } from 'react-admin';
import { LoginError } from '../providers/authProvider';

type Step = 'password' | 'totp';

interface Problem {
  severity: 'error' | 'warning' | 'info';
  text: string;
}

/**
 * Staff login: password, then — when the API answers AUTH_TOTP_REQUIRED — the 6-digit code
 * from the user's authenticator app. A locked account (423) shows the API's message with the unlock time.
 */
export const LoginPage = () => {
  const login = useLogin();
  const [step, setStep] = useState<Step>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setProblem({ severity: 'error', text: '请输入用户名和密码' });
      return;
    }
    if (step === 'totp' && !/^\d{6}$/.test(totpCode)) {
      setProblem({ severity: 'error', text: '请输入6位数字动态码' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await login({ username: username.trim(), password, totpCode: step === 'totp' ? totpCode : undefined });
    } catch (error) {
      const e = error instanceof LoginError ? error : new LoginError('UNKNOWN', '登录失败，请稍后重试', 0);
      switch (e.code) {
        case 'AUTH_TOTP_REQUIRED':
          setStep('totp');
          setTotpCode('');
          setProblem({ severity: 'info', text: e.message || '请输入验证器应用中显示的6位动态码' });
          break;
        case 'AUTH_TOTP_INVALID':
          setTotpCode('');
          setProblem({ severity: 'error', text: e.message || '动态码错误，请重新输入' });
          break;
        case 'AUTH_ACCOUNT_LOCKED':
        case 'AUTH_TOO_MANY_FAILURES_FROM_ADDRESS':
          setProblem({ severity: 'warning', text: e.message || '账号已被锁定，请稍后再试' });
          break;
        default:
          setProblem({ severity: 'error', text: e.message || '登录失败，请稍后重试' });
          // A wrong password on the second step means starting over.
          if (step === 'totp' && e.code === 'AUTH_INVALID_CREDENTIALS') setStep('password');
      }
      setBusy(false);
    }
  };

  const back = () => {
    setStep('password');
    setPassword('');
    setTotpCode('');
    setProblem(null);
  };

  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #0b3a6e 0%, #1565c0 55%, #e3ecf7 55.1%, #f4f7fb 100%)',
        p: 2,
      }}
    >
      <Typography variant="h4" component="h1" sx={{ color: '#fff', fontWeight: 600, letterSpacing: 4, mb: 0.5 }}>
        证书数据监管平台
      </Typography>
      <Typography sx={{ color: 'rgba(255,255,255,0.85)', mb: 3 }}>技能人才评价证书全国联网查询 · 数据监管</Typography>
      <Card sx={{ width: '100%', maxWidth: 400 }} elevation={6}>
        <CardContent sx={{ p: 4 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
            <VerifiedUserOutlinedIcon color="primary" />
            <Typography variant="h6">{step === 'password' ? '工作人员登录' : '两步验证'}</Typography>
          </Stack>
          <form onSubmit={submit} noValidate>
            <Stack spacing={2}>
              {problem && (
                <Alert severity={problem.severity} role="alert" data-testid="login-message">
                  {problem.text}
                </Alert>
              )}
              {step === 'password' ? (
                <>
                  <TextField
                    label="用户名"
                    name="username"
                    value={username}
                    onChange={(e) => setUsername(e.target.value)}
                    autoComplete="username"
                    autoFocus
                    fullWidth
                    disabled={busy}
                  />
                  <TextField
                    label="密码"
                    name="password"
                    type="password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    autoComplete="current-password"
                    fullWidth
                    disabled={busy}
                  />
                </>
              ) : (
                <>
                  <Typography variant="body2" color="text.secondary">
                    账号 <strong>{username}</strong> 已启用两步验证，请打开手机上的验证器应用，输入当前显示的6位动态码。
                  </Typography>
                  <TextField
                    label="动态码"
                    name="totpCode"
                    value={totpCode}
                    onChange={(e) => setTotpCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
                    autoComplete="one-time-code"
                    autoFocus
                    fullWidth
                    disabled={busy}
                    slotProps={{
                      htmlInput: { inputMode: 'numeric', maxLength: 6, style: { letterSpacing: 8, fontSize: 20 } },
                    }}
                  />
                </>
              )}
              <Button
                type="submit"
                variant="contained"
                size="large"
                disabled={busy}
                startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}
              >
                {step === 'password' ? '登录' : '验证并登录'}
              </Button>
              {step === 'totp' && (
                <Link component="button" type="button" onClick={back} underline="hover" sx={{ alignSelf: 'center' }}>
                  返回重新输入账号
                </Link>
              )}
            </Stack>
          </form>
        </CardContent>
      </Card>
      <Typography variant="caption" color="text.secondary" sx={{ mt: 3, textAlign: 'center' }}>
        仅限授权工作人员使用。连续5次密码错误将锁定账号30分钟；所有操作均记入审计日志。
      </Typography>
    </Box>
  );
};
