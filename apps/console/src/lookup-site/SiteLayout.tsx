import {
  Box,
  Button,
  Container,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Tab,
  Tabs,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { LookupAccountType } from '@app/contracts';
import { lookupApi } from './api';
import { ModeBanner } from './components/ModeBanner';
import { QuotaBadge } from './components/QuotaBadge';
import { MINE_TITLES, OTHERS_TITLES } from './labels';
import { lookupSession, useLookupSession } from './session';

interface MenuItem {
  label: string;
  path: string;
}

/** Seed 000's left menu: a person's four entries, a legal entity's three. */
export const MENUS: Readonly<Record<LookupAccountType, readonly MenuItem[]>> = {
  person: [
    { label: MINE_TITLES.qualification, path: '/mine/qualification' },
    { label: MINE_TITLES.skill_level, path: '/mine/skill_level' },
    { label: '查询他人证书', path: '/others' },
    { label: '授权码查询他人证书', path: '/by-code' },
  ],
  legal_entity: [
    { label: OTHERS_TITLES.qualification, path: '/others/qualification' },
    { label: OTHERS_TITLES.skill_level, path: '/others/skill_level' },
    { label: '授权码查询他人证书', path: '/by-code' },
  ],
};

const NAV: readonly MenuItem[] = [
  { label: '首页', path: '/' },
  { label: '旧版查询', path: '/old' },
  { label: '可查询时间范围', path: '/coverage' },
];

function Header() {
  const session = useLookupSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const logout = () => {
    // The server forgets the token whatever the page does next; a failure here changes nothing for the visitor.
    lookupApi.logout().catch(() => undefined);
    // Leave the account's pages first, so that they do not read the ended session as a timeout.
    navigate('/', { replace: true });
    lookupSession.clear();
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'modes' && q.queryKey[0] !== 'coverage' });
  };
  return (
    <Box component="header" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText' }}>
      <Container
        maxWidth="lg"
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 1,
          py: 1.5,
        }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
          <Box
            aria-hidden
            sx={{ px: 0.75, border: 2, borderColor: 'currentColor', borderRadius: 1, fontWeight: 700, fontSize: 14 }}
          >
            OSTA
          </Box>
          <Typography
            component={RouterLink}
            to="/"
            variant="h6"
            sx={{ color: 'inherit', textDecoration: 'none', fontSize: { xs: 16, sm: 20 }, fontWeight: 700 }}
          >
            技能人才评价证书全国联网查询
          </Typography>
        </Stack>
        {session ? (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" data-testid="welcome">
              欢迎您，{session.account.name}
            </Typography>
            <QuotaBadge />
            <Button size="small" color="inherit" variant="outlined" onClick={logout}>
              退出登录
            </Button>
          </Stack>
        ) : (
          <Stack direction="row" spacing={1}>
            <Button size="small" color="inherit" variant="outlined" component={RouterLink} to="/login">
              登录
            </Button>
            <Button size="small" color="inherit" component={RouterLink} to="/register">
              注册
            </Button>
          </Stack>
        )}
      </Container>
      <Box sx={{ bgcolor: 'secondary.main' }}>
        <Container maxWidth="lg" sx={{ display: 'flex', gap: { xs: 0.5, sm: 2 }, overflowX: 'auto' }}>
          {NAV.map((item) => (
            <Button
              key={item.path}
              component={RouterLink}
              to={item.path}
              sx={{ color: 'inherit', whiteSpace: 'nowrap', borderRadius: 0 }}
            >
              {item.label}
            </Button>
          ))}
        </Container>
      </Box>
    </Box>
  );
}

/** The logged-in account's menu: a list beside the page on a desktop, scrollable tabs above it on a phone. */
function AccountMenu({ type }: { type: LookupAccountType }) {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  const location = useLocation();
  const items = MENUS[type];
  const selected = items.find((item) => location.pathname === item.path)?.path ?? false;
  if (!wide) {
    return (
      <Paper variant="outlined" data-testid="site-menu">
        <Tabs value={selected} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile>
          {items.map((item) => (
            <Tab key={item.path} value={item.path} label={item.label} component={RouterLink} to={item.path} />
          ))}
        </Tabs>
      </Paper>
    );
  }
  return (
    <Paper variant="outlined" sx={{ width: 240, flexShrink: 0, alignSelf: 'flex-start' }} data-testid="site-menu">
      <List disablePadding>
        {items.map((item) => (
          <ListItemButton key={item.path} component={RouterLink} to={item.path} selected={selected === item.path}>
            <ListItemText primary={item.label} />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}

export function SiteLayout() {
  const session = useLookupSession();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Header />
      <Container maxWidth="lg" component="main" sx={{ flex: 1, py: { xs: 1.5, sm: 3 } }}>
        <Stack spacing={2}>
          <ModeBanner />
          <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 2 }}>
            {session && <AccountMenu type={session.account.type} />}
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Outlet />
            </Box>
          </Box>
        </Stack>
      </Container>
      <Box component="footer" sx={{ py: 2, textAlign: 'center', color: 'text.secondary', fontSize: 12, px: 2 }}>
        政策指导单位：人力资源和社会保障部职业技能鉴定中心 · 建设运营单位：中国就业培训技术指导中心
      </Box>
    </Box>
  );
}
