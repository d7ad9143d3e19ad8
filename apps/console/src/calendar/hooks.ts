import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLogoutIfAccessDenied, useNotify, usePermissions } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import { calendarApi } from './api';
import type { DeadlineQuery } from '@app/contracts';

// Every calendar query lives under this key, so one invalidation after a change refreshes the year views
// and any deadline computed from the old calendar.
const CALENDAR_KEY = 'calendar';

/**
 * These calls bypass the data provider, so they do what its wrapper does: an error about the session
 * (401, e.g. 30 idle minutes) goes to authProvider.checkError and logs out; other errors pass through.
 */
function useSessionAware() {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return <T>(call: () => Promise<T>) =>
    call().catch(async (error: unknown) => {
      await logoutIfAccessDenied(error);
      throw error;
    });
}

/** One year of the calendar; keeps showing the previous year while the next one loads. */
export function useCalendarYear(year: number) {
  const sessionAware = useSessionAware();
  return useQuery({
    queryKey: [CALENDAR_KEY, 'days', year],
    queryFn: () => sessionAware(() => calendarApi.year(year)),
    placeholderData: keepPreviousData,
  });
}

/** The server's deadline for the submitted query; idle until there is one. */
export function useDeadline(query: DeadlineQuery | null) {
  const sessionAware = useSessionAware();
  return useQuery({
    queryKey: [CALENDAR_KEY, 'deadline', query],
    queryFn: () => sessionAware(() => calendarApi.deadline(query!)),
    enabled: query !== null,
    // A 400 (bad date, unknown rule) will not change on retry.
    retry: false,
  });
}

/** A national_admin change to the calendar: on success refetch everything calendar and say what was done. */
export function useCalendarChange<V>(run: (values: V) => Promise<unknown>, success: (values: V) => string) {
  const sessionAware = useSessionAware();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (values: V) => sessionAware(() => run(values)),
    onSuccess: (result, values) => {
      void queryClient.invalidateQueries({ queryKey: [CALENDAR_KEY] });
      // R-15: the API recomputes open batches' due dates in the same change and says how many moved.
      const recomputed = (result as { recomputedDueDates?: number } | null)?.recomputedDueDates ?? 0;
      notify(recomputed > 0 ? `${success(values)}；已重新计算 ${recomputed} 个未办结批次的办理期限` : success(values), { type: 'success' });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
}

/** Only national_admin maintains the calendar (calendar.write, as the API checks). */
export function useCanEditCalendar(): boolean {
  const { permissions } = usePermissions<Role[]>();
  return hasPermission(permissions ?? [], 'calendar.write');
}
