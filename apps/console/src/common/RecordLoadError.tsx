import { Alert, Box } from '@mui/material';
import { useEditContext, useShowContext, useTranslate } from 'react-admin';

/**
 * Shown in place of a record that did not load. The API answers 404 for records outside the
 * caller's jurisdiction too (R-3: no existence leak), so a 404 reads "not found, or not yours".
 * Use with `redirectOnError={false}` so react-admin stays on the page instead of going to the list.
 */
const RecordLoadErrorPanel = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  const status = (error as { status?: number } | null)?.status;
  const text =
    status === 404 || status === 403
      ? translate('app.errors.not_found_or_outside')
      : translate((error as Error | null)?.message || 'ra.notification.http_error', {
          _: translate('app.common.load_failed'),
        });
  return (
    <Box sx={{ p: 2 }}>
      <Alert severity="warning" data-testid="record-load-error">
        {text}
      </Alert>
    </Box>
  );
};

export const ShowLoadError = () => <RecordLoadErrorPanel error={useShowContext().error} />;
export const EditLoadError = () => <RecordLoadErrorPanel error={useEditContext().error} />;
