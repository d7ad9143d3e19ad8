import { Box, LinearProgress, Typography } from '@mui/material';
import type { SheetUploadState } from './useSheetUpload';
import { useTranslate } from 'react-admin';

/** Real upload progress, then an indeterminate bar while the server validates the sheet. */
export const UploadProgressBar = ({ state }: { state: SheetUploadState }) => {
  const translate = useTranslate();
  if (state.phase !== 'uploading' && state.phase !== 'validating') return null;
  const uploading = state.phase === 'uploading';
  const percent = uploading ? state.percent : null;
  return (
    <Box sx={{ my: 2 }} data-testid="upload-progress">
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {uploading
          ? translate('app.upload.uploading', { percent: percent != null ? ` ${percent}%` : '' })
          : translate('app.upload.validating')}
      </Typography>
      <LinearProgress
        variant={percent != null ? 'determinate' : 'indeterminate'}
        value={percent ?? undefined}
        aria-label={translate(uploading ? 'app.upload.progress' : 'app.upload.validating_short')}
      />
    </Box>
  );
};
