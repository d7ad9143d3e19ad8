import { Alert, Typography } from '@mui/material';
import { errorMessage, LookupApiError } from '../api';

/** A failed call's Chinese message as the API wrote it, with the 公告 when the answer carries one. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const announcement = error instanceof LookupApiError ? error.announcement : undefined;
  return (
    <Alert severity="error" data-testid="api-error">
      {errorMessage(error)}
      {announcement && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          公告：{announcement}
        </Typography>
      )}
    </Alert>
  );
}
