import { Alert } from '@mui/material';
import { ImportErrorsPanel } from './ImportErrorsPanel';
import { UploadProgressBar } from './UploadProgressBar';
import type { SheetUploadState } from './useSheetUpload';

/** Progress while an upload runs, then why it was refused. */
export const UploadOutcome = ({ state }: { state: SheetUploadState }) => {
  if (state.phase === 'refused') return <ImportErrorsPanel failure={state.failure} />;
  if (state.phase === 'failed') {
    return (
      <Alert severity="error" sx={{ mt: 2 }} data-testid="upload-failed">
        {state.message}
      </Alert>
    );
  }
  return <UploadProgressBar state={state} />;
};
