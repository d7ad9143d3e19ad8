import type { AttachmentView } from '@app/contracts';

/** What the file dialog offers; the API decides the type from the content whatever is chosen. */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** 1.2 MB, 35 KB, 512 B. */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The start and end of a SHA-256, enough to compare with a printed or mailed checksum at a glance. */
export function shortSha256(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash;
}

/** The attachments of `ids` in that order (a form keeps the order they were added in); unknown ids are left out. */
export function inIdOrder(ids: readonly number[], rows: readonly AttachmentView[]): AttachmentView[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** Adds an id once; a form's value stays a plain list of ids. */
export function withId(ids: readonly number[], id: number): number[] {
  return ids.includes(id) ? [...ids] : [...ids, id];
}
