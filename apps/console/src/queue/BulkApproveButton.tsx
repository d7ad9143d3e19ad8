import { useState } from 'react';
import { Alert } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  maxLength,
  TextInput,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  Translate,
} from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import type { BatchView, BulkApproveReply } from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { BulkApproveResultDialog } from './BulkApproveResultDialog';

/**
 * 批量通过 for many small batches (STYLE.md 9: `POST batches/bulk-approve`). Each batch is approved at the
 * version the reviewer saw; the API reports every failure separately.
 */
export const BulkApproveButton = () => {
  const translate = useTranslate();
  const { selectedIds, data, onUnselectItems } = useListContext<BatchView>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [reply, setReply] = useState<BulkApproveReply | null>(null);

  const { mutate, isPending } = useMutation({
    mutationFn: async (comment: string) => {
      const seen = new Map((data ?? []).map((batch) => [batch.id, batch.version]));
      const unseen = selectedIds.filter((id) => !seen.has(Number(id)));
      if (unseen.length > 0) {
        const { data: others } = await dataProvider.getMany<BatchView>('batches', { ids: unseen });
        for (const batch of others) seen.set(batch.id, batch.version);
      }
      const items = selectedIds.map((id) => ({ id: Number(id), version: seen.get(Number(id)) ?? 0 }));
      return dataProvider.bulkApproveBatches(items, comment || undefined);
    },
    onSuccess: (result) => {
      setConfirming(false);
      onUnselectItems();
      refresh();
      if (result.failed > 0) setReply(result);
      else notify('app.queue.bulk.done', { type: 'success', messageArgs: { approved: result.approved } });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  return (
    <>
      <Button label="app.queue.bulk.button" color="success" onClick={() => setConfirming(true)}>
        <DoneAllIcon />
      </Button>
      <FormDialog
        open={confirming}
        title={translate('app.queue.bulk.title', { count: selectedIds.length })}
        submitLabel="app.queue.bulk.submit"
        submitIcon={<DoneAllIcon />}
        pending={isPending}
        onSubmit={(values) => mutate(typeof values.comment === 'string' ? values.comment.trim() : '')}
        onClose={() => setConfirming(false)}
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          <Translate i18nKey="app.queue.bulk.explanation" />
        </Alert>
        <TextInput source="comment" label="app.queue.bulk.comment" multiline fullWidth validate={maxLength(1000)} />
      </FormDialog>
      {reply && <BulkApproveResultDialog reply={reply} onClose={() => setReply(null)} />}
    </>
  );
};
