import type {
  AuthorizationCodeView,
  LookupAccountView,
  LookupBatchRow,
  LookupBatchView,
  LookupCoverageRow,
  LookupKind,
  LookupLoginResult,
  LookupModesView,
  LookupQuotaView,
  LookupRegistration,
  LookupResults,
  OldModeQuery,
  OthersQuery,
} from '@app/contracts';
import { lookupSession } from './session';

// Every call the public lookup site makes to `/api/lookup/*` (libs/contracts/src/lookup.ts). Errors arrive as
// `{ statusCode, code, message }` with a Chinese message, which the pages show as they come.

/** An answer other than 2xx, or no answer at all (status 0). */
export class LookupApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The rest of the error body, e.g. the 公告 beside LOOKUP_MODE_DISABLED. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'LookupApiError';
  }

  /** The 公告 an answer carries (LOOKUP_MODE_DISABLED puts it beside the message or in `details`). */
  get announcement(): string | undefined {
    const { announcement, details } = this.body;
    if (typeof announcement === 'string' && announcement !== '') return announcement;
    const nested = (details as { announcement?: unknown } | undefined)?.announcement;
    if (typeof nested === 'string' && nested !== '') return nested;
    return undefined;
  }
}

/** The text a page shows for any failure of a call. */
export function errorMessage(error: unknown): string {
  if (error instanceof LookupApiError) return error.message;
  return error instanceof Error && error.message ? error.message : '操作失败，请稍后重试';
}

function messageOf(body: Record<string, unknown>, status: number): string {
  const { message } = body;
  if (typeof message === 'string' && message !== '') return message;
  // The validation pipe may answer with one message per field.
  if (Array.isArray(message) && message.length > 0) return message.join('；');
  return `服务暂时不可用（HTTP ${status}），请稍后重试`;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json' });
  const session = lookupSession.get();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/lookup${path}`, { method, headers, body: payload });
  } catch {
    throw new LookupApiError(0, 'NETWORK', '无法连接查询服务，请检查网络后重试');
  }
  if (response.ok) return response;
  let errorBody: Record<string, unknown> = {};
  try {
    errorBody = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML page or an empty body: the status alone is known.
  }
  // An expired or revoked session: the site returns to the login page (seed 000: 登录超时需重新登录).
  if (response.status === 401 && session) lookupSession.clear();
  const code = typeof errorBody.code === 'string' ? errorBody.code : `HTTP_${response.status}`;
  throw new LookupApiError(response.status, code, messageOf(errorBody, response.status), errorBody);
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  return (await response.json()) as T;
}

/** A file answer: its bytes and the name from Content-Disposition (RFC 5987 `filename*` first). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

async function file(path: string, fallbackName: string): Promise<DownloadedFile> {
  const response = await send('GET', path);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  let fileName = fallbackName;
  try {
    fileName = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  } catch {
    // A malformed name: keep ours.
  }
  return { blob: await response.blob(), fileName };
}

/** One page of a list answered with `Content-Range: <resource> start-end/total`. */
export interface Page<T> {
  rows: T[];
  total: number;
}

export const lookupApi = {
  modes: () => json<LookupModesView>('GET', '/modes'),
  coverage: () => json<LookupCoverageRow[]>('GET', '/coverage'),
  oldQuery: (query: OldModeQuery) => json<LookupResults>('POST', '/old', query),

  register: (registration: LookupRegistration) => json<LookupAccountView>('POST', '/auth/register', registration),
  login: (account: string, password: string) => json<LookupLoginResult>('POST', '/auth/login', { account, password }),
  me: () => json<LookupAccountView>('GET', '/auth/me'),
  /** Ends the session on the server; the token is read before the page forgets it. */
  logout: () => send('POST', '/auth/logout').then(() => undefined),

  quota: () => json<LookupQuotaView>('GET', '/quota'),
  mine: () => json<LookupResults>('GET', '/mine'),
  others: (query: OthersQuery) => json<LookupResults>('POST', '/others', query),
  byCode: (code: string) => json<LookupResults>('POST', '/by-code', { code }),

  codes: () => json<AuthorizationCodeView[]>('GET', '/codes'),
  createCode: (kind: LookupKind) => json<AuthorizationCodeView>('POST', '/codes', { kind }),
  stopCode: (id: number) => json<AuthorizationCodeView>('POST', `/codes/${id}/stop`),
  resumeCode: (id: number) => json<AuthorizationCodeView>('POST', `/codes/${id}/resume`),

  batchTemplate: (kind: LookupKind) => file(`/batch/template?kind=${kind}`, '批量查询模板.xlsx'),
  uploadBatch: (kind: LookupKind, upload: File) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', upload);
    return json<LookupBatchView>('POST', '/batch', form);
  },
  /** Rows `start`–`end` (inclusive) of a batch's masked results. */
  batchRows: async (id: number, start: number, end: number): Promise<Page<LookupBatchRow>> => {
    const response = await send('GET', `/batch/${id}?range=${encodeURIComponent(JSON.stringify([start, end]))}`);
    const rows = (await response.json()) as LookupBatchRow[];
    const total = Number(/\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '')?.[1]);
    return { rows, total: Number.isFinite(total) ? total : start + rows.length };
  },
  batchExport: (id: number) => file(`/batch/${id}/export`, '批量查询结果.xlsx'),
};
