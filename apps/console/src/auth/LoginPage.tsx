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
import { useLogin, useTranslate } from 'react-admin';
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
  const translate = useTranslate();
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
      setProblem({ severity: 'error', text: translate('app.login.credentials_required') });
      return;
    }
    if (step === 'totp' && !/^\d{6}$/.test(totpCode)) {
      setProblem({ severity: 'error', text: translate('app.login.code_required') });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await login({ username: username.trim(), password, totpCode: step === 'totp' ? totpCode : undefined });
    } catch (error) {
      const e = error instanceof LoginError ? error : new LoginError('UNKNOWN', translate('app.login.failed'), 0);
      // The message is the API's Chinese text, or an i18n key where the console words it (network, unknown).
      const message = e.message ? translate(e.message, { _: e.message }) : '';
      switch (e.code) {
        case 'AUTH_TOTP_REQUIRED':
          setStep('totp');
          setTotpCode('');
          setProblem({ severity: 'info', text: message || translate('app.login.code_prompt') });
          break;
        case 'AUTH_TOTP_INVALID':
          setTotpCode('');
          setProblem({ severity: 'error', text: message || translate('app.login.code_wrong') });
          break;
        case 'AUTH_ACCOUNT_LOCKED':
        case 'AUTH_TOO_MANY_FAILURES_FROM_ADDRESS':
          setProblem({ severity: 'warning', text: message || translate('app.login.locked') });
          break;
        default:
          setProblem({ severity: 'error', text: message || translate('app.login.failed') });
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
        {translate('app.title')}
      </Typography>
      <Typography sx={{ color: 'rgba(255,255,255,0.85)', mb: 3 }}>{translate('app.login.subtitle')}</Typography>
      <Card sx={{ width: '100%', maxWidth: 400 }} elevation={6}>
        <CardContent sx={{ p: 4 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
            <VerifiedUserOutlinedIcon color="primary" />
            <Typography variant="h6">
              {translate(step === 'password' ? 'app.login.title' : 'app.login.totp_title')}
            </Typography>
          </Stack>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack spacing={2}>
              {problem && (
                <Alert severity={problem.severity} role="alert" data-testid="login-message">
                  {problem.text}
                </Alert>
              )}
              {step === 'password' ? (
                <>
                  <TextField
                    label={translate('ra.auth.username')}
                    name="username"
                    value={username}
                    onChange={(e) => setUsername(e.target.value)}
                    autoComplete="username"
                    autoFocus
                    fullWidth
                    disabled={busy}
                  />
                  <TextField
                    label={translate('ra.auth.password')}
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
                    {translate('app.login.totp_intro_before')}
                    <strong>{username}</strong>
                    {translate('app.login.totp_intro_after')}
                  </Typography>
                  <TextField
                    label={translate('app.login.code')}
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
                {translate(step === 'password' ? 'ra.auth.sign_in' : 'app.login.verify')}
              </Button>
              {step === 'totp' && (
                <Link component="button" type="button" onClick={back} underline="hover" sx={{ alignSelf: 'center' }}>
                  {translate('app.login.back')}
                </Link>
              )}
            </Stack>
          </form>
        </CardContent>
      </Card>
      <Typography variant="caption" color="text.secondary" sx={{ mt: 3, textAlign: 'center' }}>
        {translate('app.login.notice')}
      </Typography>
    </Box>
  );
};
