import { useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  Stack,
  Typography,
} from '@mui/material';
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
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { checkPasswordPolicy, ORGANISATION_LEVEL_LABELS, type OrganisationLevel } from '@app/domain';
import { roleLabel } from '../common/fields';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { TotpSetup } from '@app/contracts';

const sixDigits = regex(/^\d{6}$/, 'app.account.code_rule');

const passwordPolicy: Validator = (value: string | undefined, allValues) => {
  if (!value) return undefined;
  const problems = checkPasswordPolicy(value, { username: allValues.username });
  if (problems.length > 0) return problems.join('；');
  return value === allValues.currentPassword ? 'app.account.password.same_as_current' : undefined;
};

const samePassword: Validator = (value: string | undefined, allValues) =>
  value !== allValues.newPassword ? 'app.account.password.mismatch' : undefined;

function useAccountMutation<V, R = unknown>(run: (dataProvider: ConsoleDataProvider, values: V) => Promise<R>) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  return useMutation({
    mutationFn: (values: V) => run(dataProvider, values),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
}

const ChangePasswordCard = ({ username, onChanged }: { username: string; onChanged: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [done, setDone] = useState(0);
  const { mutate, isPending } = useAccountMutation((dp, v: { currentPassword: string; newPassword: string }) =>
    dp.changePassword(v),
  );
  return (
    <Card>
      <CardHeader title={translate('app.account.password.title')} subheader={translate('app.account.password.rule')} />
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
                  notify('app.account.password.changed', { type: 'success' });
                  setDone((n) => n + 1);
                  onChanged();
                },
              },
            )
          }
        >
          <Stack sx={{ maxWidth: 360 }}>
            <PasswordInput
              source="currentPassword"
              label="app.account.password.current"
              validate={required()}
              autoComplete="current-password"
            />
            <PasswordInput
              source="newPassword"
              label="app.account.password.new"
              validate={[required(), passwordPolicy]}
              autoComplete="new-password"
            />
            <PasswordInput
              source="newPasswordConfirm"
              label="app.account.password.confirm"
              validate={[required(), samePassword]}
              autoComplete="new-password"
            />
            <Box>
              <SaveButton label="app.account.password.title" disabled={isPending} alwaysEnable={!isPending} />
            </Box>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};

const groupSecret = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** The login password, asked before any change of the second factor (R-41); its own label, apart from 修改密码's. */
const TotpPasswordInput = () => (
  <PasswordInput
    source="currentPassword"
    label="app.account.totp.password"
    validate={required()}
    autoComplete="current-password"
  />
);

