import { Injectable } from '@nestjs/common';
import {
  beijingDateOf,
  deadlineStatus,
  DUE_SOON_WORKING_DAYS,
  escalationTarget,
  reminderEvent,
  correctionRequesterOf,
  ROLE_LABELS,
  type CorrectionStageName,
  type OrganisationLevel,
  type Role,
} from '@app/domain';
import {
  CORRECTION_STAGE_LABELS,
  CORRECTION_STATUS_LABELS,
  CORRECTION_TYPE_LABELS,
  type DeadlineItem,
} from '@app/contracts';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { Organisation } from '../organisations/entities/organisation.entity';
import type { ReminderSourceContext } from '../reminders/reminder-sources';
import type { ReminderItem } from '../reminders/reminders.service';
import type { DeadlineSourceQuery } from '../reviews/deadline-sources';
import { routeOfRequest } from './correction-subject';
import { correctionLinkPath } from './correction-views';
import { CorrectionsRepository } from './corrections.repository';
import type { Correction } from './entities/correction.entity';

const SORT_COLUMNS: Record<DeadlineSourceQuery['sort']['field'], string> = {
  dueDate: 'c.dueDate',
  id: 'c.id',
  status: 'c.status',
};

/**
 * Who acts on a request now: at a stage, its role at the organisation the stage sits at; awaiting what a confirmed
 * re-check asked for, the requester. `step` keys the reminder (one per step and due date, R-36).
 */
interface Responsible {
  step: CorrectionStageName | 'awaiting';
  stepLabel: string;
  role: Role;
  organisation: Organisation;
}

/**
 * on the 期限看板 and in the daily digest: each pending request at its stage, for the role the
 * stage names at the parent centre, the province or the national centre, and each request a confirmed re-check opened
 * for its requester; overdue ones escalate to the head of the organisation that must act.
 */
@Injectable()
export class CorrectionDeadlines {
  constructor(
    private readonly corrections: CorrectionsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async items(query: DeadlineSourceQuery): Promise<{ rows: DeadlineItem[]; total: number }> {
    const window =
      query.state === 'overdue'
        ? { before: query.today }
        : query.state === 'due_soon'
          ? { from: query.today, to: query.soonUntil }
          : query.state === 'on_time'
            ? { after: query.soonUntil }
            : {};
    const { rows, total } = await this.corrections.pendingFirst(
      query.scope,
      window,
      { column: SORT_COLUMNS[query.sort.field], order: query.sort.order },
      query.limit,
    );
    const facts = await this.facts(rows);
    return {
      rows: rows.map((c): DeadlineItem => {
        const f = facts.get(c.id)!;
        const s = deadlineStatus(query.calendar, c.dueDate!, query.today);
        return {
          id: `correction-${c.id}`,
          batchId: f.batchId,
          version: c.version,
          kind: 'correction_request',
          status: c.status,
          statusLabel: `${CORRECTION_TYPE_LABELS[c.type]}申请 · ${f.responsible.stepLabel}`,
          institutionId: c.institutionId,
          institutionName: f.institutionName,
          recordCount: 1,
          lateSubmission: false,
          stageReceivedOn: c.stageReceivedAt ? beijingDateOf(c.stageReceivedAt.getTime()) : null,
          dueDate: c.dueDate,
          overdue: s.overdue,
          workingDaysLeft: s.overdue ? -s.workingDaysOverdue : s.workingDaysLeft,
          dueText: s.text,
          responsibleOrganisationId: f.responsible.organisation.id,
          responsibleOrganisation: f.responsible.organisation.name,
          responsibleRole: ROLE_LABELS[f.responsible.role],
          correctionId: c.id,
          certificateId: c.certificateId,
          certificateNumber: f.certificateNumber,
          linkPath: correctionLinkPath(c.id),
        };
      }),
      total,
    };
  }

  /** requests due within 3 working days or overdue, for whoever must act; overdue ones escalate. */
  async reminderItems({ calendar, today }: ReminderSourceContext): Promise<ReminderItem[]> {
    const pending = await this.corrections.pendingDueBy(calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS + 1));
    const withEvent = pending.flatMap((c) => {
      const event = reminderEvent(calendar, c.dueDate!, today);
      return event ? [{ c, event }] : [];
    });
    const facts = await this.facts(withEvent.map((x) => x.c));
    return withEvent.map(({ c, event }): ReminderItem => {
      const f = facts.get(c.id)!;
      const between = calendar.workingDaysBetween(today, c.dueDate!);
      const { step, stepLabel, role, organisation } = f.responsible;
      // An institution's overdue request goes to its centre's administrator; a centre's to its own head.
      const head = escalationTarget({ level: organisation.level, parentLevel: f.parentLevel });
      const escalateTo = head.organisation === 'parent' ? organisation.parentId! : organisation.id;
      return {
        subjectId: c.id,
        stage: `correction:${step}`,
        kind: 'correction_request',
        batchId: null,
        status: null,
        stageLabel: `${CORRECTION_TYPE_LABELS[c.type]}申请${stepLabel}（证书 ${f.certificateNumber}，${CORRECTION_STATUS_LABELS[c.status]}）`,
        institutionId: c.institutionId,
        institutionName: f.institutionName,
        recordCount: null,
        dueDate: c.dueDate!,
        event,
        workingDaysLeft: event === 'overdue' ? 0 : between,
        overdueWorkingDays: event === 'overdue' ? -between : 0,
        responsibleOrganisationId: organisation.id,
        responsibleOrganisation: organisation.name,
        responsibleRole: role,
        responsibleRoleLabel: ROLE_LABELS[role],
        escalationTarget: event === 'overdue' ? { organisationId: escalateTo, role: head.role } : null,
        linkPath: correctionLinkPath(c.id),
      };
    });
  }

