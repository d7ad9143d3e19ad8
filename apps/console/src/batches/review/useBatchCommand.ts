import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh, type Identifier } from 'react-admin';
import { apiErrorCode } from '../../providers/httpClient';
import type { ConsoleDataProvider } from '../../providers/dataProvider';

export type BatchCommand = 'submit' | 'approve' | 'return' | 'exemption';

interface CommandOptions<T> {
  /** What to tell the user on success. */
  success: (reply: T) => string;
  onSuccess?: (reply: T) => void;
  /** Someone else changed the batch first (409): the page refreshes; close what was open. */
  onStale?: () => void;
  /** Return true when the error is shown in place (a dialog asking for more) instead of as a notification. */
  onError?: (error: Error) => boolean;
}

/**
 * `POST /api/admin/batches/:id/<command>` (STYLE.md 9), then a refetch: every step changes the batch's version.
 * A 409 means someone else acted first: say so and show the batch as it now is.
 */
export function useBatchCommand<T = unknown>(command: BatchCommand, options: CommandOptions<T>) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: Identifier; body: object }) =>
      dataProvider.command<T>('batches', id, command, body),
    onSuccess: (reply) => {
      notify(options.success(reply), { type: 'success' });
      refresh();
      options.onSuccess?.(reply);
    },
    onError: (error: Error) => {
      if (apiErrorCode(error) === 'STALE_VERSION') {
        notify('app.errors.stale_batch', { type: 'warning' });
        refresh();
        options.onStale?.();
        return;
      }
      if (options.onError?.(error)) return;
      notify(error.message, { type: 'error' });
    },
  });
}
