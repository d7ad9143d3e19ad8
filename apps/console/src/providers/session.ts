import type { OrganisationLevel, Role } from '@app/domain';

/** The signed-in staff member as `POST /api/auth/login` and `GET /api/auth/me` return it. */
export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: number;
  organisationName: string;
  organisationLevel: OrganisationLevel;
  totpEnabled: boolean;
  mustChangePassword: boolean;
}

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
  user(): StaffUser | null {
    const raw = localStorage.getItem(USER_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as StaffUser;
    } catch {
      return null;
    }
  },
  start(token: string, user: StaffUser): void {
    localStorage.setItem(TOKEN_KEY, token.startsWith('Bearer ') ? token : `Bearer ${token}`);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  updateUser(user: StaffUser): void {
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
  },
};
