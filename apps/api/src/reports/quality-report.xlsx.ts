import type { Writable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { escapeCellForExport } from '@app/domain';
import {
  NO_DATA_LABEL,
  QUALITY_FIGURE_LABELS,
  QUALITY_FIGURES,
  type QualityReport,
  type QualityReportRow,
} from '@app/contracts';

const FIXED_HEADERS = ['序号', '评价机构', '上级技能中心'];
const REASONS_HEADER = '主要退回原因';

/**
 * the 质量通报 as a workbook formatted for printing — the title with period and jurisdiction in A1, a
 * frozen header, one row per institution, the totals as values (no formulas), 暂无数据 where a figure has no source —
 * streamed row by row into `out`, every text cell escaped against formula injection.
 */
export async function writeQualityReportXlsx(report: QualityReport, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const headers = [...FIXED_HEADERS, ...QUALITY_FIGURES.map((f) => QUALITY_FIGURE_LABELS[f]), REASONS_HEADER];
  const sheet = workbook.addWorksheet('质量通报', {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    },
  });
  sheet.columns = headers.map((_, i) => ({ width: i === 1 ? 36 : i === 2 ? 24 : i === headers.length - 1 ? 48 : 10 }));

  const title = sheet.addRow([escapeCellForExport(`质量通报（${report.from} 至 ${report.to}，${report.regionName}）`)]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, headers.length);
  title.commit();

  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();

  const figures = (r: Pick<QualityReportRow, (typeof QUALITY_FIGURES)[number]>) =>
    QUALITY_FIGURES.map((f) => (r[f] === null ? NO_DATA_LABEL : r[f]));
  report.rows.forEach((r, i) => {
    sheet
      .addRow([
        i + 1,
        escapeCellForExport(r.institutionName),
        escapeCellForExport(r.parentName),
        ...figures(r),
        escapeCellForExport(r.returnReasons.join('；')),
      ])
      .commit();
  });
  const totals = sheet.addRow(['合计', `${report.rows.length} 家机构`, '', ...figures(report.totals), '']);
  totals.font = { bold: true };
  totals.commit();
  sheet.commit();
  await workbook.commit();
}
