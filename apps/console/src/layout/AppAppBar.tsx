import { forwardRef } from 'react';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import SecurityIcon from '@mui/icons-material/Security';
import { Link } from 'react-router-dom';
import {
  AppBar,
  LoadingIndicator,
  Logout,
  TitlePortal,
  useGetIdentity,
  UserMenu,
  useUserMenu,
  Translate,
} from 'react-admin';
import { ORGANISATION_LEVEL_LABELS, type OrganisationLevel } from '@app/domain';

const AccountMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to="/account" ref={ref} {...props} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <SecurityIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>
        <Translate i18nKey="app.menu.account" />
      </ListItemText>
    </MenuItem>
  );
});
AccountMenuItem.displayName = 'AccountMenuItem';

/** Who is signed in, for whom: 张三 · 广州市职业技能鉴定指导中心 (市级技能中心). */
const SignedInAs = () => {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const level = ORGANISATION_LEVEL_LABELS[identity.organisationLevel as OrganisationLevel];
  return (
    <Box
      sx={{
        display: { xs: 'none', md: 'flex' },
        flexDirection: 'column',
        alignItems: 'flex-end',
        mr: 1,
        lineHeight: 1.2,
      }}
      data-testid="signed-in-as"
    >
      <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
        {identity.organisationName}
      </Typography>
      {level && (
        <Typography variant="caption" component="span" sx={{ opacity: 0.8 }}>
          {level}
        </Typography>
      )}
    </Box>
  );
};

export const AppAppBar = () => (
  <AppBar
    color="primary"
    toolbar={<LoadingIndicator />}
    userMenu={
      <UserMenu>
        <AccountMenuItem />
        <Logout />
      </UserMenu>
    }
  >
    <Typography variant="h6" component="span" noWrap sx={{ fontWeight: 600, letterSpacing: 1, mr: 2 }}>
      <Translate i18nKey="app.title" />{' '}
    </Typography>
    <TitlePortal sx={{ opacity: 0.85, fontSize: '1rem' }} />
    <SignedInAs />
  </AppBar>
);
