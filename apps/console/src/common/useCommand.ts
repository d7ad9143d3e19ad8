import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh, type Identifier } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';

interface CommandOptions<T> {
  /** What to tell the user on success (an i18n key or a translated text). */
  success?: (reply: T) => string;
  onSuccess?: (reply: T) => void;
  /**
   * i18n key said when someone else acted first (any 409: a stale version or an already decided task), worded for a
   * page that has just refreshed; without it, the API's Chinese text.
   */
  staleMessage?: string;
  /** Someone else acted first (409): the page has refreshed; close what was open. */
  onStale?: () => void;
}

/**
 * `POST /api/admin/<resource>/:id/<action>` (STYLE.md 9), then a refetch. A 409 means someone else acted first:
 * say so in Chinese and show the record as it now is. Other refusals (422) keep the dialog open with the API's text.
 */
export function useCommand<T = unknown>(resource: string, action: string, options: CommandOptions<T> = {}) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: Identifier; body: object }) => dataProvider.command<T>(resource, id, action, body),
    onSuccess: (reply) => {
      const text = options.success?.(reply);
      if (text) notify(text, { type: 'success' });
      refresh();
      options.onSuccess?.(reply);
    },
    onError: (error: Error & { status?: number }) => {
      if (error.status === 409) {
        notify(options.staleMessage ?? error.message, { type: 'warning' });
        refresh();
        options.onStale?.();
        return;
      }
      notify(error.message, { type: 'error' });
    },
  });
}
