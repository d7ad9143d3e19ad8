import { DomainError } from '@app/domain';

/** File-level refusals of an upload. Stable codes; Chinese messages for the user. */
export const ImportErrorCode = {
  NOT_XLSX: 'IMPORT_NOT_XLSX',
  FOREIGN_TEMPLATE: 'IMPORT_FOREIGN_TEMPLATE',
  TEMPLATE_KIND_MISMATCH: 'IMPORT_TEMPLATE_KIND_MISMATCH',
  ZIP_BOMB: 'IMPORT_ZIP_BOMB',
  FORMULA_CELL: 'IMPORT_FORMULA_CELL',
  EMPTY: 'IMPORT_EMPTY',
  TOO_MANY_ROWS: 'IMPORT_TOO_MANY_ROWS',
  FILE_TOO_LARGE: 'IMPORT_FILE_TOO_LARGE',
  UNREADABLE: 'IMPORT_UNREADABLE',
} as const;
export type ImportErrorCode = (typeof ImportErrorCode)[keyof typeof ImportErrorCode];

export function importError(code: ImportErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(code, message, details);
}

export const notXlsx = (why: string, details?: Record<string, unknown>) =>
  importError(
    ImportErrorCode.NOT_XLSX,
    `文件不是有效的 Excel（.xlsx）文件：${why}。请使用平台下载的导入模板填写后上传`,
    details,
  );

export const foreignTemplate = (why: string, details?: Record<string, unknown>) =>
  importError(
    ImportErrorCode.FOREIGN_TEMPLATE,
    `不是本平台生成的导入模板（${why}）。请下载最新的导入模板，按模板格式填写后重新上传`,
    details,
  );

export const zipBomb = (why: string, details?: Record<string, unknown>) =>
  importError(ImportErrorCode.ZIP_BOMB, `文件结构异常，已拒绝处理：${why}`, details);

/** A file that passed the container checks but whose parts cannot be read whole: a damaged file, in practice. */
export const unreadable = (reason: string) =>
  importError(
    ImportErrorCode.UNREADABLE,
    '文件内容无法完整读取。请用 Excel 或 WPS 打开后另存为 .xlsx 文件，再重新上传',
    {
      reason,
    },
  );
