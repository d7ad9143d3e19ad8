import type { DataProvider, Identifier } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import type { DeadlineResult, IsoDate } from '@app/domain';
import type {
  AddDayInput,
  AttachmentPurpose,
  AttachmentView,
  CertificateHistoryEntry,
  CertificateVersionsReply,
  CorrectionOverrideBody,
  FlagRuleCount,
  DataAdminCoverageGap,
  DashboardView,
  DashboardWork,
  DashboardMonthly,
  DashboardOverdueByRegion,
  DashboardScreening,
  DashboardLookupVolumes,
  BatchKind,
  BulkApproveReply,
  CalendarYearView,
  ChainVerification,
  DeadlineQuery,
  HistoryEntry,
  SubmissionCheck,
  JobRunView,
  JobView,
  Occupation,
  PublishYearInput,
  TotpSetup,
  UploadReply,
  LookupDailyCount,
  LookupModesView,
  LookupLogMode,
  LookupKind,
  QueryModeAdminView,
  QueryModeChangeView,
  QueryModeUpdate,
} from '@app/contracts';
import { getJson, httpClient, postJson } from './httpClient';
import { downloadFile, postMultipart, type UploadCallbacks } from './transfer';

export const ADMIN_API = '/api/admin';
// The official working-day calendar and the deadline calculator.
const CALENDAR_API = `${ADMIN_API}/calendar`;

export interface UploadBatchParams {
  file: File;
  kind: BatchKind;
  /** Required when a centre uploads on an institution's behalf; institution operators leave it out. */
  institutionId?: number;
  /** why a centre uploads for the institution (not needed for dissolved institutions). */
  proxyReason?: string;
}

/**
 * Beyond CRUD, the console calls explicit endpoints (STYLE.md 9: workflow steps are commands).
 * Pages reach these through useDataProvider() + useMutation, like react-admin's own methods.
 */
