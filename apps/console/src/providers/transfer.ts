import { HttpError } from 'react-admin';
import { dispositionFileName } from './contentDisposition';
import type { ApiErrorBody } from './httpClient';
import { session } from './session';

/** Upload progress as the browser reports it; `total` is 0 when unknown. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadCallbacks {
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte has left the browser: the server is now validating. */
  onSent?: () => void;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function toHttpError(status: number, body: unknown): HttpError {
  const message = (body as Partial<ApiErrorBody> | undefined)?.message;
  return new HttpError(typeof message === 'string' && message ? message : 'ra.notification.http_error', status, body);
}

/**
 * Multipart POST through XMLHttpRequest: fetch() cannot report upload progress. Errors become the same
 * HttpError (API message, JSON body) that httpClient produces.
 */
export function postMultipart<T>(url: string, form: FormData, callbacks: UploadCallbacks = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = session.token();
    if (token) xhr.setRequestHeader('Authorization', token);
    xhr.upload.onprogress = (event) =>
      callbacks.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.upload.onload = () => callbacks.onSent?.();
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toHttpError(xhr.status, body));
    };
    xhr.onerror = () => reject(new HttpError('app.errors.network', 0));
    xhr.send(form);
  });
}

/**
 * A file download that needs the bearer token (a plain link cannot send it): fetch, then save the blob
 * under the server's file name.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const headers = new Headers();
  const token = session.token();
  if (token) headers.set('Authorization', token);
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch {
    throw new HttpError('app.errors.network', 0);
  }
  if (!response.ok) throw toHttpError(response.status, parseJson(await response.text()));
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = dispositionFileName(response.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Let the browser start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
