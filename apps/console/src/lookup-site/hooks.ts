import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LookupKind } from '@app/contracts';
import { lookupApi } from './api';
import { useLookupSession } from './session';

/** The mode of each kind today and the 公告; read again on every page visit, never cached across days. */
export function useModes() {
  return useQuery({ queryKey: ['modes'], queryFn: lookupApi.modes, staleTime: 0 });
}

/** One kind's schedule and mode today, once the modes have loaded. */
export function useKindMode(kind: LookupKind) {
  const modes = useModes();
  return modes.data?.kinds.find((k) => k.kind === kind);
}

/** 今日剩余次数 of the logged-in account. */
export function useQuota() {
  const session = useLookupSession();
  return useQuery({
    queryKey: ['quota', session?.account.id],
    queryFn: lookupApi.quota,
    enabled: !!session,
    staleTime: 0,
  });
}

/** Read the quota again after a query of others (each one counts, R-30) or a refusal for it. */
export function useRefreshQuota() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['quota'] });
}
