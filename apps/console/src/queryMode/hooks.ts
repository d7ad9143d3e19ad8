import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import type { LookupKind, QueryModeUpdate } from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';

// Both the schedules and their history live under this key: a saved change refreshes both.
const KEY = 'query-mode';

export function useQueryModes() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({ queryKey: [KEY, 'schedules'], queryFn: () => dataProvider.getQueryModes() });
}

/** The server's Beijing day (APP_TODAY in demos), so the console agrees with the API on what "today" is. */
export function useServerToday(): string | undefined {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data } = useQuery({ queryKey: [KEY, 'public'], queryFn: () => dataProvider.getLookupModes() });
  return data?.today;
}

export function useQueryModeHistory() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({ queryKey: [KEY, 'history'], queryFn: () => dataProvider.getQueryModeHistory() });
}

/** PUT with the version read; the API's Chinese message (gap, stale version, reason) is shown as it is. */
export function useUpdateQueryMode(kind: LookupKind, onDone: () => void) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (update: QueryModeUpdate) => dataProvider.updateQueryMode(kind, update),
    onSuccess: () => {
      notify('app.queryMode.saved', { type: 'success' });
      onDone();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}
