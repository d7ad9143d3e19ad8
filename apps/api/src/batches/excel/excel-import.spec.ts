import { DomainError, type OccupationCatalogue } from '@app/domain';
import * as ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import {
  buildTemplate,
  DATA_SHEET_NAME,
  ERROR_COLUMN_HEADER,
  inspectBatchFile,
  loadOccupationCatalogue,
  openBatchFile,
  readBatchFile,
  readZipDirectory,
  readZipEntry,
  TEMPLATE_HEADERS,
  templateMarkerName,
  writeErrorReport,
  xlsxSheetRows,
  type BatchRow,
  type ReadBatchFileOptions,
} from './index';

const OPTIONS: ReadBatchFileOptions = { maxRows: 1000, maxBytes: 50 * 1024 * 1024 };
let dir: string;
let catalogue: OccupationCatalogue;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'excel-import-'));
  catalogue = loadOccupationCatalogue();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function templatePath(kind: 'skill_level' | 'qualification' = 'skill_level'): Promise<string> {
  const path = join(dir, `template-${kind}-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeFile(path, await buildTemplate(kind, { catalogue, now: new Date('2025-06-30T00:00:00Z') }));
  return path;
}

/** Opens the template like a user in Excel, fills rows, saves under a new name. */
async function filled(
  rows: ExcelJS.CellValue[][],
  kind: 'skill_level' | 'qualification' = 'skill_level',
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await templatePath(kind));
  const ws = wb.getWorksheet(DATA_SHEET_NAME)!;
  rows.forEach((r, i) => {
    ws.getRow(i + 2).values = r;
  });
  const path = join(dir, `filled-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

async function readAll(path: string, options: ReadBatchFileOptions = OPTIONS): Promise<BatchRow[]> {
  const rows: BatchRow[] = [];
  for await (const row of readBatchFile(path, options)) {
    rows.push(row);
  }
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

const ROW_A: ExcelJS.CellValue[] = [
  '王晓明',
  '居民身份证',
  '440106199005170014',
  '男',
  new Date(Date.UTC(1990, 4, 17)),
  '大学本科',
  '6-18-01-01',
  '车工',
  '',
  '三级/高级工',
  'Y000044000001253000123',
  new Date(Date.UTC(2025, 2, 10)),
  'ZK001',
  84.8,
  85,
  null,
  '良好',
];
const ROW_B: ExcelJS.CellValue[] = [
  '李毛',
  '1',
  '11010519491231002X',
  '2',
  '1949-12-31',
  '92',
  '4-10-01-05',
  '养老护理员',
  '',
  '5',
  'Y000044000001255000124',
  '2025-03-11',
  null,
  null,
  null,
  null,
  null,
];

/** A zip written by hand so sizes and layout can be made hostile. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

async function file(name: string, data: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

describe('buildTemplate (R-12)', () => {
  it('has the 17 headers in order, bold and frozen, drop-downs, text formats and the hidden marker', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await templatePath('qualification'));
    const ws = wb.getWorksheet(DATA_SHEET_NAME)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...TEMPLATE_HEADERS]);
    expect(TEMPLATE_HEADERS).toEqual([
      '姓名',
      '证件类型',
      '证件号码',
      '性别',
      '出生日期',
      '文化程度',
      '职业编码',
      '职业名称',
      '工种/职业方向',
      '职业技能等级',
      '证书编号',
      '发证日期',
      '准考证号',
      '理论知识考试成绩',
      '操作技能考核成绩',
      '综合评审成绩',
      '评定成绩',
    ]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(3).numFmt).toBe('@');
    expect(ws.getColumn(11).numFmt).toBe('@');
    expect(ws.getColumn(12).numFmt).toBe('yyyy-mm-dd');
    const validations = (ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } })
      .dataValidations;
    const gender = validations.find('D2');
    expect(gender).toMatchObject({ type: 'list', formulae: ["'代码表'!$B$2:$B$5"] });

    const lists = wb.getWorksheet('代码表')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getColumn(2).values.slice(1)).toEqual(['性别', '男', '女', '未知', '未说明']);
    expect(lists.getColumn(1).values).toContain('居民身份证');
    expect(lists.getColumn(3).values).toContain('大学本科');
    expect(lists.getColumn(6).values).toContain('三级/高级工');
    expect(lists.getColumn(4).values).toContain('6-18-01-01');
    expect(lists.getColumn(5).values).toContain('车工');
    expect(wb.getWorksheet('_meta')!.state).toBe('veryHidden');
    expect(wb.getWorksheet('填写说明')!.getCell('A1').value).toContain('职业资格证书');
    expect(wb.definedNames.model.map((d) => d.name)).toContain(templateMarkerName('qualification'));
  });
});

describe('readBatchFile', () => {
  it('round-trips a filled template: Excel dates and text dates, labels and numeric codes', async () => {
    const path = await filled([ROW_A, [], ROW_B]);
    const { meta, rows } = await openBatchFile(path, { ...OPTIONS, expectedKind: 'skill_level' });
    expect(meta).toMatchObject({ kind: 'skill_level', templateVersion: 1, dataSheetName: DATA_SHEET_NAME });
    const all: BatchRow[] = [];
    for await (const r of rows) {
      all.push(r);
    }
    expect(all).toEqual([
      {
        rowNumber: 2,
        issues: [],
        values: {
          holderName: '王晓明',
          idType: '居民身份证',
          idNumber: '440106199005170014',
          gender: '男',
          birthDate: '1990-05-17',
          education: '大学本科',
          occupationCode: '6-18-01-01',
          occupationName: '车工',
          level: '三级/高级工',
          certificateNumber: 'Y000044000001253000123',
          issueDate: '2025-03-10',
          admissionTicket: 'ZK001',
          theoryScore: '84.8',
          practicalScore: '85',
          result: '良好',
        },
      },
      {
        rowNumber: 4,
        issues: [],
        values: {
          holderName: '李毛',
          idType: '1',
          idNumber: '11010519491231002X',
          gender: '2',
          birthDate: '1949-12-31',
          education: '92',
          occupationCode: '4-10-01-05',
          occupationName: '养老护理员',
          level: '5',
          certificateNumber: 'Y000044000001255000124',
          issueDate: '2025-03-11',
        },
      },
    ]);
  });

  it('accepts a renamed data sheet (the marker follows it) and converts serial dates in plain cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await templatePath());
    const ws = wb.getWorksheet(DATA_SHEET_NAME)!;
    ws.name = '广州第一批';
    // Excel re-points defined names on rename; exceljs does not, so do it here as Excel would.
    wb.definedNames.model = [{ name: templateMarkerName('skill_level'), ranges: ["'广州第一批'!$A$1:$Q$1"] }];
    ws.getRow(2).values = [...ROW_A.slice(0, 11), 45726];
    ws.getCell('L2').numFmt = 'General';
    const path = join(dir, 'renamed.xlsx');
    await wb.xlsx.writeFile(path);
    const rows = await readAll(path);
    expect(rows[0].values.issueDate).toBe('2025-03-10');
  });

  it('flags an 18-digit number stored as a number (Excel keeps 15 digits)', async () => {
    const path = await filled([[...ROW_A.slice(0, 2), 440106199005170000, ...ROW_A.slice(3)]]);
    const [row] = await readAll(path);
    expect(row.issues).toEqual([
      { column: '证件号码', message: expect.stringContaining('超过15位的数字会被Excel截断'), severity: 'error' },
    ]);
  });

  it('refuses a template of the other kind', async () => {
    const path = await filled([ROW_A], 'qualification');
    const e = await refusal(inspectBatchFile(path, { ...OPTIONS, expectedKind: 'skill_level' }));
    expect(e.code).toBe('IMPORT_TEMPLATE_KIND_MISMATCH');
    expect(e.message).toContain('职业资格证书模板');
  });

  it('refuses a foreign workbook with the right headers but no marker', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(DATA_SHEET_NAME).addRow([...TEMPLATE_HEADERS]);
    wb.getWorksheet(DATA_SHEET_NAME)!.addRow(ROW_A);
    const path = join(dir, 'foreign.xlsx');
    await wb.xlsx.writeFile(path);
    const e = await refusal(readAll(path));
    expect(e.code).toBe('IMPORT_FOREIGN_TEMPLATE');
    expect(e.message).toMatch(/^不是本平台生成的导入模板/);
  });

  it('refuses a template whose header row was changed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await templatePath());
    const ws = wb.getWorksheet(DATA_SHEET_NAME)!;
    ws.getCell('C1').value = '身份证号';
    ws.getRow(2).values = ROW_A;
    const path = join(dir, 'changed-header.xlsx');
    await wb.xlsx.writeFile(path);
    const e = await refusal(readAll(path));
    expect(e.code).toBe('IMPORT_FOREIGN_TEMPLATE');
    expect(e.message).toContain('第1行第C列表头应为“证件号码”，实际为“身份证号”');
  });

  it('refuses formula cells, naming row and column', async () => {
    const row = [...ROW_A];
    row[10] = { formula: '"Y0000"&"44000001253000123"', result: 'Y000044000001253000123' };
    const path = await filled([ROW_B, row]);
    const e = await refusal(readAll(path));
    expect(e.code).toBe('IMPORT_FORMULA_CELL');
    expect(e.message).toContain('第3行“证书编号”（K3单元格）含有公式');
    expect(e.details).toEqual({ row: 3, column: 'K' });
  });

  it('refuses an empty sheet', async () => {
    const e = await refusal(readAll(await templatePath()));
    expect(e.code).toBe('IMPORT_EMPTY');
  });

  describe('reading the zip (parts by the central directory, in the order they are needed)', () => {
    /** The file's entries, in stored order. */
    async function entriesOf(path: string): Promise<{ name: string; data: Buffer }[]> {
      const zipDir = await readZipDirectory(path);
      const out: { name: string; data: Buffer }[] = [];
      for (const e of zipDir.entries) out.push({ name: e.name, data: await readZipEntry(path, e, 1e8) });
      return out;
    }

    it('reads the same rows whatever order the parts are stored in', async () => {
      const path = await filled([ROW_A, ROW_B]);
      const entries = await entriesOf(path);
      const ids = (rows: BatchRow[]) => rows.map((r) => r.values.idNumber);
      const want = ids(await readAll(path));
      expect(want).toEqual(['440106199005170014', '11010519491231002X']);
      for (const order of [[...entries].reverse(), [...entries].sort((a, b) => a.name.localeCompare(b.name))]) {
        expect(ids(await readAll(await file(`order-${Math.random()}.xlsx`, zip(order))))).toEqual(want);
      }
    });

    it('loses nothing when one file is read 24 times at once', async () => {
      const path = await filled([ROW_A, ROW_B, ROW_A]);
      const reads = await Promise.all(Array.from({ length: 24 }, () => readAll(path)));
      for (const rows of reads) {
        expect(rows.map((r) => [r.rowNumber, r.values.idNumber, r.values.birthDate])).toEqual([
          [2, '440106199005170014', '1990-05-17'],
          [3, '11010519491231002X', '1949-12-31'],
          [4, '440106199005170014', '1990-05-17'],
        ]);
      }
    });

    it('answers IMPORT_UNREADABLE in Chinese when the data sheet is damaged', async () => {
      const entries = await entriesOf(await filled([ROW_A, ROW_B]));
      const damaged = entries.map((e) =>
        e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: e.data.subarray(0, e.data.length - 40) } : e,
      );
      expect(damaged).not.toEqual(entries);
      const e = await refusal(readAll(await file(`damaged-${Math.random()}.xlsx`, zip(damaged))));
      expect(e.code).toBe('IMPORT_UNREADABLE');
      expect(e.message).toContain('另存为 .xlsx');
    });

    it('answers IMPORT_UNREADABLE when a sheet the workbook declares is not in the zip', async () => {
      const entries = await entriesOf(await filled([ROW_A]));
      const e = await refusal(
        readAll(
          await file(
            `missing-${Math.random()}.xlsx`,
            zip(entries.filter((x) => x.name !== 'xl/worksheets/sheet1.xml')),
          ),
        ),
      );
      expect(e.code).toBe('IMPORT_UNREADABLE');
    });
  });

  it('refuses more rows than allowed', async () => {
    const path = await filled([ROW_A, ROW_B, ROW_A]);
    const e = await refusal(readAll(path, { ...OPTIONS, maxRows: 2 }));
    expect(e.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(e.message).toContain('最多 2 行');
  });

  it('refuses files over the size limit before opening them', async () => {
    const path = await filled([ROW_A]);
    const e = await refusal(readAll(path, { ...OPTIONS, maxBytes: 1000 }));
    expect(e.code).toBe('IMPORT_FILE_TOO_LARGE');
  });

  it.each([
    ['plain text', Buffer.from('姓名,证件号码\n张三,1\n'), '文件头不是 ZIP/xlsx 格式'],
    ['an old .xls / encrypted file', Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex'), '旧版 .xls'],
    ['a zip without a workbook', zip([{ name: 'hello.txt', data: Buffer.from('hi') }]), 'xl/workbook.xml'],
    ['a truncated zip', zip([{ name: 'a.txt', data: Buffer.from('hi') }]).subarray(0, 40), '文件不完整'],
  ])('refuses %s as not .xlsx', async (_name, data, message) => {
    const e = await refusal(readAll(await file(`bad-${Math.random()}.xlsx`, data)));
    expect(e.code).toBe('IMPORT_NOT_XLSX');
    expect(e.message).toContain(message);
  });

  describe('zip bombs (R-42)', () => {
    const workbook = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };
    const types = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };

    it('refuses a highly compressed entry by its declared ratio, without inflating it', async () => {
      const bomb = zip([
        types,
        workbook,
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) },
      ]);
      expect(bomb.length).toBeLessThan(100 * 1024);
      const e = await refusal(readAll(await file('bomb-ratio.xlsx', bomb)));
      expect(e.code).toBe('IMPORT_ZIP_BOMB');
      expect(e.message).toContain('压缩比异常');
    });

    it('refuses an archive whose unpacked size exceeds the limit', async () => {
      const big = zip([types, workbook, { name: 'xl/sharedStrings.xml', data: Buffer.alloc(3 * 1024 * 1024, 7) }]);
      const e = await refusal(
        readAll(await file('bomb-size.xlsx', big), {
          ...OPTIONS,
          zipLimits: { maxUncompressedBytes: 2 * 1024 * 1024, maxRatio: 100_000 },
        }),
      );
      expect(e.code).toBe('IMPORT_ZIP_BOMB');
      expect(e.message).toContain('解压后体积过大');
    });

    it('refuses an archive with too many entries', async () => {
      const many = zip([
        types,
        workbook,
        ...Array.from({ length: 1001 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('x') })),
      ]);
      const e = await refusal(readAll(await file('bomb-entries.xlsx', many)));
      expect(e.code).toBe('IMPORT_ZIP_BOMB');
      expect(e.message).toContain('文件数过多');
    });

    it('refuses an entry that inflates to more than its directory declares', async () => {
      const liar = zip([
        types,
        workbook,
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200_000, 0x41), declaredSize: 5_000 },
      ]);
      const e = await refusal(readAll(await file('bomb-liar.xlsx', liar)));
      expect(e.code).toBe('IMPORT_ZIP_BOMB');
      expect(e.message).toContain('超过声明');
    });

    it('refuses data hidden between entries (a sequential zip reader would see it)', async () => {
      const a = zip([types, workbook]);
      // Move the central directory pointer's target by inserting a stray local entry before it.
      const stray = zip([{ name: 'xl/worksheets/sheet9.xml', data: Buffer.alloc(1000, 1) }]);
      const strayLocal = stray.subarray(0, stray.length - 22 - (46 + 'xl/worksheets/sheet9.xml'.length));
      const cdStart = a.readUInt32LE(a.length - 22 + 16);
      const patched = Buffer.concat([a.subarray(0, cdStart), strayLocal, a.subarray(cdStart)]);
      patched.writeUInt32LE(cdStart + strayLocal.length, patched.length - 22 + 16);
      const e = await refusal(readAll(await file('bomb-hidden.xlsx', patched)));
      expect(e.code).toBe('IMPORT_ZIP_BOMB');
      expect(e.message).toContain('目录之外');
    });
  });
});

