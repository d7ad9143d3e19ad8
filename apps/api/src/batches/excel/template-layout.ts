import {
  ASSESSMENT_RESULTS,
  CERTIFICATE_KINDS,
  CERTIFICATE_LEVELS,
  CERTIFICATE_RECORD_COLUMNS,
  EDUCATION_LEVELS,
  GENDERS,
  ID_TYPES,
  labelOf,
  type CertificateRecordField,
  type OccupationCatalogue,
} from '@app/domain';
import * as ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import type { Writable } from 'node:stream';

// The import template's layout, shared by the template, the error report and the bench
// generator so all three import the same way.

export type TemplateKind = 'skill_level' | 'qualification';
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['skill_level', 'qualification'];

export const TEMPLATE_ID = 'CertImportTemplate';
export const TEMPLATE_VERSION = 1;
export const SUPPORTED_TEMPLATE_VERSIONS: readonly number[] = [1];

export const DATA_SHEET_NAME = '证书数据';
export const INSTRUCTIONS_SHEET_NAME = '填写说明';
export const LISTS_SHEET_NAME = '代码表';
export const META_SHEET_NAME = '_meta';
/** Added by the error report; tolerated (and ignored) when a fixed report is uploaded again. */
export const ERROR_COLUMN_HEADER = '错误说明';

/**
 * Rows of the data sheet that carry drop-down lists (column formats cover every row). Kept modest: exceljs's
 * non-streaming reader expands each validated range cell by cell; the server validates every row anyway.
 */
export const TEMPLATE_VALIDATION_ROWS = 10_000;

export const TEMPLATE_HEADERS: readonly string[] = CERTIFICATE_RECORD_COLUMNS.map((c) => c.header);

/**
 * The hidden version marker is a workbook-level defined name, e.g. CertImportTemplate_v1_skill_level, that
 * refers to the data sheet's header row. It lives in xl/workbook.xml (read before any row), survives saving in
 * Excel, WPS and LibreOffice, and follows the sheet if the user renames it. The veryHidden _meta sheet repeats it
 * in readable form.
 */
export function templateMarkerName(kind: TemplateKind, version = TEMPLATE_VERSION): string {
  return `${TEMPLATE_ID}_v${version}_${kind}`;
}

export function parseTemplateMarkerName(name: string): { version: number; kind: TemplateKind } | null {
  const m = /^CertImportTemplate_v(\d+)_(skill_level|qualification)$/i.exec(name);
  return m ? { version: Number(m[1]), kind: m[2].toLowerCase() as TemplateKind } : null;
}

type ListKey = 'idType' | 'gender' | 'education' | 'occupationCode' | 'occupationName' | 'level' | 'result';
type CellFormat = 'text' | 'date' | 'general';

export interface TemplateColumnSpec {
  field: CertificateRecordField;
  header: string;
  width: number;
  format: CellFormat;
  list?: ListKey;
  required: '必填' | '选填' | '居民身份证可不填';
  help: string;
}

