import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import type { BulkApproveReply } from '@app/contracts';

/** What a 批量通过 did, batch by batch: one failure does not undo the others. */
export const BulkApproveResultDialog = ({ reply, onClose }: { reply: BulkApproveReply; onClose: () => void }) => (
  <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
    <DialogTitle>批量通过结果</DialogTitle>
    <DialogContent>
      <Alert severity={reply.failed > 0 ? 'warning' : 'success'} sx={{ mb: 1 }} data-testid="bulk-approve-summary">
        已通过 {reply.approved} 批{reply.failed > 0 ? `，${reply.failed} 批未通过` : ''}。
      </Alert>
      <List dense>
        {reply.results
          .filter((result) => !result.ok)
          .map((result) => (
            <ListItem key={result.id} disableGutters>
              <ListItemText primary={`批次 #${result.id}`} secondary={result.message ?? '未通过'} />
            </ListItem>
          ))}
      </List>
    </DialogContent>
    <DialogActions>
      <Button variant="contained" onClick={onClose}>
        知道了
      </Button>
    </DialogActions>
  </Dialog>
);