describe('xlsxSheetRows', () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const LONG = '证'.repeat(40_000); // 120 kB of UTF-8: crosses inflated chunk boundaries
  const parts = {
    workbook: {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}"><workbookPr date1904="1"/><sheets>` +
          '<sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="数据 &amp; 表" sheetId="2" r:id="rId2"/></sheets></workbook>',
      ),
    },
    rels: {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/>` +
          `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="strings.xml"/>` +
          `<Relationship Id="rId4" Type="${REL}/styles" Target="./styles.xml"/></Relationships>`,
      ),
    },
    strings: {
      name: 'xl/strings.xml',
      data: Buffer.from(
        `<sst ${NS}><si><t>说明</t></si><si><r><t>王</t></r><r><rPr><b/></rPr><t xml:space="preserve">晓明 </t></r></si>` +
          `<si><t>张三</t><rPh sb="0" eb="2"><t>zhāng sān</t></rPh><phoneticPr fontId="1"/></si><si><t>${LONG}</t></si></sst>`,
      ),
    },
    styles: {
      name: 'xl/styles.xml',
      data: Buffer.from(
        `<styleSheet ${NS}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
    },
    sheet1: {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.from(
        `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      ),
    },
    data: {
      name: 'xl/worksheets/data.xml',
      data: Buffer.from(
        `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c>` +
          '<c r="C1" s="1"><v>44000</v></c><c r="D1" t="inlineStr"><is><t>居民身份证</t></is></c><c r="E1"><f>1+1</f><v>2</v></c></row>' +
          '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="s"><v>3</v></c></row></sheetData></worksheet>\n',
      ),
    },
  };
  const all = Object.values(parts);

  async function sheet(entries: { name: string; data: Buffer }[], name = '数据 & 表', styles = true) {
    const path = await file(`sheet-${Math.random()}.xlsx`, zip(entries));
    const rows: { number: number; values: ExcelJS.CellValue[] }[] = [];
    for await (const row of xlsxSheetRows(path, name, { styles })) {
      rows.push({ number: row.number, values: [1, 2, 3, 4, 5].map((c) => row.getCell(c).value) });
    }
    return rows;
  }

  it('finds the sheet by name through the relationships; shared strings, rich text, 1904 dates, inline strings, formulas', async () => {
    expect(await sheet(all)).toEqual([
      {
        number: 1,
        values: [
          { richText: [{ text: '王' }, { text: '晓明 ' }] },
          '张三',
          new Date(Date.UTC(2024, 5, 19)),
          '居民身份证',
          { formula: '1+1', result: 2 },
        ],
      },
      { number: 3, values: [true, LONG, null, null, null] },
    ]);
    expect(await sheet([...all].reverse(), '说明')).toEqual([{ number: 1, values: ['说明', null, null, null, null] }]);
  });

  it('gives date cells as serial numbers when styles are not read', async () => {
    expect((await sheet(all, '数据 & 表', false))[0].values[2]).toBe(44000);
  });

  it.each([
    ['a sheet the workbook does not name', all, '其他'],
    ['a missing sheet part', all.filter((p) => p !== parts.data), '数据 & 表'],
    ['missing shared strings', all.filter((p) => p !== parts.strings), '数据 & 表'],
    [
      'a sheet cut short',
      all.map((p) => (p === parts.data ? { ...p, data: p.data.subarray(0, 200) } : p)),
      '数据 & 表',
    ],
    [
      'malformed XML',
      all.map((p) => (p === parts.data ? { ...p, data: Buffer.from('<worksheet><<') } : p)),
      '数据 & 表',
    ],
  ])('answers IMPORT_UNREADABLE for %s', async (_what, entries, name) => {
    const e = await refusal(sheet(entries, name));
    expect(e.code).toBe('IMPORT_UNREADABLE');
    expect(e.message).toContain('另存为 .xlsx');
  });
});

describe('writeErrorReport (R-12, R-42)', () => {
  it('re-emits the sheet with 错误说明, red bad cells, kept good rows, escaped text; the fixed report imports again', async () => {
    const hostile = [...ROW_B];
    hostile[8] = '=HYPERLINK("http://x","点我")';
    const source = await filled([ROW_A, hostile]);
    const reportPath = join(dir, 'report.xlsx');
    const out = createWriteStream(reportPath);
    await writeErrorReport(
      source,
      [
        { row: 3, column: '证件号码', message: '居民身份证号码校验位错误' },
        { row: 3, column: '证书编号', message: '证书编号与第2行重复' },
        { row: 3, column: '证书编号', message: '证书编号不是常见格式', severity: 'warning' },
        { row: 3, column: '整行', message: '本行另有问题' },
      ],
      out,
      { catalogue, now: new Date('2025-06-30T00:00:00Z') },
    );
    await finished(out);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reportPath);
    const ws = wb.getWorksheet(DATA_SHEET_NAME)!;
    expect(ws.getCell('R1').value).toBe(ERROR_COLUMN_HEADER);
    expect(ws.getCell('A2').value).toBe('王晓明');
    expect(ws.getCell('R2').value).toBeNull();
    expect(ws.getCell('A3').value).toBe('李毛');
    expect(ws.getCell('R3').value).toBe(
      '【证件号码】居民身份证号码校验位错误；【证书编号】证书编号与第2行重复；【证书编号】证书编号不是常见格式；本行另有问题',
    );
    expect((ws.getCell('C3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('K3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('A3').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    expect(ws.getCell('I3').value).toBe('\'=HYPERLINK("http://x","点我")');
    expect(ws.getCell('I3').formula).toBeUndefined();
    expect(ws.getCell('L2').value).toEqual(new Date(Date.UTC(2025, 2, 10)));
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(typeof cell.value === 'string' ? cell.value : '').not.toMatch(/^[=+\-@]/);
      }),
    );

    // Fix and re-upload: marker kept, 错误说明 column tolerated, escaped text restored.
    const rows = await readAll(reportPath);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(rows[1].values.workType).toBe('=HYPERLINK("http://x","点我")');
    expect(rows[0].values).toMatchObject({ holderName: '王晓明', birthDate: '1990-05-17', issueDate: '2025-03-10' });
  });
});

describe('occupation catalogue (config/occupations.csv)', () => {
  it('loads the shipped catalogue', () => {
    expect(catalogue.entries.length).toBe(78);
    expect(catalogue.byCode('4-07-05-03')?.name).toBe('消防设施操作员');
  });

  it('R-8: loads the qualification catalogues, the 2022 大典 date and the historical codes beside it (config/)', () => {
    expect(catalogue.qualificationCatalogues.map((c) => [c.id, c.effective])).toEqual([
      ['Q17', '2017-09-12'],
      ['Q21', '2021-11-23'],
    ]);
    expect(catalogue.classification).toMatchObject({ id: 'D22', published: '2022-09-28' });
    expect(catalogue.resolve('6-04-01-01', '车工', '2014-06-30')).toMatchObject({
      ok: true,
      occupation: { code: '6-18-01-01' },
    });
    expect(catalogue.membership(catalogue.byCode('6-18-01-01')!, 'Q17')).toBe('yes');
    expect(catalogue.membership(catalogue.byCode('6-18-01-01')!, 'Q21')).toBe('no');
    expect(catalogue.membership(catalogue.byCode('4-07-05-02')!, 'Q21')).toBe('partial');
  });
});
