import type { OrganisationLevel, Role } from '@app/domain';

// Staff accounts' JSON shapes (`/api/admin/users…`, `/api/auth/…`).

/** `GET /api/admin/users` row and the reply of every account command. */
export interface UserView<Time = string> {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: number;
  organisationName: string;
  email: string | null;
  disabled: boolean;
  lockedUntil: Time | null;
  totpEnabled: boolean;
  lastLoginAt: Time | null;
  mustChangePassword: boolean;
  version: number;
  createdAt: Time;
  updatedAt: Time;
}

/** The signed-in staff member as `POST /api/auth/login` and `GET /api/auth/me` return it. */
export interface SessionUser {
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

/** `POST /api/auth/totp/setup` reply. */
export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}
