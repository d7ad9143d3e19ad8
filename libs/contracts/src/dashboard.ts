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
