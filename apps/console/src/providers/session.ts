import type { SessionUser } from '@app/contracts';

const TOKEN_KEY = 'cert.token';
const USER_KEY = 'cert.user';

/**
 * The session lives in localStorage so that a reload keeps it. The token is stored with its
 * "Bearer " prefix because ra-data-simple-rest's fetchJson sends the stored value as-is.
 */
export const session = {
  token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  user(): SessionUser | null {
    const raw = localStorage.getItem(USER_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionUser;
    } catch {
      return null;
    }
  },
  start(token: string, user: SessionUser): void {
    localStorage.setItem(TOKEN_KEY, token.startsWith('Bearer ') ? token : `Bearer ${token}`);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  updateUser(user: SessionUser): void {
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
  },
};
