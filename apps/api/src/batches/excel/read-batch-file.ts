import {
  CERTIFICATE_RECORD_COLUMNS,
  unescapeImportedCell,
  type CertificateRecordField,
  type CertificateRecordInput,
  type RecordIssue,
} from '@app/domain';
import * as ExcelJS from 'exceljs';
import { stat } from 'node:fs/promises';
import { foreignTemplate, importError, ImportErrorCode, notXlsx } from './import-errors';
import {
  ERROR_COLUMN_HEADER,
  META_SHEET_NAME,
  parseTemplateMarkerName,
  SUPPORTED_TEMPLATE_VERSIONS,
  TEMPLATE_COLUMNS,
  TEMPLATE_HEADERS,
  TEMPLATE_ID,
  columnLetter,
  type TemplateKind,
} from './template-layout';
import {
  checkZipLimits,
  DEFAULT_ZIP_LIMITS,
  readZipDirectory,
  readZipEntry,
  verifyZipEntries,
  type ZipLimits,
} from './zip-inspector';
import { xlsxSheetRows } from './xlsx-sheet-reader';

export interface ReadBatchFileOptions {
  /** refuse more data rows than this (config import.maxRows, default 200,000). */
  maxRows: number;
  /** refuse files larger than this (config import.maxBytes, 50 MB). */
  maxBytes: number;
  /** Refuse a template of another certificate kind. */
  expectedKind?: TemplateKind;
  zipLimits?: Partial<ZipLimits>;
  /** Inflate every entry once to check the declared sizes (default true; ~1 s per 100 MB unpacked). */
  verifyInflatedSizes?: boolean;
}

export interface BatchFileMeta {
  kind: TemplateKind;
  templateVersion: number;
  dataSheetName: string;
  fileBytes: number;
  uncompressedBytes: number;
  entryCount: number;
}

/** One data row: the sheet row number the user sees, the cells as text, and problems noticed while reading. */
export interface BatchRow {
  rowNumber: number;
  values: CertificateRecordInput;
  /** Cell-level problems only reading can see (e.g. a long number stored as a number); same shape as R-8's. */
  issues: RecordIssue[];
}

const MAX_WORKBOOK_XML_BYTES = 10 * 1024 * 1024;
const DATE_FIELDS = new Set<CertificateRecordField>(['birthDate', 'issueDate']);
const TEXT_ID_FIELDS = new Set<CertificateRecordField>(['idNumber', 'certificateNumber', 'admissionTicket']);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

export interface WorkbookInfo {
  sheets: { name: string; state: string }[];
  definedNames: { name: string; ref: string }[];
}