const SPEC: Record<CertificateRecordField, Omit<TemplateColumnSpec, 'field' | 'header'>> = {
  holderName: { width: 12, format: 'text', required: '必填', help: '持证人姓名，最多10个汉字或20个英文字符' },
  idType: { width: 22, format: 'text', list: 'idType', required: '必填', help: '从下拉列表选择，或填写代码' },
  idNumber: {
    width: 22,
    format: 'text',
    required: '必填',
    help: '居民身份证须为18位有效号码（末位X大写）；请保持文本格式，避免被Excel截断',
  },
  gender: {
    width: 8,
    format: 'text',
    list: 'gender',
    required: '居民身份证可不填',
    help: '男/女（代码1/2），须与身份证号码一致；居民身份证可不填，由号码得出',
  },
  birthDate: {
    width: 12,
    format: 'date',
    required: '居民身份证可不填',
    help: 'YYYY-MM-DD，须与身份证号码一致；居民身份证可不填',
  },
  education: {
    width: 18,
    format: 'text',
    list: 'education',
    required: '选填',
    help: '2013年数据采集表代码91—99或其名称',
  },
  occupationCode: {
    width: 12,
    format: 'text',
    list: 'occupationCode',
    required: '必填',
    help: '《职业分类大典（2022年版）》编码，如6-18-01-01，须在本机构备案范围内',
  },
  occupationName: { width: 22, format: 'text', list: 'occupationName', required: '必填', help: '须与职业编码对应' },
  workType: { width: 18, format: 'text', required: '选填', help: '工种或职业方向名称，最多30个汉字' },
  level: {
    width: 14,
    format: 'text',
    list: 'level',
    required: '必填',
    help: '五级/初级工 … 一级/高级技师，或代码5—1；须在备案等级范围内',
  },
  certificateNumber: {
    width: 26,
    format: 'text',
    required: '必填',
    help: '全国唯一；职业技能等级证书通常为22位（Y/S开头），职业资格证书通常为16位数字',
  },
  issueDate: {
    width: 12,
    format: 'date',
    required: '必填',
    help: 'YYYY-MM-DD，不得晚于今天、不得早于机构备案日期；持证人发证时须年满16周岁',
  },
  admissionTicket: { width: 18, format: 'text', required: '选填', help: '字母、数字或“-”，最多30个字符' },
  theoryScore: { width: 10, format: 'general', required: '选填', help: '0—100，最多一位小数' },
  practicalScore: { width: 10, format: 'general', required: '选填', help: '0—100，最多一位小数' },
  comprehensiveScore: { width: 10, format: 'general', required: '选填', help: '0—100，最多一位小数' },
  result: { width: 10, format: 'text', list: 'result', required: '选填', help: '不合格/合格/良好/优秀，或代码1—4' },
};

export const TEMPLATE_COLUMNS: readonly TemplateColumnSpec[] = CERTIFICATE_RECORD_COLUMNS.map((c) => ({
  field: c.field,
  header: c.header,
  ...SPEC[c.field],
}));

const NUM_FMT: Record<CellFormat, string | undefined> = { text: '@', date: 'yyyy-mm-dd', general: undefined };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;

function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export { columnLetter };

interface ListColumn {
  key: ListKey;
  title: string;
  values: string[];
}

function listColumns(catalogue: OccupationCatalogue): ListColumn[] {
  return [
    { key: 'idType', title: '证件类型', values: ID_TYPES.map((e) => e.label) },
    { key: 'gender', title: '性别', values: GENDERS.map((e) => e.label) },
    { key: 'education', title: '文化程度', values: EDUCATION_LEVELS.map((e) => e.label) },
    { key: 'occupationCode', title: '职业编码', values: catalogue.entries.map((e) => e.code) },
    { key: 'occupationName', title: '职业名称', values: catalogue.entries.map((e) => e.name) },
    { key: 'level', title: '职业技能等级', values: CERTIFICATE_LEVELS.map((e) => e.label) },
    { key: 'result', title: '评定成绩', values: ASSESSMENT_RESULTS.map((e) => e.label) },
  ];
}

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * Adds the data sheet with column widths and formats, frozen header row and drop-down lists; the caller writes
 * the header row (writeHeaderRow) and data rows, then commits it. `extraColumns` follow the template's columns.
 */
