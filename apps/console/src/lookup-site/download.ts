import type { DownloadedFile } from './api';

/** Hands a fetched file to the browser as a download (the API needs the bearer token, so no plain link). */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoked on the next turn: Chromium has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
