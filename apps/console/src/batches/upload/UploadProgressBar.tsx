import { Box, LinearProgress, Typography } from '@mui/material';
import type { SheetUploadState } from './useSheetUpload';

/** Real upload progress, then an indeterminate bar while the server validates the sheet. */
export const UploadProgressBar = ({ state }: { state: SheetUploadState }) => {
  if (state.phase !== 'uploading' && state.phase !== 'validating') return null;
  const uploading = state.phase === 'uploading';
  const percent = uploading ? state.percent : null;
  return (
    <Box sx={{ my: 2 }} data-testid="upload-progress">
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {uploading ? `正在上传…${percent != null ? ` ${percent}%` : ''}` : '正在校验…（逐行检查证件号码、职业范围、证书编号等，大文件需要一些时间）'}
      </Typography>
      <LinearProgress
        variant={percent != null ? 'determinate' : 'indeterminate'}
        value={percent ?? undefined}
        aria-label={uploading ? '上传进度' : '正在校验'}
      />
    </Box>
  );
};
