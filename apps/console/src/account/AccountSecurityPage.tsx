import { useState } from 'react';
import { Alert, Box, Button as MuiButton, Card, CardContent, CardHeader, Chip, Grid, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
  Form,
  PasswordInput,
  regex,
  required,
  SaveButton,
  TextInput,
  Title,
  useDataProvider,
  useGetIdentity,
  useNotify,
  type Validator,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { checkPasswordPolicy, ORGANISATION_LEVEL_LABELS, type OrganisationLevel } from '@app/domain';
import { roleLabel } from '../common/fields';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { TotpSetup } from '@app/contracts';

const sixDigits = regex(/^\d{6}$/, '请输入验证器应用显示的6位数字');

const passwordPolicy: Validator = (value: string | undefined, allValues) => {
  if (!value) return undefined;
  const problems = checkPasswordPolicy(value, { username: allValues.username });
  if (problems.length > 0) return problems.join('；');
  return value === allValues.currentPassword ? '新密码不能与当前密码相同' : undefined;
};

const samePassword: Validator = (value: string | undefined, allValues) =>
  value !== allValues.newPassword ? '两次输入的新密码不一致' : undefined;

function useAccountMutation<V, R = unknown>(run: (dataProvider: ConsoleDataProvider, values: V) => Promise<R>) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  return useMutation({
    mutationFn: (values: V) => run(dataProvider, values),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
}

const ChangePasswordCard = ({ username, onChanged }: { username: string; onChanged: () => void }) => {
  const notify = useNotify();
  const [done, setDone] = useState(0);
  const { mutate, isPending } = useAccountMutation(
    (dp, v: { currentPassword: string; newPassword: string }) => dp.changePassword(v),
  );
  return (
    <Card>
      <CardHeader title="修改密码" subheader="至少8位，含大写字母、小写字母、数字、符号中的三类，不得包含用户名" />
      <CardContent>
        {/* A new key after success remounts the form empty: a password never stays on screen. */}
        <Form
          key={done}
          defaultValues={{ username }}
          onSubmit={(values: FieldValues) =>
            mutate(
              { currentPassword: values.currentPassword, newPassword: values.newPassword },
              {
                onSuccess: () => {
                  notify('密码已修改', { type: 'success' });
                  setDone((n) => n + 1);
                  onChanged();
                },
              },
            )
          }
        >
          <Stack sx={{ maxWidth: 360 }}>
            <PasswordInput source="currentPassword" label="当前密码" validate={required()} autoComplete="current-password" />
            <PasswordInput
              source="newPassword"
              label="新密码"
              validate={[required(), passwordPolicy]}
              autoComplete="new-password"
            />
            <PasswordInput
              source="newPasswordConfirm"
              label="确认新密码"
              validate={[required(), samePassword]}
              autoComplete="new-password"
            />
            <Box>
              <SaveButton label="修改密码" disabled={isPending} alwaysEnable={!isPending} />
            </Box>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};

const groupSecret = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

const TotpCard = ({ enabled, onChanged }: { enabled: boolean; onChanged: () => void }) => {
  const notify = useNotify();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const start = useAccountMutation((dp, _: void) => dp.setupTotp());
  const enable = useAccountMutation((dp, code: string) => dp.enableTotp(code));
  const disable = useAccountMutation((dp, code: string) => dp.disableTotp(code));

  let body: React.ReactNode;
  if (enabled) {
    body = (
      <>
        <Typography gutterBottom>登录时除密码外，还须输入验证器应用生成的6位动态码。</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          如需停用，请输入当前动态码确认。
        </Typography>
        <Form
          onSubmit={(values: FieldValues) =>
            disable.mutate(values.code, {
              onSuccess: () => {
                notify('两步验证已停用', { type: 'success' });
                onChanged();
              },
            })
          }
        >
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextInput source="code" label="动态码" validate={[required(), sixDigits]} autoComplete="one-time-code" />
            <SaveButton
              label="停用两步验证"
              color="error"
              icon={<span />}
              alwaysEnable={!disable.isPending}
              sx={{ whiteSpace: 'nowrap', mt: 1 }}
            />
          </Stack>
        </Form>
      </>
    );
  } else if (setup) {
    body = (
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, sm: 'auto' }}>
          <Box component="img" src={setup.qrDataUrl} alt="两步验证二维码" width={200} height={200} data-testid="totp-qr" />
        </Grid>
        <Grid size={{ xs: 12, sm: 'grow' }}>
          <Typography gutterBottom>
            1. 用验证器应用（如 FreeOTP、Google Authenticator、Microsoft Authenticator）扫描左侧二维码；
            无法扫码时手动输入密钥：
          </Typography>
          <Typography component="code" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', userSelect: 'all' }}>
            {groupSecret(setup.secret)}
          </Typography>
          <Typography sx={{ mt: 2 }} gutterBottom>
            2. 输入应用显示的6位动态码，完成启用：
          </Typography>
          <Form
            onSubmit={(values: FieldValues) =>
              enable.mutate(values.code, {
                onSuccess: () => {
                  notify('两步验证已启用', { type: 'success' });
                  setSetup(null);
                  onChanged();
                },
              })
            }
          >
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <TextInput source="code" label="动态码" validate={[required(), sixDigits]} autoComplete="one-time-code" />
              <SaveButton
                label="确认启用"
                icon={<span />}
                alwaysEnable={!enable.isPending}
                sx={{ whiteSpace: 'nowrap', mt: 1 }}
              />
              <MuiButton onClick={() => setSetup(null)} sx={{ whiteSpace: 'nowrap', mt: 1 }}>
                取消
              </MuiButton>
            </Stack>
          </Form>
        </Grid>
      </Grid>
    );
  } else {
    body = (
      <>
        <Typography gutterBottom>
          启用后，登录时除密码外还须输入手机验证器应用生成的动态码。部中心和省级管理员账号应当启用。
        </Typography>
        <MuiButton
          variant="contained"
          disabled={start.isPending}
          onClick={() => start.mutate(undefined, { onSuccess: setSetup })}
        >
          启用两步验证
        </MuiButton>
      </>
    );
  }

  return (
    <Card>
      <CardHeader
        title={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <span>两步验证</span>
            <Chip size="small" color={enabled ? 'success' : 'default'} label={enabled ? '已启用' : '未启用'} />
          </Stack>
        }
      />
      <CardContent>{body}</CardContent>
    </Card>
  );
};

/** 账号安全: who I am, change password, enable/disable the TOTP second factor. */
export const AccountSecurityPage = () => {
  const { identity, refetch } = useGetIdentity();
  if (!identity) return null;
  const refresh = () => void refetch();
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="账号安全" />
      {identity.mustChangePassword && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          您正在使用临时密码，请立即修改密码。
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={12}>
          <Card>
            <CardHeader title="账号信息" />
            <CardContent>
              <Grid container spacing={2}>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <Typography color="text.secondary">用户名</Typography>
                  <Typography>{identity.username}</Typography>
                </Grid>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <Typography color="text.secondary">姓名</Typography>
                  <Typography>{identity.fullName}</Typography>
                </Grid>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <Typography color="text.secondary">所属机构</Typography>
                  <Typography>
                    {identity.organisationName}（
                    {ORGANISATION_LEVEL_LABELS[identity.organisationLevel as OrganisationLevel] ?? ''}）
                  </Typography>
                </Grid>
                <Grid size={12}>
                  <Typography color="text.secondary">角色</Typography>
                  <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
                    {(identity.roles as string[]).map((role) => (
                      <Chip key={role} size="small" label={roleLabel(role)} />
                    ))}
                  </Stack>
                </Grid>
              </Grid>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <ChangePasswordCard username={identity.username as string} onChanged={refresh} />
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <TotpCard enabled={!!identity.totpEnabled} onChanged={refresh} />
        </Grid>
      </Grid>
    </Box>
  );
};
