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
  const [mode, setMode] = useState<ReturnMode>(selectedIds.length > 0 ? initialMode : 'whole');
  const [reason, setReason] = useState('');
  const [recordReasons, setRecordReasons] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const { mutate, isPending } = useBatchCommand<BatchView & { childBatchId?: number }>('return', {
    success: (reply) =>
      reply.childBatchId
        ? `已退回 ${selectedIds.length} 条记录，转入新批次 #${reply.childBatchId}；其余记录继续审核`
        : `批次 #${batch.id} 已整批退回`,
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
      <DialogTitle>退回批次 #{batch.id}</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          退回后，评价机构须在更正期限内更正并重新提交。退回原因将记入办理记录。
        </Alert>
        <RadioGroup value={mode} onChange={(event) => setMode(event.target.value as ReturnMode)} sx={{ mb: 1 }}>
          <FormControlLabel value="whole" control={<Radio />} label={`整批退回（${batch.recordCount} 条记录）`} />
          <FormControlLabel
            value="records"
            control={<Radio />}
            disabled={selectedIds.length === 0}
            label={
              selectedIds.length > 0
                ? `只退回所选的 ${selectedIds.length} 条记录（转入新批次，其余记录继续审核）`
                : '只退回部分记录（请先在“证书记录”中勾选）'
            }
          />
        </RadioGroup>
        <TextField
          label="退回原因"
          required
          multiline
          minRows={2}
          fullWidth
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 1000 } }}
          helperText={mode === 'records' ? '下列每条记录的原因默认与此相同，可逐条修改' : undefined}
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
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isPending}>
          取消
        </Button>
        <Button variant="contained" color="warning" startIcon={<UndoIcon />} onClick={submit} disabled={isPending}>
          {mode === 'records' ? '退回所选记录' : '整批退回'}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