  /** Per request: the certificate's number and batch, the institution's name, who must act — in few reads. */
  private async facts(rows: Correction[]) {
    const certificates = new Map(
      (await this.certificates.findByIds([...new Set(rows.map((c) => c.certificateId))])).map((c) => [c.id, c]),
    );
    const institutions = new Map(
      (await this.organisations.findByIds([...new Set(rows.map((c) => c.institutionId))])).map((o) => [o.id, o]),
    );
    const national = await this.organisations.findNational();
    const parents = new Map(
      (
        await this.organisations.findByIds([
          ...new Set([...institutions.values()].map((o) => o.parentId).filter((id): id is number => id !== null)),
          ...new Set(rows.map((c) => c.provinceId)),
        ])
      ).map((o) => [o.id, o]),
    );
    const facts = new Map<
      number,
      {
        certificateNumber: string;
        batchId: number;
        institutionName: string;
        /** The level of the institution's centre (municipal, or provincial for provincial institutions). */
        parentLevel: OrganisationLevel;
        responsible: Responsible;
      }
    >();
    for (const c of rows) {
      const institution = institutions.get(c.institutionId)!;
      const parent = parents.get(institution.parentId!)!;
      const route = routeOfRequest(c, parent.level);
      const at: Record<OrganisationLevel, Organisation | undefined> = {
        national: national ?? undefined,
        provincial: parents.get(c.provinceId),
        municipal: parent,
        institution,
      };
      let responsible: Responsible;
      if (c.status === 'awaiting') {
        const requester = correctionRequesterOf(route.kind, {
          institutionId: institution.id,
          institutionStatus: institution.status,
          parentId: parent.id,
          parentLevel: parent.level,
          provinceId: c.provinceId,
        });
        const organisation = [institution, parent, at.provincial].find((o) => o?.id === requester.organisationId)!;
        responsible = {
          step: 'awaiting',
          stepLabel: CORRECTION_STATUS_LABELS.awaiting,
          role: requester.role,
          organisation,
        };
      } else {
        const stage = route.stages.find((st) => st.stage === c.stage) ?? route.stages[0];
        responsible = {
          step: stage.stage,
          stepLabel: CORRECTION_STAGE_LABELS[stage.stage],
          role: stage.role,
          organisation: (stage.level === 'municipal' ? parent : at[stage.level])!,
        };
      }
      facts.set(c.id, {
        certificateNumber: certificates.get(c.certificateId)?.certificateNumber ?? '',
        batchId: certificates.get(c.certificateId)?.batchId ?? 0,
        institutionName: institution.name,
        parentLevel: parent.level,
        responsible,
      });
    }
    return facts;
  }
}
