import { Injectable } from '@nestjs/common';
import { BATCH_STATUS_LABELS, OPEN_BATCH_STATUSES, type BatchStatus } from '@app/domain';
import { DECISION_ACTION_LABELS, type DashboardView, type DecisionAction } from '@app/contracts';
import { Actor } from '../common/actor/actor';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { BatchQueryService } from '../batches/batch-query.service';
import { BatchesRepository } from '../batches/batches.repository';
import { DataAdminsService } from '../data-admins/data-admins.service';
import { sumDueCounts } from './due-counts';

/** Decisions worth showing on a home page: the workflow's steps, not uploads or record edits. */
const SHOWN_DECISIONS: readonly DecisionAction[] = ['submit', 'approve', 'return', 'exemption'];
const RECENT_DECISIONS = 8;

/**
 * R-40 (the first screen of every role): the figures a person acts on — 待我处理 by stage and by due date, the newest
 * decisions, and for centres the open and overdue work of each organisation below. Grouped counts in SQL; the page
 * never lists records to count them.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly batches: BatchesRepository,
    private readonly queries: BatchQueryService,
    private readonly organisations: OrganisationsRepository,
    private readonly dataAdmins: DataAdminsService,
  ) {}

  async view(actor: Actor): Promise<DashboardView<Date>> {
    const window = await this.queries.dueWindow();
    const scope = await this.queries.scope(actor, undefined);
    const queue = this.queries.queueConditions(actor);
    const [byStatus, decisions, organisationsBelow, warnings] = await Promise.all([
      this.batches.countByStatusAndDue(scope, queue, window),
      this.batches.recentDecisions(scope, SHOWN_DECISIONS, RECENT_DECISIONS),
      this.organisationsBelow(actor, window.today),
      this.warnings(actor),
    ]);
    // Stages in workflow order, each the caller acts on shown even at 0.
    const byStage = (queue.statuses ?? []).map((status) => {
      const found = byStatus.find((r) => r.status === status);
      return {
        status,
        label: BATCH_STATUS_LABELS[status],
        total: found?.total ?? 0,
        dueToday: found?.dueToday ?? 0,
        dueSoon: found?.dueSoon ?? 0,
        overdue: found?.overdue ?? 0,
      };
    });
    const names = await this.organisations.namesByIds(decisions.map((d) => d.institutionId));
    return {
      today: window.today,
      soonUntil: window.soonUntil,
      pending: { ...sumDueCounts(byStage), byStage },
      recentDecisions: decisions.map((d) => ({
        id: d.id,
        batchId: d.batchId,
        institutionName: names.get(d.institutionId) ?? '',
        action: d.action,
        actionLabel: DECISION_ACTION_LABELS[d.action],
        stageLabel: BATCH_STATUS_LABELS[d.stage as BatchStatus] ?? d.stage,
        resultLabel: BATCH_STATUS_LABELS[d.resultStatus as BatchStatus] ?? d.resultStatus,
        actorName: d.actorName,
        comment: d.comment,
        recordCount: d.recordCount,
        createdAt: d.createdAt,
      })),
      organisationsBelow,
      warnings,
    };
  }

  /** each municipal centre within jurisdiction that has no active data administrator. */
  private async warnings(actor: Actor): Promise<DashboardView['warnings']> {
    if (actor.organisationLevel === 'institution') return [];
    return (await this.dataAdmins.coverage(actor)).map((gap) => ({
      kind: 'data_admin_missing',
      organisationId: gap.organisationId,
      organisationName: gap.name,
      message:
        gap.pending > 0
          ? `${gap.name}尚无在任的证书数据管理员（${gap.pending} 份登记待负责人审批）`
          : `${gap.name}尚未登记证书数据管理员（附件2）`,
    }));
  }

  /** Centres: each organisation directly below, with the open and overdue batches of its subtree. */
  private async organisationsBelow(actor: Actor, today: string): Promise<DashboardView['organisationsBelow']> {
    if (actor.organisationLevel === 'institution') return null;
    const children = await this.organisations.findChildren(actor.organisationId);
    if (children.length === 0) return [];
    const scope = await this.queries.scope(actor, undefined);
    const counts = await this.batches.countByInstitution(scope, { statuses: [...OPEN_BATCH_STATUSES] }, today);
    const institutions = await this.organisations.findByIds(counts.map((c) => c.institutionId));
    const pathOf = new Map(institutions.map((o) => [o.id, o.path]));
    return children.map((child) => {
      const inSubtree = counts.filter((c) => (pathOf.get(c.institutionId) ?? '').startsWith(child.path));
      return {
        organisationId: child.id,
        name: child.name,
        level: child.level,
        open: inSubtree.reduce((n, c) => n + c.open, 0),
        overdue: inSubtree.reduce((n, c) => n + c.overdue, 0),
      };
    });
  }
}
