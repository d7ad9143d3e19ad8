import * as ExcelJS from 'exceljs';
import {
  DomainError,
  escapeCellForExport,
  LOOKUP_BATCH_HEADERS,
  unescapeImportedCell,
  type LookupKind,
} from '@app/domain';
import { LOOKUP_KIND_LABELS, type LookupBatchRow } from '@app/contracts';
import { importError, ImportErrorCode, inspectXlsxContainer, isFormulaCell, xlsxSheetRows } from '../batches/excel';

// the batch query's sheet — the template (姓名、证件号码、证书编号 on the first visible sheet), reading an
// upload after the certificate import's container checks (size, real .xlsx, zip bomb; formula cells refused),
// and the masked results as .xlsx.

export interface BatchQueryLine {
  rowNumber: number;
  name: string;
  idNumber: string;
  certificateNumber: string;
}

const SHEET_NAME = '批量查询';
const COLUMN_WIDTHS = [16, 24, 26];

async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template: the three headers on the first sheet, text-formatted columns, and a notes sheet. */
export async function buildBatchQueryTemplate(kind: LookupKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LOOKUP_BATCH_HEADERS.map((header, i) => ({
    header,
    width: COLUMN_WIDTHS[i],
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const notes = workbook.addWorksheet('填写说明');
  for (const line of [
    `${LOOKUP_KIND_LABELS[kind]}批量查询模板（法人用户）`,
    '1. 在“批量查询”工作表第2行起，每行填写一本证书的姓名、证件号码、证书编号三项信息，请勿修改表头和工作表顺序。',
    '2. 为保障查询流畅性，单次查询建议控制在 50 条以内；每行计入当日查询次数。',
    '3. 请只填写文字或数字，不要使用公式。查询结果脱敏显示。',
  ]) {
    notes.addRow([line]);
  }
  notes.getColumn(1).width = 100;
  return workbookBuffer(workbook);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string') return unescapeImportedCell(value).trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) {
    return unescapeImportedCell(value.richText.map((r) => r.text).join('')).trim();
  }
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text.trim();
  return typeof value === 'boolean' ? String(value) : '';
}

const templateError = (why: string) =>
  new DomainError('LOOKUP_BATCH_TEMPLATE', `请使用本网站下载的批量查询模板，勿修改表头：${why}`);

/**
 * The lines of an uploaded batch query: the container checks of the certificate import first, then the first
 * visible sheet, whose first row must be the three headers. Formula cells are refused anywhere; more than `maxRows`
 * lines → 422 LOOKUP_BATCH_TOO_MANY_ROWS (reading stops there).
 */
export async function readBatchQuerySheet(
  filePath: string,
  options: { maxBytes: number; maxRows: number },
): Promise<BatchQueryLine[]> {
  const container = await inspectXlsxContainer(filePath, { maxBytes: options.maxBytes });
  const first = container.workbook.sheets.find((s) => s.state === 'visible');
  if (!first) throw templateError('没有可见的工作表');
  const lines: BatchQueryLine[] = [];
  let sawHeader = false;
  for await (const row of xlsxSheetRows(filePath, first.name, { styles: false })) {
    for (let c = 1; c <= row.cellCount; c++) {
      if (isFormulaCell(row.getCell(c))) {
        throw importError(
          ImportErrorCode.FORMULA_CELL,
          `第${row.number}行第${c}列含有公式。请将公式“粘贴为数值”后重新上传`,
          { row: row.number, column: c },
        );
      }
    }
    const values = [1, 2, 3].map((c) => cellText(row.getCell(c).value));
    if (!sawHeader) {
      if (row.number !== 1 || values.some((v, i) => v !== LOOKUP_BATCH_HEADERS[i])) {
        throw templateError(`第1行应为“${LOOKUP_BATCH_HEADERS.join('、')}”`);
      }
      sawHeader = true;
      continue;
    }
    if (values.every((v) => v === '')) continue;
    if (lines.length >= options.maxRows) {
      throw new DomainError('LOOKUP_BATCH_TOO_MANY_ROWS', `单次批量查询最多 ${options.maxRows} 条，请拆分后分批查询`, {
        maxRows: options.maxRows,
      });
    }
    lines.push({ rowNumber: row.number, name: values[0], idNumber: values[1], certificateNumber: values[2] });
  }
  if (lines.length === 0) throw importError(ImportErrorCode.EMPTY, '表格中没有查询数据，请从第2行起填写');
  return lines;
}

const RESULT_HEADERS = [
  '行号',
  '姓名',
  '性别',
  '证件号码',
  '职业资格/职业（工种）',
  '职业方向',
  '技能等级',
  '证书编号',
  '发证日期',
  '评价机构',
  '数据责任单位',
  '查询结果',
];

/** The masked results on the first sheet; every text cell passes the formula-injection escape. */
export async function buildBatchQueryExport(rows: LookupBatchRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('查询结果');
  sheet.addRow(RESULT_HEADERS).font = { bold: true };
  for (const row of rows) {
    const lines = row.results.length > 0 ? row.results : [null];
    for (const c of lines) {
      const cells = c
        ? [
            row.rowNumber,
            c.holderName,
            c.gender,
            c.idNumber,
            c.occupationName,
            c.workType ?? '',
            c.levelLabel ?? '',
            c.certificateNumber,
            c.issueDate,
            c.institutionName,
            c.dataResponsibleUnit,
            '查询到',
          ]
        : [
            row.rowNumber,
            row.queriedName,
            '',
            row.queriedIdNumberMasked,
            '',
            '',
            '',
            row.queriedCertificateNumber,
            '',
            '',
            '',
            '未查询到',
          ];
      sheet.addRow(cells.map((v) => escapeCellForExport(v)));
    }
  }
  sheet.columns.forEach((column, i) => {
    column.width = [6, 10, 6, 22, 20, 16, 14, 24, 12, 24, 24, 10][i];
  });
  return workbookBuffer(workbook);
}
