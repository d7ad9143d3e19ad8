import SearchIcon from '@mui/icons-material/Search';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { LOOKUP_KINDS, oldModeOpen } from '@app/domain';
import { useModes } from '../hooks';
import { KIND_SYSTEMS, MINE_TITLES } from '../labels';
import { useLookupSession } from '../session';

function EntryBox({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2.5, bgcolor: '#eaf2fd', display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1.5 }}
    >
      <SearchIcon color="primary" sx={{ fontSize: 40 }} />
      <Typography sx={{ fontWeight: 600, textAlign: 'center' }}>{title}</Typography>
      <Stack direction="row" spacing={1}>
        {children}
      </Stack>
    </Paper>
  );
}

const grid = {
  display: 'grid',
  gap: 2,
  gridTemplateColumns: { xs: '1fr', sm: 'repeat(auto-fit, minmax(240px, 1fr))' },
};

/**
 * Seed 000's entry page: before login the two national lookup systems with 新版查询 / 旧版查询; after login a
 * person's three quick boxes or a legal entity's two.
 */
export function HomePage() {
  const session = useLookupSession();
  const modes = useModes();
  if (session?.account.type === 'person') {
    return (
      <Box sx={grid} data-testid="home-person">
        <EntryBox title={MINE_TITLES.qualification}>
          <Button variant="contained" component={RouterLink} to="/mine/qualification">
            查询
          </Button>
        </EntryBox>
        <EntryBox title={MINE_TITLES.skill_level}>
          <Button variant="contained" component={RouterLink} to="/mine/skill_level">
            查询
          </Button>
        </EntryBox>
        <EntryBox title="查询他人证书">
          <Button variant="contained" component={RouterLink} to="/others">
            查询
          </Button>
        </EntryBox>
      </Box>
    );
  }
  if (session?.account.type === 'legal_entity') {
    return (
      <Box sx={grid} data-testid="home-legal-entity">
        {LOOKUP_KINDS.map((kind) => (
          <EntryBox key={kind} title={KIND_SYSTEMS[kind]}>
            <Button variant="contained" component={RouterLink} to={`/others/${kind}`}>
              查询
            </Button>
          </EntryBox>
        ))}
      </Box>
    );
  }
  return (
    <Stack spacing={2}>
      <Box sx={grid} data-testid="home-public">
        {LOOKUP_KINDS.map((kind) => {
          const mode = modes.data?.kinds.find((k) => k.kind === kind)?.mode;
          return (
            <EntryBox key={kind} title={KIND_SYSTEMS[kind]}>
              <Button variant="contained" component={RouterLink} to="/login">
                新版查询
              </Button>
              <Button
                variant="outlined"
                component={RouterLink}
                to="/old"
                disabled={mode !== undefined && !oldModeOpen(mode)}
              >
                旧版查询
              </Button>
            </EntryBox>
          );
        })}
      </Box>
      <Typography variant="body2" color="text.secondary">
        新版查询需实名注册并登录（个人用户、法人用户）：个人用户可查询本人名下全部证书并生成授权码；查询他人证书需同时输入姓名、证件号码、证书编号三项信息，结果脱敏显示；凭授权码可查询他人证书完整信息。
      </Typography>
    </Stack>
  );
}
