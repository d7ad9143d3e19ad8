import type { Response } from 'express';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Headers of an .xlsx download with a UTF-8 (Chinese) file name and an ASCII fallback. */
export function setXlsxDownload(res: Response, fileName: string): void {
  res.setHeader('Content-Type', XLSX_MIME);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
}
