import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import { ReturnRecordReasons } from './ReturnRecordReasons';
import { buildReturn, type ReturnMode } from './returnPayload';
import type { BatchView } from '@app/contracts';
import { useBatchCommand } from './useBatchCommand';
import { useTranslate } from 'react-admin';

interface Props {
  batch: BatchView;
  onClose: () => void;
  initialMode: ReturnMode;
  /** Records ticked in the batch's records list; empty where there is no list (the queue). */
  selectedIds: readonly number[];
  onReturned?: () => void;
}

/**
 * 退回: the whole batch, or the ticked records — each with its own reason — which move into a new
 * child batch while the rest stay at this stage. Mounted only while open, so every opening starts afresh.
 */
export const ReturnDialog = ({ batch, onClose, initialMode, selectedIds, onReturned }: Props) => {
  const translate = useTranslate();
  const [mode, setMode] = useState<ReturnMode>(selectedIds.length > 0 ? initialMode : 'whole');
  const [reason, setReason] = useState('');
  const [recordReasons, setRecordReasons] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const { mutate, isPending } = useBatchCommand<BatchView & { childBatchId?: number }>('return', {
    success: (reply) =>
      reply.childBatchId
        ? translate('app.review.returned_records', { count: selectedIds.length, child: reply.childBatchId })
        : translate('app.review.returned_whole', { id: batch.id }),
    onSuccess: () => {
      onReturned?.();
      onClose();
    },
    onStale: onClose,
  });

  const submit = () => {
    const result = buildReturn({ version: batch.version, reason, mode, recordIds: selectedIds, recordReasons });
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    mutate({ id: batch.id, body: result.body });
  };

  return (
    <Dialog open onClose={isPending ? undefined : onClose} maxWidth="md" fullWidth>
      <DialogTitle>{translate('app.review.return_title', { id: batch.id })}</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.review.return_explanation')}
        </Alert>
        <RadioGroup value={mode} onChange={(event) => setMode(event.target.value as ReturnMode)} sx={{ mb: 1 }}>
          <FormControlLabel
            value="whole"
            control={<Radio />}
            label={translate('app.review.return_whole_option', { count: batch.recordCount })}
          />
          <FormControlLabel
            value="records"
            control={<Radio />}
            disabled={selectedIds.length === 0}
            label={
              selectedIds.length > 0
                ? translate('app.review.return_selected_option', { count: selectedIds.length })
                : translate('app.review.return_some_option')
            }
          />
        </RadioGroup>
        <TextField
          label={translate('resources.certificates.fields.returnReason')}
          required
          multiline
          minRows={2}
          fullWidth
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 1000 } }}
          helperText={mode === 'records' ? translate('app.review.record_reasons_help') : undefined}
          sx={{ mb: 2 }}
        />
        {mode === 'records' && (
          <ReturnRecordReasons
            ids={selectedIds}
            batchReason={reason}
            reasons={recordReasons}
            onChange={(id, value) => setRecordReasons((current) => ({ ...current, [id]: value }))}
          />
        )}
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {translate(problem)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isPending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color="warning" startIcon={<UndoIcon />} onClick={submit} disabled={isPending}>
          {translate(mode === 'records' ? 'app.review.return_selected' : 'app.review.whole_return')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
