import { Alert, Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { LOOKUP_KIND_LABELS, QUERY_MODE_LABELS, type LookupModesView } from '@app/contracts';
import { formatCalendarDay } from '../../common/dates';
import { useModes } from '../hooks';

type KindMode = LookupModesView['kinds'][number];

/** One kind's state today in words: which side is open and until or from when. */
export function modeSentence(k: KindMode): string {
  const start = formatCalendarDay(k.newModeStart);
  const last = formatCalendarDay(k.oldModeLastDay);
  switch (k.mode) {
    case 'old':
      return `目前使用旧版查询；新版实名查询自${start}起上线。`;
    case 'both':
      return `新版与旧版查询并行，旧版查询开放至${last}（含），此后统一使用新版查询。`;
    case 'new':
      return `旧版查询已于${last}后停用，请登录后使用新版查询。`;
  }
}

/** The mode of each kind today and the 公告 from `GET /api/lookup/modes`, above every page. */
export function ModeBanner() {
  const modes = useModes();
  if (modes.isError) {
    return <Alert severity="warning">暂时无法获取查询方式信息，请稍后刷新页面。</Alert>;
  }
  if (!modes.data) return null;
  // Both kinds usually carry the same 公告: show each distinct text once.
  const announcements = [...new Set(modes.data.kinds.map((k) => k.announcement.trim()).filter(Boolean))];
  return (
    <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }} data-testid="mode-banner">
      <Stack spacing={1}>
        {modes.data.kinds.map((k) => (
          <Box
            key={k.kind}
            sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}
            data-testid={`mode-${k.kind}`}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {LOOKUP_KIND_LABELS[k.kind]}
            </Typography>
            <Chip size="small" color={k.mode === 'new' ? 'primary' : 'default'} label={QUERY_MODE_LABELS[k.mode]} />
            <Typography variant="body2" color="text.secondary">
              {modeSentence(k)}
            </Typography>
          </Box>
        ))}
        {announcements.map((text) => (
          <Typography key={text} variant="body2" color="primary" data-testid="announcement">
            公告：{text}
          </Typography>
        ))}
      </Stack>
    </Paper>
  );
}
