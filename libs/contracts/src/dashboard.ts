import type { BatchStatus, OrganisationLevel } from '@app/domain';
import type { DecisionAction } from './batches';

// The home page's figures (`GET /api/admin/dashboard`): counted by the API, never by listing records in the browser.

/** Counts of a set of open batches by due date: today, within the next working days, overdue. */
export interface DueCounts {
  total: number;
  dueToday: number;
  dueSoon: number;
  overdue: number;
}

/** `GET /api/admin/dashboard`. */
export interface DashboardView<Time = string> {
  today: string;
  /** Last day of "due soon" (the next DUE_SOON_WORKING_DAYS working days after today). */
  soonUntil: string;
  /** 待我处理: what awaits this person's own action, in all and per stage. */
  pending: DueCounts & { byStage: Array<DueCounts & { status: BatchStatus; label: string }> };
  /** The newest decisions on batches of the caller's jurisdiction. */
  recentDecisions: Array<{
    id: number;
    batchId: number;
    institutionName: string;
    action: DecisionAction;
    actionLabel: string;
    stageLabel: string;
    resultLabel: string;
    actorName: string;
    comment: string | null;
    recordCount: number;
    createdAt: Time;
  }>;
  /**
   * Centres: the organisations directly below, each with the open and overdue batches of its subtree (institutions
   * with nothing open included, so a quiet one shows as 0). Null for an institution.
   */
  organisationsBelow: Array<{
    organisationId: number;
    name: string;
    level: OrganisationLevel;
    open: number;
    overdue: number;
  }> | null;
  /**
   * Things a centre must put right, e.g. R-4: a municipal centre within jurisdiction without an active data
   * administrator. Empty when there is nothing (and for institutions).
   */
  warnings: DashboardWarning[];
}

export interface DashboardWarning {
  kind: 'data_admin_missing';
  organisationId: number;
  organisationName: string;
  /** The warning as the page shows it. */
  message: string;
}

// Role dashboards: each figure one grouped count by the API within the caller's jurisdiction.

/** The kinds of work a person may have waiting. */
export type WorkKind = 'batches' | 'rechecks' | 'corrections' | 'flags' | 'complaints';

export const WORK_KIND_LABELS: Readonly<Record<WorkKind, string>> = {
  batches: '批次',
  rechecks: '复核任务',
  corrections: '更正申请',
  flags: '疑似问题',
  complaints: '投诉处理',
};

/** The shown text of a figure with no source yet. */
export const NO_DATA_SOURCE_LABEL = '暂无数据源';

/** One kind of pending work: in all, by due date (null where the kind has no due dates) and per stage. */
export type WorkGroup =
  | {
      kind: WorkKind;
      label: string;
      available: true;
      total: number;
      /** Null for work without due dates (flags). */
      due: Omit<DueCounts, 'total'> | null;
      byStage: Array<DueCounts & { stage: string; label: string }>;
    }
  | { kind: WorkKind; label: string; available: false; total: null; due: null; byStage: [] };

/** `GET /api/admin/dashboard/work`: 待我处理 of every kind this person's roles act on. */
export interface DashboardWork {
  today: string;
  soonUntil: string;
  groups: WorkGroup[];
}

/** `GET /api/admin/dashboard/monthly?months=12`: per Beijing month, oldest first, months with none as 0. */
export interface DashboardMonthly {
  months: Array<{
    /** `YYYY-MM`. */
    month: string;
    /** Batches submitted for the first time (the `submit` decision from `draft`). */
    submissions: number;
    /** Certificates published (by their publication day). */
    publications: number;
  }>;
}

/** `GET /api/admin/dashboard/overdue-by-region`: open overdue items per organisation directly below the caller. */
export interface DashboardOverdueByRegion {
  today: string;
  /** Null for an institution (nothing below it). */
  regions: Array<{
    organisationId: number;
    name: string;
    level: OrganisationLevel;
    batches: number;
    rechecks: number;
    corrections: number;
    total: number;
  }> | null;
}

/** `GET /api/admin/dashboard/screening` (supervising centres): open flags by rule, re-checks by due date. */
export interface DashboardScreening {
  today: string;
  soonUntil: string;
  flagsByRule: Array<{ rule: string; label: string; open: number }>;
  openFlags: number;
  rechecks: DueCounts;
}

/** `GET /api/admin/dashboard/lookup-volumes?days=30` (national staff): lookups per Beijing day and mode. */
export interface DashboardLookupVolumes {
  from: string;
  to: string;
  modes: Array<{ mode: string; label: string; total: number }>;
  /** Every day of the range, oldest first, each mode present (0 when none). */
  days: Array<{ day: string; byMode: Record<string, number> }>;
}
