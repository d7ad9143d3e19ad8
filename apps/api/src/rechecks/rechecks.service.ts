import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  beijingDateOf,
  deadlineStatus,
  DomainError,
  DUE_SOON_WORKING_DAYS,
  escalationTarget,
  reminderEvent,
  ROLE_LABELS,
  SCREENING_RULES,
  type WorkingDayCalendar,
} from '@app/domain';
import {
  RECHECK_OUTCOME_LABELS,
  RECHECK_STATUS_LABELS,
  type DeadlineItem,
  type RecheckOutcome,
  type RecheckRow,
} from '@app/contracts';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/app-errors';
import type { QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { CertificatesRepository, type ListScope } from '../certificates/certificates.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { ReminderSourceContext } from '../reminders/reminder-sources';
import type { ReminderItem } from '../reminders/reminders.service';
import type { DeadlineSourceQuery } from '../reviews/deadline-sources';
import { Recheck } from '../screening/entities/recheck.entity';
import { FlagsRepository } from '../screening/flags.repository';
import { RecheckConfirmations } from './recheck-confirmations';
import type { RECHECK_LIST } from './recheck-list';
import { DueWindow, RecheckFacts, RechecksRepository } from './rechecks.repository';

const SORT_COLUMNS: Record<DeadlineSourceQuery['sort']['field'], string> = {
  dueDate: 'r.dueDate',
  id: 'r.id',
  status: 'r.status',
};

/** The console's page of a re-check (the digest and the deadline board link to it). */
export const recheckLinkPath = (id: number) => `/rechecks/${id}/show`;

/**
 * the owning province's re-check (复核) of a suspended certificate — its queue (jurisdiction as flags: the
 * task's institution path), its decision by that province's reviewer (restore to lookup, or confirm), and its items
 * on the deadline board and in the reminders.
 */
@Injectable()
export class RechecksService {
  constructor(
    private readonly rechecks: RechecksRepository,
    private readonly certificates: CertificatesRepository,
    private readonly flags: FlagsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly jurisdiction: JurisdictionService,
    private readonly calendar: CalendarService,
    private readonly confirmations: RecheckConfirmations,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: QueryOf<typeof RECHECK_LIST>): Promise<{ rows: RecheckRow[]; total: number }> {
    const scopes: ListScope[] = [(qb, path) => this.jurisdiction.restrictList(qb, path, actor)];
    const { organisationId, due } = query.filter;
    if (organisationId !== undefined) {
      const region = await this.organisations.findById(organisationId);
      scopes.push(
        region
          ? (qb, path) => this.jurisdiction.restrictList(qb, path, { ...actor, organisationPath: region.path })
          : (qb) => void qb.andWhere('1 = 0'),
      );
    }
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    let window: DueWindow | undefined;
    if (due === 'overdue') window = { before: today };
    if (due === 'soon') {
      window = { between: { from: today, to: calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS) } };
    }
    const { rows, total } = await this.rechecks.listPage(query, scopes, window);
    return { rows: await this.rows(rows), total };
  }

  async get(actor: Actor, id: number): Promise<RecheckRow> {
    return (await this.rows([await this.within(actor, id)]))[0];
  }

  /** the certificate was right — back into lookup at once. */
  restore(actor: Actor, id: number, version: number, reason: string): Promise<RecheckRow> {
    return this.decide(actor, id, version, reason, null);
  }

  /**
   * the problem is real — the certificate stays out of lookup and the outcome (a deletion, R-23, or a
   * correction, R-22) is recorded; RecheckConfirmations hands it to the corrections feature when that exists.
   */
  confirm(actor: Actor, id: number, version: number, reason: string, outcome: RecheckOutcome): Promise<RecheckRow> {
    return this.decide(actor, id, version, reason, outcome);
  }

  /** The task, or 404 outside the caller's subtree. */
  /**
   * A deletion filed before the suspension and applied while the province re-checks ends the re-check, inside the
   * deletion's transaction: there is nothing left to restore, and an open task would stay overdue on the board and in
   * the reminders for good. It is recorded as confirmed with the outcome 删除证书, by whoever applied the deletion.
   */
  async endForDeletion(
    manager: EntityManager,
    actor: Actor,
    certificateId: number,
    correctionId: number,
  ): Promise<void> {
    const open = await this.rechecks.openOf(certificateId, manager);
    if (!open) return;
    const reason = `证书已按删除申请 #${correctionId} 逻辑删除，复核随之结束`;
    await this.rechecks.decide(
      manager,
      { id: open.id, version: open.version },
      {
        status: 'confirmed',
        outcome: 'delete',
        decisionReason: reason,
        decidedById: actor.userId,
        decidedAt: this.clock.now(),
      },
    );
    await this.audit.record(manager, subjectOf(actor), {
      action: 'recheck.end_by_deletion',
      targetType: 'recheck',
      targetId: open.id,
      before: { status: 'open', version: open.version },
      after: { status: 'confirmed', outcome: 'delete', correctionId, version: open.version + 1 },
      detail: reason,
    });
  }

  async within(actor: Actor, id: number): Promise<Recheck> {
    const recheck = await this.rechecks.findById(id);
    this.jurisdiction.assertWithin(actor, recheck?.orgPath, '复核任务');
    return recheck!;
  }

  /** Tasks as rows, with the certificate, institution, province, flag and the people who acted. */
  async rows(rechecks: Recheck[]): Promise<RecheckRow[]> {
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    const facts = await this.rechecks.facts(rechecks);
    const names = await this.flags.staffNames(
      rechecks.flatMap((r) => [r.suspendedById, ...(r.decidedById === null ? [] : [r.decidedById])]),
    );
    return rechecks.map((r) => recheckRow(r, facts.get(r.id)!, names, calendar, today));
  }

  /** R-26 on the 期限看板: open re-checks as items of the owning provincial centre's reviewers. */
  async deadlineItems(query: DeadlineSourceQuery): Promise<{ rows: DeadlineItem[]; total: number }> {
    const due: DueWindow =
      query.state === 'overdue'
        ? { before: query.today }
        : query.state === 'due_soon'
          ? { between: { from: query.today, to: query.soonUntil } }
          : query.state === 'on_time'
            ? { after: query.soonUntil }
            : {};
    const { rows, total } = await this.rechecks.openFirst(
      query.scope,
      due,
      { column: SORT_COLUMNS[query.sort.field], order: query.sort.order },
      query.limit,
    );
    const facts = await this.rechecks.facts(rows);
    return {
      rows: rows.map((r): DeadlineItem => {
        const f = facts.get(r.id)!;
        const s = deadlineStatus(query.calendar, r.dueDate, query.today);
        return {
          id: `recheck-${r.id}`,
          batchId: f.batchId,
          version: r.version,
          kind: 'recheck',
          status: r.status,
          statusLabel: RECHECK_STATUS_LABELS[r.status],
          institutionId: f.institutionId,
          institutionName: f.institutionName,
          recordCount: 1,
          lateSubmission: false,
          stageReceivedOn: beijingDateOf(r.suspendedAt.getTime()),
          dueDate: r.dueDate,
          overdue: s.overdue,
          workingDaysLeft: s.overdue ? -s.workingDaysOverdue : s.workingDaysLeft,
          dueText: s.text,
          responsibleOrganisationId: r.provinceId,
          responsibleOrganisation: f.provinceName,
          responsibleRole: ROLE_LABELS.provincial_reviewer,
          recheckId: r.id,
          certificateId: r.certificateId,
          certificateNumber: f.certificateNumber,
          linkPath: recheckLinkPath(r.id),
        };
      }),
      total,
    };
  }

  /**
   * open re-checks due within 3 working days or overdue, for the provincial reviewers of the owning province;
   * an overdue one also goes to the province's administrator (escalation).
   */
  async reminderItems({ calendar, today }: ReminderSourceContext): Promise<ReminderItem[]> {
    const open = await this.rechecks.openDueBy(calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS + 1));
    const withEvent = open.flatMap((r) => {
      const event = reminderEvent(calendar, r.dueDate, today);
      return event ? [{ r, event }] : [];
    });
    const facts = await this.rechecks.facts(withEvent.map((x) => x.r));
    const head = escalationTarget({ level: 'provincial' });
    return withEvent.map(({ r, event }): ReminderItem => {
      const f = facts.get(r.id)!;
      const between = calendar.workingDaysBetween(today, r.dueDate);
      return {
        subjectId: r.id,
        stage: 'recheck',
        kind: 'recheck',
        batchId: null,
        status: null,
        stageLabel: `复核暂停查询的证书 ${f.certificateNumber}`,
        institutionId: f.institutionId,
        institutionName: f.institutionName,
        recordCount: null,
        dueDate: r.dueDate,
        event,
        workingDaysLeft: event === 'overdue' ? 0 : between,
        overdueWorkingDays: event === 'overdue' ? -between : 0,
        responsibleOrganisationId: r.provinceId,
        responsibleOrganisation: f.provinceName,
        responsibleRole: 'provincial_reviewer',
        responsibleRoleLabel: ROLE_LABELS.provincial_reviewer,
        escalationTarget: event === 'overdue' ? { organisationId: r.provinceId, role: head.role } : null,
        linkPath: recheckLinkPath(r.id),
      };
    });
  }

  private async decide(
    actor: Actor,
    id: number,
    version: number,
    reason: string,
    outcome: RecheckOutcome | null,
  ): Promise<RecheckRow> {
    const recheck = await this.within(actor, id);
    // Only the reviewers of the owning province decide; to anyone else the task is not there.
    if (recheck.provinceId !== actor.organisationId) throw notFound('复核任务');
    if (recheck.status !== 'open') {
      throw new DomainError(
        'RECHECK_ALREADY_DECIDED',
        `该复核任务已${RECHECK_STATUS_LABELS[recheck.status].replace(/^已/, '')}，不能再处理`,
        { status: recheck.status },
      );
    }
    const status = outcome === null ? 'restored' : 'confirmed';
    await this.uow.run(async (manager) => {
      await this.rechecks.decide(
        manager,
        { id, version },
        {
          status,
          outcome,
          decisionReason: reason.slice(0, 500),
          decidedById: actor.userId,
          decidedAt: this.clock.now(),
        },
      );
      if (
        outcome === null &&
        !(await this.certificates.changeLookupStatus(manager, recheck.certificateId, 'suspended', 'visible'))
      ) {
        throw new DomainError('RECHECK_CERTIFICATE_NOT_SUSPENDED', '证书已不在暂停查询状态，请刷新后查看');
      }
      const number = (await this.certificates.findByIdIn(manager, recheck.certificateId)).certificateNumber;
      await this.audit.record(manager, subjectOf(actor), {
        action: outcome === null ? 'recheck.restore' : 'recheck.confirm',
        targetType: 'recheck',
        targetId: id,
        before: { status: 'open', lookupStatus: 'suspended', version },
        after: {
          status,
          lookupStatus: outcome === null ? 'visible' : 'suspended',
          ...(outcome ? { outcome } : {}),
          reason,
          version: version + 1,
        },
        detail:
          outcome === null
            ? `复核后恢复查询（证书编号 ${number}）：${reason}`
            : `复核确认问题，${RECHECK_OUTCOME_LABELS[outcome]}（证书编号 ${number}）：${reason}`,
      });
      if (outcome === null) {
        // The certificate's own trail shows its return to lookup, as it shows the suspension.
        await this.audit.record(manager, subjectOf(actor), {
          action: 'certificate.resume_lookup',
          targetType: 'certificate',
          targetId: recheck.certificateId,
          before: { lookupStatus: 'suspended' },
          after: { lookupStatus: 'visible', recheckId: id },
          detail: `复核后恢复查询（证书编号 ${number}）：${reason}`,
        });
      }
      if (outcome) {
        await this.confirmations.confirmed(manager, {
          recheckId: id,
          certificateId: recheck.certificateId,
          outcome,
          reason,
          actor,
        });
      }
    });
    return (await this.rows([(await this.rechecks.findById(id))!]))[0];
  }
}

