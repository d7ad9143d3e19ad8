import { Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled white panel: every page of the site is made of these. */
export function PageSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2.5 } }} data-testid={testId}>
      <Typography variant="h6" component="h2" sx={{ mb: 1.5, fontSize: { xs: 17, sm: 20 } }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
