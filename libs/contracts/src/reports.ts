// The quality report's JSON shape (`GET /api/admin/reports/quality`, R-39) and its columns, shared by the API's
// workbook and the console's table.

/** The per-institution figures, each a count (or a sum of working days) over the period. */
export const QUALITY_FIGURES = [
  'batches',
  'records',
  'lateSubmissions',
  'lateWithStatement',
  'lateWithoutStatement',
  'workingDaysOverdue',
  'refusalsPastCutoff',
  'exemptions',
  'returnsMunicipal',
  'returnsProvincial',
  'returnsNational',
  'reviewsLate',
  'corrections',
  'deletions',
  'flags',
  'suspensions',
  'complaints',
] as const;
export type QualityFigure = (typeof QUALITY_FIGURES)[number];

/** Column headers, as the printed 质量通报 and the console table show them. */
export const QUALITY_FIGURE_LABELS: Record<QualityFigure, string> = {
  batches: '提交批次',
  records: '提交证书数',
  lateSubmissions: '逾期上报批次',
  lateWithStatement: '逾期已说明',
  lateWithoutStatement: '逾期未说明',
  workingDaysOverdue: '逾期工作日合计',
  refusalsPastCutoff: '超6个月不予受理',
  exemptions: '受理豁免',
  returnsMunicipal: '市级退回',
  returnsProvincial: '省级退回',
  returnsNational: '部中心退回',
  reviewsLate: '审核超期',
  corrections: '更正申请',
  deletions: '删除申请',
  flags: '疑似问题',
  suspensions: '暂停查询',
  complaints: '投诉',
};

/** One institution's row: every figure (null only where its source does not exist yet), and its return reasons. */
export type QualityReportRow = {
  institutionId: number;
  institutionName: string;
  /** The institution's parent centre (the city, or the province for provincial institutions). */
  parentName: string;
  /** The most frequent return reasons of the period with their counts, e.g. “证件号码错误（3）”. */
  returnReasons: string[];
} & Record<QualityFigure, number | null>;

/** `GET /api/admin/reports/quality?from=&to=&regionCode=`. */
export interface QualityReport {
  from: string;
  to: string;
  regionCode: string;
  regionName: string;
  rows: QualityReportRow[];
  totals: Record<QualityFigure, number | null>;
  /** Figures whose source does not exist yet in this installation (shown as 暂无数据, never as 0). */
  unavailable: QualityFigure[];
}

/** How a figure with no source is written (R-39: never a made-up zero). */
export const NO_DATA_LABEL = '暂无数据';