export interface ConsoleDataProvider extends DataProvider {
  /**
   * `POST /api/admin/<resource>/<id>/<action>` — the one way to run a workflow step
   * (users: disable, enable, reset-password, reset-totp, unlock; batches: submit, approve, return, exemption; certificates: reveal-id).
   * Pass the `version` the user saw in `body` where the endpoint takes one.
   */
  command<T = unknown>(resource: string, id: Identifier, action: string, body?: object): Promise<T>;
  getOccupations(): Promise<Occupation[]>;
  getBatchHistory(id: Identifier): Promise<HistoryEntry[]>;
  /** what submitting the batch now would meet (the late records, or the cutoff), asked before 提交. */
  getSubmissionCheck(id: Identifier): Promise<SubmissionCheck>;
  bulkApproveBatches(items: Array<{ id: Identifier; version: number }>, comment?: string): Promise<BulkApproveReply>;
  /** R-12 upload with real progress; a refused sheet rejects with the 422 body (errors, errorReportId). */
  uploadBatch(params: UploadBatchParams, callbacks?: UploadCallbacks): Promise<UploadReply>;
  /** a corrected sheet replaces a returned batch's records. */
  reuploadBatch<T>(id: Identifier, file: File, callbacks?: UploadCallbacks, proxyReason?: string): Promise<T>;
  downloadBatchTemplate(kind: BatchKind): Promise<void>;
  /** one PDF, JPEG or PNG for the signed-in person's organisation; a refused file rejects with the API's message. */
  uploadAttachment(
    params: { file: File; purpose: AttachmentPurpose },
    callbacks?: UploadCallbacks,
  ): Promise<AttachmentView>;
  /** The attachment's bytes under its own name (audited by the API). */
  downloadAttachment(id: Identifier): Promise<void>;
  downloadImportErrorReport(reportId: Identifier): Promise<void>;
  verifyAuditChain(): Promise<ChainVerification>;
  changePassword(params: { currentPassword: string; newPassword: string }): Promise<unknown>;
  /** every change of the second factor proves the current password. */
  setupTotp(currentPassword: string): Promise<TotpSetup>;
  enableTotp(currentPassword: string, code: string): Promise<unknown>;
  disableTotp(currentPassword: string, code: string): Promise<unknown>;
  /** one year of the official working-day calendar as the API holds it. */
  getCalendarYear(year: number): Promise<CalendarYearView>;
  /** national_admin registers a year's State Council notice. */
  publishCalendarYear(input: PublishYearInput): Promise<CalendarYearView>;
  addCalendarDay(input: AddDayInput): Promise<CalendarYearView>;
  removeCalendarDay(date: IsoDate, reason: string): Promise<CalendarYearView>;
  /** the deadline calculator, computed by the API on its calendar. */
  computeDeadline(query: DeadlineQuery): Promise<DeadlineResult>;
  /** the registered jobs with their schedules and last runs (a plain array, not a paged list). */
  getJobs(): Promise<JobView[]>;
  /** Runs a job now; resolves when the run ends, with its record (409 JOB_RUNNING while it runs elsewhere). */
  runJob(name: string): Promise<JobRunView>;
  /** R-35: what the signed-in person would be reminded of today; the items' shape is read defensively. */
  getMyReminders(): Promise<unknown>;
  /** 首页 figures (aggregate counts, never lists). */
  getDashboard(): Promise<DashboardView>;
  /** R-40 role dashboards: 待我处理 of every kind, monthly figures, overdue by region, screening, lookup volumes. */
  getDashboardWork(): Promise<DashboardWork>;
  getDashboardMonthly(months: number): Promise<DashboardMonthly>;
  getDashboardOverdueByRegion(): Promise<DashboardOverdueByRegion>;
  getDashboardScreening(): Promise<DashboardScreening>;
  getDashboardLookupVolumes(days: number): Promise<DashboardLookupVolumes>;
  /** R-32: both kinds' cutover schedules (national_admin). */
  getQueryModes(): Promise<QueryModeAdminView[]>;
  /** The public `GET /api/lookup/modes`: the server's Beijing day and both kinds' mode on it. */
  getLookupModes(): Promise<LookupModesView>;
  updateQueryMode(kind: LookupKind, update: QueryModeUpdate): Promise<QueryModeAdminView>;
  getQueryModeHistory(): Promise<QueryModeChangeView[]>;
  /** Public lookup volumes per Beijing day and mode. */
  getLookupStats(filter: { from?: string; to?: string; mode?: LookupLogMode }): Promise<LookupDailyCount[]>;
  /** R-25: the screening flags counted by rule and status, for 疑似问题's overview. */
  getFlagSummary(): Promise<FlagRuleCount[]>;
  /** municipal centres within jurisdiction with no active data administrator. */
  getDataAdminCoverage(): Promise<DataAdminCoverageGap[]>;
  /** A certificate's flags, suspensions and re-check decisions as one history (newest first). */
  getCertificateHistory(id: Identifier): Promise<CertificateHistoryEntry[]>;
  /** every version of a certificate, oldest first (the last is the certificate as it stands). */
  getCertificateVersions(id: Identifier): Promise<CertificateVersionsReply>;
  /** the provincial centre allows one more modification of a certificate, with its reason. */
  recordCorrectionOverride(body: CorrectionOverrideBody): Promise<unknown>;
}

const base = simpleRestProvider(ADMIN_API, httpClient);

