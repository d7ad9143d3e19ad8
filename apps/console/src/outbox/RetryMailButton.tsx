import { useState } from 'react';
import ReplayIcon from '@mui/icons-material/Replay';
import { useMutation } from '@tanstack/react-query';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { OutboxMailView } from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';

/** 重新发送: puts a mail that was given up (`dead`) back in the queue; offered for dead mails only. */
export const RetryMailButton = () => {
  const mail = useRecordContext<OutboxMailView>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (id: number) => dataProvider.command('outbox', id, 'retry'),
    onSuccess: () => notify('app.outbox.retried', { type: 'success' }),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => refresh(),
  });
  if (!mail || mail.status !== 'dead') return null;
  return (
    <>
      <Button label="app.outbox.retry" onClick={() => setOpen(true)} disabled={isPending}>
        <ReplayIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="app.outbox.retry_title"
        content="app.outbox.retry_content"
        onConfirm={() => {
          setOpen(false);
          mutate(mail.id);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
