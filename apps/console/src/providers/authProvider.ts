import type { AuthProvider } from 'react-admin';
import { HttpError } from 'react-admin';
import { canAccessResource } from '../auth/access';
import { passwordChangeRedirect } from '../auth/passwordChange';
import { getJson, httpClient, postJson } from './httpClient';
import { session } from './session';
import type { SessionUser } from '@app/contracts';

export interface LoginParams {
  username: string;
  password: string;
  totpCode?: string;
}

/** What the login page needs to react to: the API's code (AUTH_TOTP_REQUIRED, …) and Chinese message. */
export class LoginError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

function toLoginError(error: unknown): LoginError {
  if (error instanceof HttpError) {
    const body = (error.body ?? {}) as { code?: string };
    return new LoginError(body.code ?? 'UNKNOWN', error.message, error.status);
  }
  return new LoginError('UNKNOWN', 'app.login.failed', 0);
}

/** Whether this page load has confirmed the stored token with the server (see checkAuth). */
let sessionConfirmed = false;

const NOT_ABOUT_THE_SESSION = new Set(['AUTH_TOTP_INVALID', 'AUTH_TOTP_REQUIRED', 'AUTH_INVALID_CREDENTIALS']);

export const authProvider: AuthProvider = {
  async login({ username, password, totpCode }: LoginParams) {
    let reply: { token: string; user: SessionUser };
    try {
      reply = await postJson('/api/auth/login', totpCode ? { username, password, totpCode } : { username, password });
    } catch (error) {
      throw toLoginError(error);
    }
    session.start(reply.token, reply.user);
    sessionConfirmed = true;
    // A temporary password (new account, reset by an admin) must be replaced first.
    return { redirectTo: reply.user.mustChangePassword ? '/account' : '/' };
  },

  async logout() {
    if (session.token()) {
      // Best effort: the local session ends even when the server cannot be told.
      await httpClient('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    }
    session.clear();
    sessionConfirmed = false;
  },

  async checkAuth() {
    // message: false — landing on the login page needs no "please log in" toast.
    if (!session.token()) throw { message: false };
    if (sessionConfirmed) return;
    // Once per page load, ask the server whether the stored session still lives (it may have idled out
    // overnight), so the user lands on the login page with the reason instead of on an empty page.
    try {
      session.updateUser(await getJson<SessionUser>('/api/auth/me'));
      sessionConfirmed = true;
    } catch (error) {
      if ((error as { status?: number }).status === 401) {
        session.clear();
        throw { message: (error as Error).message || 'ra.notification.logged_out', redirectTo: '/login' };
      }
      // Server unreachable: let the pages load and report their own errors.
    }
  },

  async checkError(error: { status?: number; message?: string; body?: { code?: string } }) {
    // A 401 ends the session only when it is about the session: a wrong TOTP code while enabling
    // two-step verification is also a 401 (AUTH_TOTP_INVALID) and must not log the user out.
    if (error?.status === 401 && !NOT_ABOUT_THE_SESSION.has(error.body?.code ?? '')) {
      // e.g. AUTH_SESSION_EXPIRED after 30 idle minutes: log out and show the API's message.
      // The session is cleared by logout(), not here: react-admin only notifies while still logged in.
      throw { message: error.message || 'ra.notification.logged_out', redirectTo: '/login' };
    }
    // a temporary password must be changed before anything else: to 账号安全, still logged in.
    const toAccount = passwordChangeRedirect(error);
    if (toAccount) throw toAccount;
    // Other 403s and 404 (outside the jurisdiction) are page errors, not a reason to log out.
  },

  async getIdentity() {
    const user = await getJson<SessionUser>('/api/auth/me');
    session.updateUser(user);
    return { ...user, fullName: user.displayName };
  },

  getPermissions() {
    return Promise.resolve(session.user()?.roles ?? []);
  },

  canAccess({ resource, action, record }) {
    return Promise.resolve(canAccessResource(session.user()?.roles ?? [], resource, action, record));
  },
};
