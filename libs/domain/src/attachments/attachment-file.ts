/**
 * attachments (scanned statements, commitments, work orders) are PDF, JPEG or PNG, decided from the bytes —
 * never from the file name or the type the browser declares. A pure check over the first and last bytes of a file,
 * so the API reads two small slices of an upload and the console can run the same check before sending.
 */

/** What an attachment backs: the paper forms of the correction rules (指南 附件4, 附件5-1, 附件5-2), or other. */
export const ATTACHMENT_PURPOSES = ['erratum_statement', 'holder_commitment', 'work_order', 'other'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export const ATTACHMENT_CONTENT_TYPES = {
  'application/pdf': { extension: '.pdf', names: ['.pdf'] },
  'image/jpeg': { extension: '.jpg', names: ['.jpg', '.jpeg', '.jpe'] },
  'image/png': { extension: '.png', names: ['.png'] },
} as const;
export type AttachmentContentType = keyof typeof ATTACHMENT_CONTENT_TYPES;

/** Bytes of the start of a file the check reads. */
export const SNIFF_HEAD_BYTES = 64;
/**
 * Bytes of the end of a file the check reads. PDF readers look for `%%EOF` in the last 1 KiB; cameras and scanners
 * may write a few KiB after a JPEG's end marker (maker notes), so the end marker may lie anywhere in the last 4 KiB.
 */
export const SNIFF_TAIL_BYTES = 4096;

export type SniffRefusal =
  /** Nothing was uploaded. */
  | 'empty'
  /** Not a PDF, JPEG or PNG (an executable, HTML, a zip, a Word file … whatever its name says). */
  | 'not_allowed'
  /** Starts like an allowed type but lacks its end: cut off, or another file behind a copied header. */
  | 'truncated';

export type SniffResult =
  | { ok: true; contentType: AttachmentContentType; extension: string }
  | { ok: false; reason: SniffRefusal; looksLike?: AttachmentContentType };

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PDF_HEADER = ascii('%PDF-');
const PDF_EOF = ascii('%%EOF');
const PDF_STARTXREF = ascii('startxref');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The first chunk of every PNG: length 13, type IHDR. */
const PNG_IHDR = [0x00, 0x00, 0x00, 0x0d, ...ascii('IHDR')];
/** The last chunk of every PNG: length 0, type IEND and its fixed CRC. */
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, ...ascii('IEND'), 0xae, 0x42, 0x60, 0x82];
const JPEG_SOI = [0xff, 0xd8, 0xff];
const JPEG_EOI = [0xff, 0xd9];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = bytes.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** `%PDF-1.7`: the header at the very start (scanners and office programs write it there). */
function headLooksLike(head: Uint8Array): AttachmentContentType | null {
  if (startsWith(head, PDF_HEADER) && isDigit(head[5]) && head[6] === 0x2e && isDigit(head[7])) {
    return 'application/pdf';
  }
  if (startsWith(head, PNG_SIGNATURE) && startsWith(head, PNG_IHDR, 8)) return 'image/png';
  // SOI, then a marker that can follow it: a table (DQT, DHT), an APPn segment (JFIF, Exif …), a comment or a frame.
  if (startsWith(head, JPEG_SOI)) {
    const marker = head[3];
    if (
      marker !== undefined &&
      ((marker >= 0xe0 && marker <= 0xef) || [0xdb, 0xc4, 0xfe, 0xc0, 0xc1, 0xc2].includes(marker))
    ) {
      return 'image/jpeg';
    }
  }
  return null;
}

function tailEnds(type: AttachmentContentType, tail: Uint8Array): boolean {
  switch (type) {
    case 'application/pdf':
      // The cross-reference pointer and the end-of-file marker every PDF (incremental updates too) ends with.
      return contains(tail, PDF_STARTXREF) && contains(tail, PDF_EOF);
    case 'image/png':
      return contains(tail, PNG_IEND);
    case 'image/jpeg':
      return contains(tail, JPEG_EOI);
  }
}

/**
 * the type of a file from its first and last bytes (the sizes above; in a small file `head` and `tail` may
 * overlap, or be the same bytes). Accepted only when the start is a PDF, JPEG or PNG header and
 * the end holds that format's end marker — a renamed executable or web page fails the first test, a header copied
 * in front of something else (or a file cut off) the second. A file that is both a valid PDF and something else
 * cannot be told from its ends; downloads are therefore served as attachments with `nosniff`.
 */
export function sniffAttachment(head: Uint8Array, tail: Uint8Array, size: number): SniffResult {
  if (size === 0) return { ok: false, reason: 'empty' };
  const type = headLooksLike(head);
  if (!type) return { ok: false, reason: 'not_allowed' };
  if (!tailEnds(type, tail)) return { ok: false, reason: 'truncated', looksLike: type };
  return { ok: true, contentType: type, extension: ATTACHMENT_CONTENT_TYPES[type].extension };
}

const MAX_NAME_LENGTH = 200;

/**
 * The name to show for an uploaded file: the last path segment (some browsers send a full path), without control
 * characters, at most 200 characters with its extension kept. Empty names become `fallback`.
 */
export function attachmentDisplayName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!clean) return fallback;
  const chars = [...clean];
  if (chars.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return chars.slice(0, MAX_NAME_LENGTH - [...extension].length).join('') + extension;
}

/**
 * The name a download is saved under: the shown name, with the extension of the type the content really is when
 * the name says otherwise (`扫描件.exe` holding a PDF is saved as `扫描件.exe.pdf`, so nothing opens it as a program).
 */
export function attachmentDownloadName(name: string, contentType: AttachmentContentType): string {
  const { extension, names } = ATTACHMENT_CONTENT_TYPES[contentType];
  const lower = name.toLowerCase();
  return (names as readonly string[]).some((n) => lower.endsWith(n)) ? name : `${name}${extension}`;
}
