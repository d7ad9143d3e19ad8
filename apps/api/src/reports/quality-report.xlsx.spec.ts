import { PassThrough } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { QUALITY_FIGURES, type QualityFigure, type QualityReport } from '@app/contracts';
import { writeQualityReportXlsx } from './quality-report.xlsx';

const figures = (value: number | null, missing: QualityFigure[] = []) =>
  Object.fromEntries(QUALITY_FIGURES.map((f) => [f, missing.includes(f) ? null : value])) as Record<
    QualityFigure,
    number | null
  >;

async function written(report: QualityReport): Promise<ExcelJS.Worksheet> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeQualityReportXlsx(report, out);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.getWorksheet('质量通报')!;
}

// the printed 质量通报 — 暂无数据 where a figure has no source, text cells escaped against formulas.
describe('writeQualityReportXlsx', () => {
  const report: QualityReport = {
    from: '2026-01-01',
    to: '2026-12-31',
    regionCode: '440000',
    regionName: '广东省职业技能鉴定指导中心',
    rows: [
      {
        institutionId: 1,
        institutionName: '+SUM(A1:A9)',
        parentName: '@广州',
        returnReasons: ['=1+1（2）'],
        ...figures(3, ['complaints']),
      },
    ],
    totals: figures(3, ['complaints']),
    unavailable: ['complaints'],
  };

  it('writes 暂无数据 for a figure without a source, in rows and totals, and numbers as numbers', async () => {
    const sheet = await written(report);
    const complaints = 4 + QUALITY_FIGURES.indexOf('complaints');
    expect(sheet.getRow(3).getCell(complaints).value).toBe('暂无数据');
    expect(sheet.getRow(4).getCell(complaints).value).toBe('暂无数据');
    expect(sheet.getRow(3).getCell(4).value).toBe(3);
    expect(sheet.getRow(4).getCell(1).value).toBe('合计');
  });

  it('escapes every text cell that could start a formula', async () => {
    const sheet = await written(report);
    expect(sheet.getRow(3).getCell(2).value).toBe("'+SUM(A1:A9)");
    expect(sheet.getRow(3).getCell(3).value).toBe("'@广州");
    expect(sheet.getRow(3).getCell(4 + QUALITY_FIGURES.length).value).toBe("'=1+1（2）");
  });
});
