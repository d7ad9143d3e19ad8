import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { createSeededRng, generateResidentId } from '../../../libs/domain/src';
import type { TestApp } from './test-app';

/** One row as a user types it into the template (labels, not codes). */
export interface SheetRow {
  姓名: string;
  证件类型: string;
  证件号码: string;
  性别: string;
  出生日期: string;
  文化程度: string;
  职业编码: string;
  职业名称: string;
  '工种/职业方向': string;
  职业技能等级: string;
  证书编号: string;
  发证日期: string;
  准考证号?: string;
  理论知识考试成绩?: number | string;
  操作技能考核成绩?: number | string;
  综合评审成绩?: number | string;
  评定成绩?: string;
}

const SURNAMES = ['陈', '李', '黄', '张', '梁', '刘', '林', '吴', '何', '周'];
const GIVEN = ['伟', '芳', '敏', '静', '丽', '强', '磊', '洋', '艳', '军', '杰', '娟'];
let serial = 0;

/** A valid 22-character skill-level certificate number (Appendix B layout), unique within the test run. */
export function certificateNumber(level: number, year = '26'): string {
  serial += 1;
  return `S${'GZYC'}44${'010100'}${year}${level}${String(100000 + serial + Math.floor(Math.random() * 800000)).slice(-6)}`;
}

/** A valid row for 广州市白云区粤厨职业培训学校 (中式烹调师, levels 5–1). */
export function validRow(seed: number, overrides: Partial<SheetRow> = {}): SheetRow {
  const rng = createSeededRng(seed);
  const gender = seed % 2 === 0 ? 2 : 1;
  const birthDate = `19${80 + (seed % 19)}-0${1 + (seed % 9)}-1${seed % 9}`;
  const id = generateResidentId(rng, { regionCode: '440111', birthDate, gender });
  return {
    姓名: `${SURNAMES[seed % SURNAMES.length]}${GIVEN[(seed * 7) % GIVEN.length]}${GIVEN[(seed * 3) % GIVEN.length]}`,
    证件类型: '居民身份证',
    证件号码: id,
    性别: gender === 1 ? '男' : '女',
    出生日期: birthDate,
    文化程度: '高中',
    职业编码: '4-03-02-01',
    职业名称: '中式烹调师',
    '工种/职业方向': '中式烹调师',
    职业技能等级: '四级/中级工',
    证书编号: certificateNumber(4),
    发证日期: '2026-11-02',
    准考证号: `ZK2026${String(seed).padStart(6, '0')}`,
    理论知识考试成绩: 78.5,
    操作技能考核成绩: 82,
    评定成绩: '合格',
    ...overrides,
  };
}

/** Downloads the real template from the API and fills it, so the version marker and lists are genuine. */
export async function buildSheet(t: TestApp, token: string, rows: SheetRow[], kind = 'skill_level'): Promise<Buffer> {
  const res = await t.http
    .get(`/api/admin/batches/template?kind=${kind}`)
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse(binaryParser);
  if (res.status !== 200) throw new Error(`template download failed: ${res.status}`);
  return fillTemplate(res.body as ArrayBuffer, rows);
}

/** Writes rows (by Chinese header) into the template's data sheet, as a user filling it in would. */
export async function fillTemplate(template: ArrayBuffer, rows: SheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template);
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.getRow(1).getCell(1).text === '姓名');
  if (!sheet) throw new Error('template has no data sheet');
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  rows.forEach((row, index) => {
    const excelRow = sheet.getRow(index + 2);
    headers.forEach((header, column) => {
      const value = (row as unknown as Record<string, unknown>)[header];
      if (value !== undefined) excelRow.getCell(column + 1).value = value as ExcelJS.CellValue;
    });
    excelRow.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** supertest parser that keeps a binary body (xlsx) as a Buffer. */
export function binaryParser(res: Response, callback: (err: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