export function addDataSheet(
  workbook: Writer,
  catalogue: OccupationCatalogue,
  extraColumns: { width: number }[] = [],
): Worksheet {
  const sheet = workbook.addWorksheet(DATA_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = [
    ...TEMPLATE_COLUMNS.map((c) => ({ width: c.width, style: NUM_FMT[c.format] ? { numFmt: NUM_FMT[c.format] } : {} })),
    ...extraColumns.map((c) => ({
      width: c.width,
      style: { alignment: { wrapText: true, vertical: 'top' as const } },
    })),
  ];
  const lists = listColumns(catalogue);
  const lastRow = TEMPLATE_VALIDATION_ROWS + 1;
  TEMPLATE_COLUMNS.forEach((c, i) => {
    if (!c.list) {
      return;
    }
    const listIndex = lists.findIndex((l) => l.key === c.list);
    const list = lists[listIndex];
    const col = columnLetter(listIndex + 1);
    const letter = columnLetter(i + 1);
    // Range keys are supported by exceljs at runtime but missing from its typings.
    (sheet as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations.add(
      `${letter}2:${letter}${lastRow}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`'${LISTS_SHEET_NAME}'!$${col}$2:$${col}$${list.values.length + 1}`],
        // Warning, not stop: the 2013 table's numeric codes may be typed instead of labels, as the 2013 rules allowed.
        errorStyle: 'warning',
        showErrorMessage: true,
        errorTitle: c.header,
        error: '建议从下拉列表中选择；也可填写对应代码。是否有效以上传校验结果为准。',
      },
    );
  });
  return sheet;
}

export function writeHeaderRow(sheet: Worksheet, extraHeaders: string[] = []): void {
  const row = sheet.addRow([...TEMPLATE_HEADERS, ...extraHeaders]);
  row.eachCell((cell, col) => {
    const isExtra = col > TEMPLATE_HEADERS.length;
    cell.style = {
      font: { bold: true, color: { argb: isExtra ? 'FF9C0006' : 'FF000000' } },
      fill: HEADER_FILL,
      alignment: { vertical: 'middle', horizontal: 'center' },
      numFmt: '@',
    };
  });
  row.commit();
}

/**
 * Adds 填写说明, the hidden 代码表 (drop-down sources), the veryHidden _meta sheet and the marker name.
 * Call after the data sheet is committed.
 */
export function addSupportSheets(
  workbook: Writer,
  kind: TemplateKind,
  catalogue: OccupationCatalogue,
  generatedAt: Date,
): void {
  const kindLabel = labelOf(CERTIFICATE_KINDS, kind);

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  help.columns = [{ width: 20 }, { width: 18 }, { width: 90 }];
  const title = help.addRow([`${kindLabel}数据导入模板 填写说明`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const lines = [
    `1. 请在“${DATA_SHEET_NAME}”工作表第2行起逐行填写，每行一本证书；不要修改、移动或删除表头，不要删除隐藏的工作表。`,
    '2. 不要使用公式；从其他表格复制时请“粘贴为数值”。含公式的文件会被拒绝。',
    '3. 日期可填写为 Excel 日期或 YYYY-MM-DD 格式的文本。编码类字段可从下拉列表选择名称，也可填写数据采集表的数字代码。',
    '4. 证件号码、证书编号请保持文本格式，避免长数字被 Excel 截断。',
    '5. 上传后系统逐行校验；有错误时可下载“错误报告”，按“错误说明”列修改标红单元格后直接重新上传该文件。',
    `6. 模板：${TEMPLATE_ID} 第${TEMPLATE_VERSION}版（${kindLabel}）。`,
  ];
  for (const line of lines) {
    help.addRow([line]).commit();
  }
  help.addRow([]).commit();
  const head = help.addRow(['列名', '是否必填', '填写要求']);
  head.font = { bold: true };
  head.commit();
  for (const c of TEMPLATE_COLUMNS) {
    help.addRow([c.header, c.required, c.help]).commit();
  }
  help.commit();

  const lists = listColumns(catalogue);
  const listSheet = workbook.addWorksheet(LISTS_SHEET_NAME, { state: 'hidden' });
  listSheet.columns = lists.map(() => ({ width: 24, style: { numFmt: '@' } }));
  const longest = Math.max(...lists.map((l) => l.values.length));
  listSheet.addRow(lists.map((l) => l.title)).commit();
  for (let i = 0; i < longest; i++) {
    listSheet.addRow(lists.map((l) => l.values[i] ?? null)).commit();
  }
  listSheet.commit();

  const meta = workbook.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  meta.addRow(['template', TEMPLATE_ID]).commit();
  meta.addRow(['version', TEMPLATE_VERSION]).commit();
  meta.addRow(['kind', kind]).commit();
  meta.addRow(['generatedAt', generatedAt.toISOString()]).commit();
  meta.addRow(['note', '请勿修改或删除本工作表（导入模板版本标记）']).commit();
  meta.commit();

  const lastCol = columnLetter(TEMPLATE_HEADERS.length);
  workbook.definedNames.add(`'${DATA_SHEET_NAME}'!$A$1:$${lastCol}$1`, templateMarkerName(kind));
}

/** A workbook writer set up the way every file of this layout is written (styles on, inline strings). */
export function createLayoutWriter(out: Writable): Writer {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  writer.creator = '证书数据监管平台';
  return writer;
}
