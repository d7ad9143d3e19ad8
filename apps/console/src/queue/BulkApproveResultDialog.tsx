import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import type { BulkApproveReply } from '@app/contracts';
import { Translate } from 'react-admin';

/** What a 批量通过 did, batch by batch: one failure does not undo the others. */
export const BulkApproveResultDialog = ({ reply, onClose }: { reply: BulkApproveReply; onClose: () => void }) => (
  <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
    <DialogTitle>
      <Translate i18nKey="app.queue.bulk.result_title" />
    </DialogTitle>
    <DialogContent>
      <Alert severity={reply.failed > 0 ? 'warning' : 'success'} sx={{ mb: 1 }} data-testid="bulk-approve-summary">
        <Translate i18nKey="app.queue.bulk.approved" options={{ approved: reply.approved }} />
        {reply.failed > 0 ? <Translate i18nKey="app.queue.bulk.failed" options={{ failed: reply.failed }} /> : ''}
        <Translate i18nKey="app.common.full_stop" />
      </Alert>
      <List dense>
        {reply.results
          .filter((result) => !result.ok)
          .map((result) => (
            <ListItem key={result.id} disableGutters>
              <ListItemText
                primary={<Translate i18nKey="app.batches.batch_number" options={{ id: result.id }} />}
                secondary={result.message ?? <Translate i18nKey="app.queue.bulk.not_approved" />}
              />
            </ListItem>
          ))}
      </List>
    </DialogContent>
    <DialogActions>
      <Button variant="contained" onClick={onClose}>
        <Translate i18nKey="app.common.got_it" />
      </Button>
    </DialogActions>
  </Dialog>
);
