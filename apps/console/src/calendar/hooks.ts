import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, usePermissions } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import type { DeadlineQuery } from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';

// Every calendar query lives under this key, so one invalidation after a change refreshes the year views
// and any deadline computed from the old calendar.
const CALENDAR_KEY = 'calendar';

/** One year of the calendar; keeps showing the previous year while the next one loads. */
export function useCalendarYear(year: number) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: [CALENDAR_KEY, 'days', year],
    queryFn: () => dataProvider.getCalendarYear(year),
    placeholderData: keepPreviousData,
  });
}

/** The server's deadline for the submitted query; idle until there is one. */
export function useDeadline(query: DeadlineQuery | null) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: [CALENDAR_KEY, 'deadline', query],
    queryFn: () => dataProvider.computeDeadline(query!),
    enabled: query !== null,
    // A 400 (bad date, unknown rule) will not change on retry.
    retry: false,
  });
}

/** A national_admin change to the calendar: on success refetch everything calendar and say what was done. */
export function useCalendarChange<V>(
  run: (dataProvider: ConsoleDataProvider, values: V) => Promise<unknown>,
  success: (values: V) => string,
) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (values: V) => run(dataProvider, values),
    onSuccess: (result, values) => {
      void queryClient.invalidateQueries({ queryKey: [CALENDAR_KEY] });
      // R-15: the API recomputes open batches' due dates in the same change and says how many moved.
      const recomputed = (result as { recomputedDueDates?: number } | null)?.recomputedDueDates ?? 0;
      notify(recomputed > 0 ? 'app.calendar.recomputed' : success(values), {
        type: 'success',
        messageArgs: { done: success(values), count: recomputed },
      });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
}

/** Only national_admin maintains the calendar (calendar.write, as the API checks). */
export function useCanEditCalendar(): boolean {
  const { permissions } = usePermissions<Role[]>();
  return hasPermission(permissions ?? [], 'calendar.write');
}
