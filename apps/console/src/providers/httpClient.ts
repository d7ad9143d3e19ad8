import { fetchUtils, HttpError } from 'react-admin';
import { session } from './session';

/** The API's error body (ARCHITECTURE.md "HTTP contract"). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [key: string]: unknown;
}

export function apiErrorCode(error: unknown): string | undefined {
  const body = (error as { body?: Partial<ApiErrorBody> } | null)?.body;
  return typeof body?.code === 'string' ? body.code : undefined;
}

/**
 * Codes whose user-facing text the console words itself. Values are i18n keys: react-admin's
 * notifications translate a message that is a key.
 */
const CONSOLE_MESSAGES: Record<string, string> = {
  STALE_VERSION: 'app.errors.stale_version',
};

function serverMessage(message: unknown): string | undefined {
  if (typeof message === 'string' && message !== '') return message;
  // A validation pipe may answer with one message per field.
  if (Array.isArray(message) && message.length > 0) return message.join('；');
  return undefined;
}

function toUserFacing(error: unknown): unknown {
  if (error instanceof HttpError) {
    const body = error.body as Partial<ApiErrorBody> | undefined;
    const override = body?.code ? CONSOLE_MESSAGES[body.code] : undefined;
    // Without a JSON body (proxy error, crash) fetchJson puts the English status text in `message`.
    const message = override ?? serverMessage(body?.message) ?? 'ra.notification.http_error';
    return new HttpError(message, error.status, error.body);
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the server cannot be reached.
    return new HttpError('app.errors.network', 0);
  }
  return error;
}

/**
 * fetchJson with the session token. Every console request goes through here so that error
 * bodies are read one way: the API's Chinese `message` becomes the error's message.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = session.token();
  if (token) headers.set('Authorization', token);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    throw toUserFacing(error);
  }
}

export function postJson<T>(url: string, body?: unknown): Promise<T> {
  return httpClient(url, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(({ json }) => json as T);
}

export function getJson<T>(url: string): Promise<T> {
  return httpClient(url).then(({ json }) => json as T);
}
