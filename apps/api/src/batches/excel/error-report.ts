import {
  createOccupationCatalogue,
  escapeCellForExport,
  unescapeImportedCell,
  type OccupationCatalogue,
} from '@app/domain';
import * as ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { dataSheetRows, inspectBatchFile } from './read-batch-file';
import {
  addDataSheet,
  addSupportSheets,
  createLayoutWriter,
  ERROR_COLUMN_HEADER,
  TEMPLATE_HEADERS,
  writeHeaderRow,
} from './template-layout';

export interface ReportError {
  /** Sheet row number the user sees. */
  row: number;
  /** Chinese header of the column; anything else (e.g. '整行') only adds the message. */
  column: string;
  message: string;
  severity?: 'error' | 'warning';
}

/**
 * The errors of one refused sheet, bounded: the first `max` are kept, later ones only counted, so a small hostile
 * file (every cell wrong in 200,000 rows) cannot cost hundreds of MB of memory and disk.
 */
export class BoundedErrors {
  readonly listed: ReportError[] = [];
  unlisted = 0;

  constructor(private readonly max: number) {}

  add(...errors: ReportError[]): void {
    for (const error of errors) {
      if (this.listed.length < this.max) this.listed.push(error);
      else this.unlisted++;
    }
  }

  get count(): number {
    return this.listed.length + this.unlisted;
  }
}

/** The Chinese note on errors found but not listed, or '' when every error is listed. */
export function unlistedErrorsNote(unlisted: number): string {
  return unlisted > 0 ? `另有 ${unlisted} 处错误未列出，请改正已列出的错误后重新上传，以查看其余错误` : '';
}

export interface ErrorReportOptions {
  /** Catalogue for the re-emitted drop-down lists; without it the occupation lists are empty. */
  catalogue?: OccupationCatalogue;
  maxBytes?: number;
  /** The instant written as the _meta sheet's generatedAt (the caller's Clock). */
  now: Date;
  /** Errors found beyond those listed (BoundedErrors): a note row under the data says how many. */
  unlisted?: number;
}

const ERROR_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const WARNING_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } } as const;
const ERROR_FONT = { color: { argb: 'FF9C0006' } };

/** Cell value for the report: typed values kept, text escaped against formula injection. */
function exportValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string') {
    return escapeCellForExport(unescapeImportedCell(value));
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return escapeCellForExport(value.richText.map((r) => r.text).join(''));
    }
    if ('result' in value) {
      // Formula cells are refused on upload; should one reach here, only its cached result is kept.
      return exportValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    }
    if ('text' in value && typeof value.text === 'string') {
      return escapeCellForExport(value.text);
    }
    if ('error' in value) {
      return String(value.error);
    }
  }
  return escapeCellForExport(String(value as unknown));
}

/**
 * R-12 error report: the uploaded data sheet re-emitted with a last column 错误说明 (every message of the row),
 * bad cells filled light red (warnings light yellow), rows without errors kept, and the template's marker, lists
 * and sheets, so the user can fix the file and upload it again. Streams both ways.
 */
export async function writeErrorReport(
  sourcePath: string,
  errors: readonly ReportError[],
  out: Writable,
  options: ErrorReportOptions,
): Promise<void> {
  const meta = await inspectBatchFile(sourcePath, {
    maxRows: Number.MAX_SAFE_INTEGER,
    maxBytes: options.maxBytes ?? Number.MAX_SAFE_INTEGER,
    verifyInflatedSizes: false,
  });
  const byRow = new Map<number, ReportError[]>();
  for (const e of errors) {
    const list = byRow.get(e.row);
    if (list) {
      list.push(e);
    } else {
      byRow.set(e.row, [e]);
    }
  }
  const columnIndex = new Map(TEMPLATE_HEADERS.map((h, i) => [h, i + 1]));
  const width = TEMPLATE_HEADERS.length;
  const catalogue = options.catalogue ?? createOccupationCatalogue([]);

  const writer = createLayoutWriter(out);
  const sheet = addDataSheet(writer, catalogue, [{ width: 60 }]);
  writeHeaderRow(sheet, [ERROR_COLUMN_HEADER]);

  let lastRow = 1;
  // The same read as the import's: the rows the user sees there are the rows the report re-emits.
  for await (const source of dataSheetRows(sourcePath, meta.dataSheetName)) {
    if (source.number === 1) {
      continue;
    }
    const values: ExcelJS.CellValue[] = [];
    let empty = true;
    for (let c = 1; c <= width; c++) {
      const v = exportValue(source.getCell(c).value);
      values.push(v);
      if (v !== null && v !== '') {
        empty = false;
      }
    }
    const rowErrors = byRow.get(source.number) ?? [];
    if (empty && rowErrors.length === 0) {
      continue;
    }
    const messages = rowErrors.map((e) =>
      e.column && columnIndex.has(e.column) ? `【${e.column}】${e.message}` : e.message,
    );
    values.push(messages.length > 0 ? escapeCellForExport(messages.join('；')) : null);
    // Keep the user's row numbers so 错误说明 and the upload's error list agree.
    const row = sheet.getRow(source.number);
    row.values = values;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.value instanceof Date) {
        cell.numFmt = 'yyyy-mm-dd';
      }
    }
    const marks = new Map<number, 'error' | 'warning'>();
    for (const e of rowErrors) {
      const c = columnIndex.get(e.column);
      if (c !== undefined && marks.get(c) !== 'error') {
        marks.set(c, e.severity ?? 'error');
      }
    }
    for (const [c, severity] of marks) {
      row.getCell(c).fill = severity === 'warning' ? WARNING_FILL : ERROR_FILL;
    }
    if (messages.length > 0) {
      const cell = row.getCell(width + 1);
      cell.font = ERROR_FONT;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
    row.commit();
    lastRow = source.number;
  }
  const note = unlistedErrorsNote(options.unlisted ?? 0);
  if (note) {
    // Only the 错误说明 column is filled, so a re-upload of the report reads the note row as empty.
    const row = sheet.getRow(lastRow + 1);
    const cell = row.getCell(width + 1);
    cell.value = note;
    cell.font = { ...ERROR_FONT, bold: true };
    row.commit();
  }
  sheet.commit();
  addSupportSheets(writer, meta.kind, catalogue, options.now);
  await writer.commit();
}