export const dataProvider: ConsoleDataProvider = {
  ...base,
  command: (resource, id, action, body) =>
    postJson(`${ADMIN_API}/${resource}/${encodeURIComponent(String(id))}/${action}`, body ?? {}),
  getOccupations: () => getJson<Occupation[]>(`${ADMIN_API}/occupations`),
  getBatchHistory: (id) => getJson<HistoryEntry[]>(`${ADMIN_API}/batches/${encodeURIComponent(String(id))}/history`),
  getSubmissionCheck: (id) =>
    getJson<SubmissionCheck>(`${ADMIN_API}/batches/${encodeURIComponent(String(id))}/submission-check`),
  bulkApproveBatches: (items, comment) =>
    postJson<BulkApproveReply>(`${ADMIN_API}/batches/bulk-approve`, comment ? { items, comment } : { items }),
  uploadBatch: ({ file, kind, institutionId, proxyReason }, callbacks) => {
    const form = new FormData();
    form.append('kind', kind);
    if (institutionId != null) form.append('institutionId', String(institutionId));
    if (proxyReason) form.append('proxyReason', proxyReason);
    form.append('file', file);
    return postMultipart<UploadReply>(`${ADMIN_API}/batches`, form, callbacks);
  },
  reuploadBatch: (id, file, callbacks, proxyReason) => {
    const form = new FormData();
    if (proxyReason) form.append('proxyReason', proxyReason);
    form.append('file', file);
    return postMultipart(`${ADMIN_API}/batches/${encodeURIComponent(String(id))}/reupload`, form, callbacks);
  },
  downloadBatchTemplate: (kind) =>
    downloadFile(`${ADMIN_API}/batches/template?kind=${kind}`, `证书数据导入模板-${kind}.xlsx`),
  uploadAttachment: ({ file, purpose }, callbacks) => {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file);
    return postMultipart<AttachmentView>(`${ADMIN_API}/attachments`, form, callbacks);
  },
  downloadAttachment: (id) =>
    downloadFile(`${ADMIN_API}/attachments/${encodeURIComponent(String(id))}/content`, `附件-${id}`),
  downloadImportErrorReport: (reportId) =>
    downloadFile(`${ADMIN_API}/batches/error-reports/${encodeURIComponent(String(reportId))}`, '错误报告.xlsx'),
  verifyAuditChain: () => getJson<ChainVerification>(`${ADMIN_API}/audit-logs/verify`),
  changePassword: (params) => postJson('/api/auth/password', params),
  setupTotp: (currentPassword) => postJson<TotpSetup>('/api/auth/totp/setup', { currentPassword }),
  enableTotp: (currentPassword, code) => postJson('/api/auth/totp/enable', { currentPassword, code }),
  disableTotp: (currentPassword, code) => postJson('/api/auth/totp/disable', { currentPassword, code }),
  getCalendarYear: (year) => getJson<CalendarYearView>(`${CALENDAR_API}/days?year=${year}`),
  publishCalendarYear: (input) => postJson<CalendarYearView>(`${CALENDAR_API}/years`, input),
  addCalendarDay: (input) => postJson<CalendarYearView>(`${CALENDAR_API}/days`, input),
  removeCalendarDay: (date, reason) =>
    httpClient(`${CALENDAR_API}/days/${encodeURIComponent(date)}`, {
      method: 'DELETE',
      body: JSON.stringify({ reason }),
    }).then(({ json }) => json as CalendarYearView),
  computeDeadline: ({ rule, from, profile }) =>
    getJson<DeadlineResult>(`${CALENDAR_API}/deadline?${new URLSearchParams({ rule, from, profile })}`),
  getJobs: () => getJson<JobView[]>(`${ADMIN_API}/jobs`),
  runJob: (name) => postJson<JobRunView>(`${ADMIN_API}/jobs/${encodeURIComponent(name)}/run`, {}),
  getMyReminders: () => getJson<unknown>(`${ADMIN_API}/my-reminders`),
  getDashboard: () => getJson<DashboardView>(`${ADMIN_API}/dashboard`),
  getDashboardWork: () => getJson<DashboardWork>(`${ADMIN_API}/dashboard/work`),
  getDashboardMonthly: (months) => getJson<DashboardMonthly>(`${ADMIN_API}/dashboard/monthly?months=${months}`),
  getDashboardOverdueByRegion: () => getJson<DashboardOverdueByRegion>(`${ADMIN_API}/dashboard/overdue-by-region`),
  getDashboardScreening: () => getJson<DashboardScreening>(`${ADMIN_API}/dashboard/screening`),
  getDashboardLookupVolumes: (days) =>
    getJson<DashboardLookupVolumes>(`${ADMIN_API}/dashboard/lookup-volumes?days=${days}`),
  getQueryModes: () => getJson<QueryModeAdminView[]>(`${ADMIN_API}/query-mode`),
  getLookupModes: () => getJson<LookupModesView>('/api/lookup/modes'),
  updateQueryMode: (kind, update) =>
    httpClient(`${ADMIN_API}/query-mode/${encodeURIComponent(kind)}`, {
      method: 'PUT',
      body: JSON.stringify(update),
    }).then(({ json }) => json as QueryModeAdminView),
  getQueryModeHistory: () => getJson<QueryModeChangeView[]>(`${ADMIN_API}/query-mode/history`),
  getLookupStats: (filter) =>
    getJson<LookupDailyCount[]>(
      `${ADMIN_API}/lookup-stats?${new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]))}`,
    ),
  getFlagSummary: () => getJson<FlagRuleCount[]>(`${ADMIN_API}/flags/summary`),
  getDataAdminCoverage: () => getJson<DataAdminCoverageGap[]>(`${ADMIN_API}/data-administrators/coverage`),
  getCertificateHistory: (id) =>
    getJson<CertificateHistoryEntry[]>(`${ADMIN_API}/certificates/${encodeURIComponent(String(id))}/history`),
  getCertificateVersions: (id) =>
    getJson<CertificateVersionsReply>(`${ADMIN_API}/certificates/${encodeURIComponent(String(id))}/versions`),
  recordCorrectionOverride: (body) => postJson(`${ADMIN_API}/corrections/overrides`, body),
};