const TotpCard = ({ enabled, onChanged }: { enabled: boolean; onChanged: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  // The password typed to start enrolment is sent again to confirm it, so it is asked once; kept only until the
  // enrolment ends or is cancelled.
  const [setup, setSetup] = useState<(TotpSetup & { currentPassword: string }) | null>(null);
  const start = useAccountMutation((dp, currentPassword: string) => dp.setupTotp(currentPassword));
  const enable = useAccountMutation((dp, v: { currentPassword: string; code: string }) =>
    dp.enableTotp(v.currentPassword, v.code),
  );
  const disable = useAccountMutation((dp, v: { currentPassword: string; code: string }) =>
    dp.disableTotp(v.currentPassword, v.code),
  );

  let body: React.ReactNode;
  if (enabled) {
    body = (
      <>
        <Typography gutterBottom>{translate('app.account.totp.enabled_info')}</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.account.totp.disable_info')}
        </Typography>
        <Form
          onSubmit={(values: FieldValues) =>
            disable.mutate(
              { currentPassword: values.currentPassword, code: values.code },
              {
                onSuccess: () => {
                  notify('app.account.totp.disabled', { type: 'success' });
                  onChanged();
                },
              },
            )
          }
        >
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TotpPasswordInput />
            <TextInput
              source="code"
              label="app.login.code"
              validate={[required(), sixDigits]}
              autoComplete="one-time-code"
            />
            <SaveButton
              label="app.account.totp.disable"
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
          <Box
            component="img"
            src={setup.qrDataUrl}
            alt={translate('app.account.totp.qr')}
            width={200}
            height={200}
            data-testid="totp-qr"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 'grow' }}>
          <Typography gutterBottom>{translate('app.account.totp.step1')}</Typography>
          <Typography component="code" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', userSelect: 'all' }}>
            {groupSecret(setup.secret)}
          </Typography>
          <Typography sx={{ mt: 2 }} gutterBottom>
            {translate('app.account.totp.step2')}
          </Typography>
          <Form
            onSubmit={(values: FieldValues) =>
              enable.mutate(
                { currentPassword: setup.currentPassword, code: values.code },
                {
                  onSuccess: () => {
                    notify('app.account.totp.enabled', { type: 'success' });
                    setSetup(null);
                    onChanged();
                  },
                },
              )
            }
          >
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <TextInput
                source="code"
                label="app.login.code"
                validate={[required(), sixDigits]}
                autoComplete="one-time-code"
              />
              <SaveButton
                label="app.account.totp.confirm"
                icon={<span />}
                alwaysEnable={!enable.isPending}
                sx={{ whiteSpace: 'nowrap', mt: 1 }}
              />
              <MuiButton onClick={() => setSetup(null)} sx={{ whiteSpace: 'nowrap', mt: 1 }}>
                {translate('ra.action.cancel')}
              </MuiButton>
            </Stack>
          </Form>
        </Grid>
      </Grid>
    );
  } else {
    body = (
      <>
        <Typography gutterBottom>{translate('app.account.totp.intro')}</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.account.totp.password_info')}
        </Typography>
        <Form
          onSubmit={(values: FieldValues) => {
            const currentPassword = values.currentPassword as string;
            start.mutate(currentPassword, { onSuccess: (reply) => setSetup({ ...reply, currentPassword }) });
          }}
        >
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TotpPasswordInput />
            <SaveButton
              label="app.account.totp.enable"
              icon={<span />}
              alwaysEnable={!start.isPending}
              sx={{ whiteSpace: 'nowrap', mt: 1 }}
            />
          </Stack>
        </Form>
      </>
    );
  }

  return (
    <Card>
      <CardHeader
        title={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <span>{translate('resources.users.fields.totpEnabled')}</span>
            <Chip
              size="small"
              color={enabled ? 'success' : 'default'}
              label={translate(enabled ? 'app.users.totp.enabled' : 'app.users.totp.disabled')}
            />
          </Stack>
        }
      />
      <CardContent>{body}</CardContent>
    </Card>
  );
};

/** 账号安全: who I am, change password, enable/disable the TOTP second factor. */
export const AccountSecurityPage = () => {
  const translate = useTranslate();
  const { identity, refetch } = useGetIdentity();
  if (!identity) return null;
  const refresh = () => void refetch();
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="app.menu.account" />
      {identity.mustChangePassword && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.account.temporary_password_page')}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={12}>
          <Card>
            <CardHeader title={translate('app.account.info')} />
            <CardContent>
              <Grid container spacing={2}>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <Typography color="text.secondary">{translate('resources.users.fields.username')}</Typography>
                  <Typography>{identity.username}</Typography>
                </Grid>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <Typography color="text.secondary">{translate('resources.users.fields.displayName')}</Typography>
                  <Typography>{identity.fullName}</Typography>
                </Grid>
                <Grid size={{ xs: 12, sm: 4 }}>
                  <Typography color="text.secondary">{translate('resources.users.fields.organisationName')}</Typography>
                  <Typography>
                    {identity.organisationName}（
                    {ORGANISATION_LEVEL_LABELS[identity.organisationLevel as OrganisationLevel] ?? ''}）
                  </Typography>
                </Grid>
                <Grid size={12}>
                  <Typography color="text.secondary">{translate('resources.users.fields.roles')}</Typography>
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
