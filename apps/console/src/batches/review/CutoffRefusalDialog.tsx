import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { LateRecordsTable } from './LateRecordsTable';
import type { LateRecordsBody } from '@app/contracts';
import { useTranslate } from 'react-admin';

/** records past issue date + 6 months stop the submission until the provincial centre grants an exemption. */
export const CutoffRefusalDialog = ({ refusal, onClose }: { refusal: LateRecordsBody; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{translate('app.review.cutoff.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="error" sx={{ mb: 2 }}>
          {refusal.message}
        </Alert>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.review.cutoff.explanation')}
        </Typography>
        <LateRecordsTable records={refusal.records} count={refusal.count} dueLabel="app.review.cutoff.due_label" />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained">
          {translate('app.common.got_it')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
