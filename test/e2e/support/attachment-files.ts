/** Small real files of each attachment type, and look-alikes, for the attachment tests. */

export { pdfFile } from '../../../apps/api/src/seeds/demo-files';

/** 1 × 1 PNG. */
export const PNG_FILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** 1 × 1 JFIF JPEG. */
export const JPEG_FILE = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64',
);

/** The start of a Windows program (MZ header, DOS stub) — what a renamed .exe holds. */
export function executableFile(size = 4096): Buffer {
  const exe = Buffer.alloc(size);
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1').copy(exe);
  Buffer.from('This program cannot be run in DOS mode.', 'latin1').copy(exe, 78);
  return exe;
}