/** The few facts of xl/workbook.xml the marker check needs (small file; regular expressions suffice). */
function parseWorkbookXml(xml: string): WorkbookInfo {
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((m) => ({
    name: attr(m[0], 'name') ?? '',
    state: attr(m[0], 'state') ?? 'visible',
  }));
  const definedNames = [...xml.matchAll(/<(?:\w+:)?definedName\s([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)].map(
    (m) => ({
      name: attr(` ${m[1]}`, 'name') ?? '',
      ref: decodeXml(m[2]),
    }),
  );
  return { sheets, definedNames };
}

function sheetOfReference(ref: string): string | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!/.exec(ref.trim());
  if (!m) {
    return null;
  }
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

export interface XlsxContainer {
  fileBytes: number;
  uncompressedBytes: number;
  entryCount: number;
  /** The workbook's sheets in order, with their state (`visible`, `hidden`, `veryHidden`), and its defined names. */
  workbook: WorkbookInfo;
}

/**
 * The container checks every uploaded sheet goes through before any cell is parsed: size, a real .xlsx
 * (zip with a workbook), zip bomb (declared and, unless turned off, inflated sizes). Throws DomainError with an
 * IMPORT_* code. Used by the certificate import and by the public batch query (lookup-accounts).
 */
export async function inspectXlsxContainer(
  filePath: string,
  options: Pick<ReadBatchFileOptions, 'maxBytes' | 'zipLimits' | 'verifyInflatedSizes'>,
): Promise<XlsxContainer> {
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.zipLimits };
  const { size } = await stat(filePath);
  if (size > options.maxBytes) {
    throw importError(
      ImportErrorCode.FILE_TOO_LARGE,
      `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），上限为 ${Math.floor(options.maxBytes / 1024 / 1024)} MB。请拆分为多个文件分批上传`,
      { size, maxBytes: options.maxBytes },
    );
  }
  if (size === 0) {
    throw notXlsx('文件为空');
  }
  const dir = await readZipDirectory(filePath, limits);
  checkZipLimits(dir, limits);
  const workbookEntry = dir.entries.find((e) => e.name === 'xl/workbook.xml');
  if (!workbookEntry || !dir.entries.some((e) => e.name === '[Content_Types].xml')) {
    throw notXlsx('压缩包中没有 Excel 工作簿（xl/workbook.xml）');
  }
  if (options.verifyInflatedSizes !== false) {
    await verifyZipEntries(filePath, dir, limits);
  }
  const workbook = parseWorkbookXml(
    (await readZipEntry(filePath, workbookEntry, MAX_WORKBOOK_XML_BYTES)).toString('utf8'),
  );
  return { fileBytes: size, uncompressedBytes: dir.uncompressedBytes, entryCount: dir.entries.length, workbook };
}

/**
 * File-level checks before any row is parsed: the container's (inspectXlsxContainer), then the version marker.
 * Throws DomainError with an IMPORT_* code.
 */
export async function inspectBatchFile(filePath: string, options: ReadBatchFileOptions): Promise<BatchFileMeta> {
  const container = await inspectXlsxContainer(filePath, options);
  const info = container.workbook;

  const markers = info.definedNames
    .filter((d) => d.name.toLowerCase().startsWith(TEMPLATE_ID.toLowerCase()))
    .map((d) => ({ ...d, parsed: parseTemplateMarkerName(d.name) }));
  if (markers.length === 0 || !info.sheets.some((s) => s.name === META_SHEET_NAME)) {
    throw foreignTemplate('缺少模板版本标记');
  }
  const marker = markers.find((m) => m.parsed !== null);
  if (!marker || !marker.parsed) {
    throw foreignTemplate('模板版本标记无法识别');
  }
  if (!SUPPORTED_TEMPLATE_VERSIONS.includes(marker.parsed.version)) {
    throw foreignTemplate(`模板版本 v${marker.parsed.version} 已不再支持`, { version: marker.parsed.version });
  }
  if (options.expectedKind && marker.parsed.kind !== options.expectedKind) {
    const label = (k: TemplateKind) => (k === 'skill_level' ? '职业技能等级证书' : '职业资格证书');
    throw importError(
      ImportErrorCode.TEMPLATE_KIND_MISMATCH,
      `上传的是${label(marker.parsed.kind)}模板，当前批次为${label(options.expectedKind)}。请下载对应类别的模板`,
      { templateKind: marker.parsed.kind, expectedKind: options.expectedKind },
    );
  }
  const dataSheetName = sheetOfReference(marker.ref);
  if (!dataSheetName || !info.sheets.some((s) => s.name === dataSheetName)) {
    throw foreignTemplate('找不到数据工作表');
  }
  return {
    kind: marker.parsed.kind,
    templateVersion: marker.parsed.version,
    dataSheetName,
    fileBytes: container.fileBytes,
    uncompressedBytes: container.uncompressedBytes,
    entryCount: container.entryCount,
  };
}

/** a cell holding a formula (refused in uploads wherever it is). */
export function isFormulaCell(cell: ExcelJS.Cell): boolean {
  if (cell.type === ExcelJS.ValueType.Formula) {
    return true;
  }
  const v = cell.value as unknown;
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
}

/** YYYY-MM-DD of a UTC date (what exceljs gives for a date cell); cheaper than toISOString() per cell. */
function isoFromDate(d: Date): string {
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Cell value → text as the user typed it; dates as YYYY-MM-DD. */
function cellText(
  value: ExcelJS.CellValue,
  field: CertificateRecordField,
  header: string,
  issues: RecordIssue[],
): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : isoFromDate(value);
  }
  if (typeof value === 'number') {
    if (DATE_FIELDS.has(field) && value >= 1 && value < 2958466) {
      // A date typed into a cell without a date format arrives as an Excel serial (1900 date system).
      return isoFromDate(new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000));
    }
    if (TEXT_ID_FIELDS.has(field) && Math.abs(value) >= 1e15) {
      issues.push({
        column: header,
        message: `${header}单元格为数值格式，超过15位的数字会被Excel截断；请将该列设为文本格式后重新填写`,
        severity: 'error',
      });
      return value.toFixed(0);
    }
    return String(value);
  }
  if (typeof value === 'string') {
    const t = unescapeImportedCell(value).trim();
    return t === '' ? undefined : t;
  }
  if (typeof value === 'boolean') {
    return value ? 'TRUE' : 'FALSE';
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      const t = unescapeImportedCell(value.richText.map((r) => r.text).join('')).trim();
      return t === '' ? undefined : t;
    }
    if ('text' in value && typeof value.text === 'string') {
      return value.text.trim() || undefined;
    }
    if ('error' in value) {
      return String(value.error);
    }
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function headerText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object' && 'richText' in value) {
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  }
  return (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
}

