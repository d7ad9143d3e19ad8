import { useState } from 'react';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Confirm, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { JOB_OUTCOME_LABELS, type JobRunView } from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';

/**
 * 立即运行 after a confirmation. The API answers when the run ends; while the lease is held elsewhere it answers
 * 409 JOB_RUNNING, whose Chinese message is shown as it is.
 */
export const RunJobButton = ({ name, label = name }: { name: string; label?: string }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.runJob(name),
    onSuccess: (run: JobRunView) => {
      notify('app.jobs.run_done', {
        type: run.outcome === 'failed' ? 'error' : 'success',
        messageArgs: { name: label, outcome: run.outcome ? JOB_OUTCOME_LABELS[run.outcome] : '' },
      });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      refresh();
    },
  });
  return (
    <>
      <Button
        label={isPending ? 'app.jobs.running' : 'app.jobs.run_now'}
        onClick={() => setOpen(true)}
        disabled={isPending}
        data-testid={`run-job-${name}`}
      >
        <PlayArrowIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="app.jobs.run_title"
        content="app.jobs.run_content"
        translateOptions={{ name: label }}
        onConfirm={() => {
          setOpen(false);
          mutate();
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
