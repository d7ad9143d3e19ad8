import type { ReactNode } from 'react';
import { Alert, Button } from '@mui/material';
import { Link, useLocation } from 'react-router-dom';
import { Layout, useGetIdentity, Translate } from 'react-admin';
import { AppAppBar } from './AppAppBar';
import { AppMenu } from './AppMenu';

/** A temporary password (new account or reset) must be replaced before real work. */
const MustChangePasswordBanner = () => {
  const { identity } = useGetIdentity();
  const { pathname } = useLocation();
  if (!identity?.mustChangePassword || pathname === '/account') return null;
  return (
    <Alert
      severity="warning"
      sx={{ mt: 1 }}
      action={
        <Button component={Link} to="/account" color="inherit" size="small">
          <Translate i18nKey="app.account.change_now" />
        </Button>
      }
    >
      <Translate i18nKey="app.account.temporary_password_banner" />
    </Alert>
  );
};

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar} menu={AppMenu}>
    <MustChangePasswordBanner />
    {children}
  </Layout>
);