function recheckRow(
  r: Recheck,
  f: RecheckFacts,
  names: Map<number, { displayName: string }>,
  calendar: WorkingDayCalendar,
  today: string,
): RecheckRow {
  // Counted like the deadline board (deadlineStatus); a decided task has no countdown.
  const s = r.status === 'open' ? deadlineStatus(calendar, r.dueDate, today) : null;
  return {
    id: r.id,
    certificateId: r.certificateId,
    certificateNumber: f.certificateNumber,
    holderName: f.holderName,
    idNumberMasked: f.idNumberMasked,
    institutionId: f.institutionId,
    institutionName: f.institutionName,
    provinceId: r.provinceId,
    provinceName: f.provinceName,
    flagId: r.flagId,
    flagRuleLabel: f.flagRule ? SCREENING_RULES[f.flagRule] : null,
    suspendReason: r.suspendReason,
    suspendedAt: r.suspendedAt.toISOString(),
    suspendedByName: names.get(r.suspendedById)?.displayName ?? '',
    dueDate: r.dueDate,
    workingDaysLeft: s ? (s.overdue ? -s.workingDaysOverdue : s.workingDaysLeft) : null,
    overdue: s?.overdue ?? false,
    dueText: s?.text ?? null,
    status: r.status,
    statusLabel: RECHECK_STATUS_LABELS[r.status],
    outcome: r.outcome,
    outcomeLabel: r.outcome ? RECHECK_OUTCOME_LABELS[r.outcome] : null,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    decidedByName: r.decidedById === null ? null : (names.get(r.decidedById)?.displayName ?? null),
    version: r.version,
  };
}