function checkHeader(row: ExcelJS.Row): void {
  const found: string[] = [];
  for (let c = 1; c <= Math.max(row.cellCount, TEMPLATE_HEADERS.length); c++) {
    found.push(headerText(row.getCell(c).value));
  }
  for (let i = 0; i < TEMPLATE_HEADERS.length; i++) {
    if (found[i] !== TEMPLATE_HEADERS[i]) {
      throw foreignTemplate(`第1行第${columnLetter(i + 1)}列表头应为“${TEMPLATE_HEADERS[i]}”，实际为“${found[i]}”`, {
        column: columnLetter(i + 1),
      });
    }
  }
  const extra = found
    .slice(TEMPLATE_HEADERS.length)
    .filter((h, i) => h !== '' && !(i === 0 && h === ERROR_COLUMN_HEADER));
  if (extra.length > 0) {
    throw foreignTemplate(`表头后有多余的列“${extra[0]}”`);
  }
}

/**
 * The rows of the data sheet (header included), streamed (xlsxSheetRows), for the import and the error report alike.
 * A file whose parts cannot be read whole is 422 IMPORT_UNREADABLE in Chinese, never a 500 and never a wrong
 * "foreign template".
 */
export function dataSheetRows(filePath: string, dataSheetName: string): AsyncGenerator<ExcelJS.Row> {
  return xlsxSheetRows(filePath, dataSheetName, { styles: true });
}

/**
 * Streams the data rows of an uploaded template after inspectBatchFile's checks. Throws IMPORT_FORMULA_CELL,
 * IMPORT_EMPTY, IMPORT_TOO_MANY_ROWS, IMPORT_UNREADABLE while reading: callers must not keep anything from a file
 * that failed (R-42: an import applies whole or not at all).
 */
export function readBatchRows(
  filePath: string,
  meta: BatchFileMeta,
  options: ReadBatchFileOptions,
): AsyncGenerator<BatchRow> {
  return batchRows(dataSheetRows(filePath, meta.dataSheetName), options);
}

async function* batchRows(rows: AsyncIterable<ExcelJS.Row>, options: ReadBatchFileOptions): AsyncGenerator<BatchRow> {
  let sawHeader = false;
  let dataRows = 0;
  const width = TEMPLATE_COLUMNS.length;
  for await (const row of rows) {
    if (!sawHeader) {
      if (row.number !== 1) {
        throw foreignTemplate('第1行不是模板表头');
      }
      checkHeader(row);
      sawHeader = true;
      continue;
    }
    // One pass over the cells: formulas are refused wherever they are, values read from the template's columns.
    const issues: RecordIssue[] = [];
    const values: CertificateRecordInput = {};
    let empty = true;
    const last = Math.max(row.cellCount, width);
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      if (isFormulaCell(cell)) {
        const header = c <= width ? `“${TEMPLATE_HEADERS[c - 1]}”` : '';
        throw importError(
          ImportErrorCode.FORMULA_CELL,
          `第${row.number}行${header}（${columnLetter(c)}${row.number}单元格）含有公式。请将公式“粘贴为数值”后重新上传`,
          { row: row.number, column: columnLetter(c) },
        );
      }
      if (c > width) continue;
      const column = CERTIFICATE_RECORD_COLUMNS[c - 1];
      const text = cellText(cell.value, column.field, column.header, issues);
      if (text !== undefined) {
        values[column.field] = text;
        empty = false;
      }
    }
    if (empty) {
      continue;
    }
    dataRows++;
    if (dataRows > options.maxRows) {
      throw importError(
        ImportErrorCode.TOO_MANY_ROWS,
        `数据行数超过上限（最多 ${options.maxRows} 行）。请拆分为多个文件分批上传`,
        { maxRows: options.maxRows },
      );
    }
    yield { rowNumber: row.number, values, issues };
  }
  if (!sawHeader) {
    throw importError(ImportErrorCode.EMPTY, '工作表为空：没有表头和数据');
  }
  if (dataRows === 0) {
    throw importError(ImportErrorCode.EMPTY, '表格中没有数据行，请从第2行起填写证书数据');
  }
}

/** inspectBatchFile, then the rows; file-level failures surface from the first `next()`. */
export async function* readBatchFile(filePath: string, options: ReadBatchFileOptions): AsyncGenerator<BatchRow> {
  const meta = await inspectBatchFile(filePath, options);
  yield* readBatchRows(filePath, meta, options);
}

/** For callers that need the template's kind before consuming rows. */
export async function openBatchFile(
  filePath: string,
  options: ReadBatchFileOptions,
): Promise<{ meta: BatchFileMeta; rows: AsyncGenerator<BatchRow> }> {
  const meta = await inspectBatchFile(filePath, options);
  return { meta, rows: readBatchRows(filePath, meta, options) };
}
