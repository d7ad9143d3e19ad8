import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { LOOKUP_KIND_LABELS, QUERY_MODE_LABELS } from '@app/contracts';
import { useModes } from '../hooks';
import { modeSentence } from '../rules';

/** The mode of each kind today and the 公告 from `GET /api/lookup/modes`, above every page. */
export function ModeBanner() {
  const modes = useModes();
  const [expanded, setExpanded] = useState(false);
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
          <Typography
            key={text}
            variant="body2"
            color="primary"
            data-testid="announcement"
            // On a phone a long 公告 would push the forms below the fold: three lines until 展开全文.
            sx={
              expanded
                ? undefined
                : {
                    display: { xs: '-webkit-box', sm: 'block' },
                    WebkitLineClamp: 3,
                    WebkitBoxOrient: 'vertical',
                    overflow: 'hidden',
                  }
            }
          >
            公告：{text}
          </Typography>
        ))}
        {announcements.length > 0 && (
          <Box sx={{ display: { xs: 'block', sm: 'none' } }}>
            <Button size="small" sx={{ p: 0, minWidth: 0 }} onClick={() => setExpanded((e) => !e)}>
              {expanded ? '收起公告' : '展开全文'}
            </Button>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
