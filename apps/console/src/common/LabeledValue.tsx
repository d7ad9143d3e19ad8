import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A read-only value under a small label, like react-admin's <Labeled> but for any content. */
export const LabeledValue = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
        {translate(label, { _: label })}
      </Typography>
      <Typography variant="body2" component="div">
        {children === '' || children == null ? '—' : children}
      </Typography>
    </Box>
  );
};
