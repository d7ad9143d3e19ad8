import { useSyncExternalStore } from 'react';
import type { LookupAccountView } from '@app/contracts';

// The public site's session lives in sessionStorage (not localStorage like the staff console): it ends with the
// browser tab, which suits a shared or public computer; seed 000 — "登录超时需重新登录".
const TOKEN_KEY = 'lookup.token';
const ACCOUNT_KEY = 'lookup.account';

export interface LookupSession {
  token: string;
  account: LookupAccountView;
}

const listeners = new Set<() => void>();
let current: LookupSession | null = read();

function read(): LookupSession | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const raw = sessionStorage.getItem(ACCOUNT_KEY);
  if (!token || !raw) return null;
  try {
    return { token, account: JSON.parse(raw) as LookupAccountView };
  } catch {
    return null;
  }
}

function changed(): void {
  current = read();
  listeners.forEach((listener) => listener());
}

export const lookupSession = {
  get: (): LookupSession | null => current,
  start: (token: string, account: LookupAccountView): void => {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(ACCOUNT_KEY, JSON.stringify(account));
    changed();
  },
  clear: (): void => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ACCOUNT_KEY);
    changed();
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The logged-in account, or null; re-renders on login, logout and an expired session. */
export function useLookupSession(): LookupSession | null {
  return useSyncExternalStore(lookupSession.subscribe, lookupSession.get);
}
