import { Injectable } from '@nestjs/common';
import {
  complaintReplyDue,
  complaintReplyRefusal,
  complaintResponder,
  COMPLAINT_REFUSALS,
  complaintSubjectRefusal,
  complaintTransition,
  deadlineStatus,
  DomainError,
  DUE_SOON_WORKING_DAYS,
  escalationTarget,
  hasPermission,
  isChinesePhone,
  isIsoDate,
  isLateReply,
  maskPhone,
  normalizePhone,
  reminderEvent,
  ROLE_LABELS,
  type ComplaintAction,
  type WorkingDayCalendar,
} from '@app/domain';
import {
  COMPLAINT_ACTION_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintDetail,
  type ComplaintRow,
  type CreateComplaintRequest,
  type DeadlineItem,
} from '@app/contracts';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { badInput } from '../common/errors/app-errors';
import type { QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import type { ListScope } from '../certificates/certificates.repository';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { assertMaintains } from '../organisations/institution-maintenance';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { ReminderSourceContext } from '../reminders/reminder-sources';
import type { ReminderItem } from '../reminders/reminders.service';
import type { DeadlineSourceQuery } from '../reviews/deadline-sources';
import type { COMPLAINT_LIST } from './complaint-list';
import { ComplaintFacts, ComplaintsRepository, DueWindow } from './complaints.repository';
import { Complaint } from './entities/complaint.entity';

const SORT_COLUMNS: Record<DeadlineSourceQuery['sort']['field'], string> = {
  dueDate: 'c.dueDate',
  id: 'c.id',
  status: 'c.status',
};

/** The console's page of a complaint (the board and the digest link to it). */
export const complaintLinkPath = (id: number) => `/complaints/${id}/show`;

const WHAT = '投诉';

/**
 * R-43 (粤 四(二)): complaints that certificate data is not online. A centre records one for an institution in its
 * jurisdiction; the institution (or the parent centre of a dissolved one, R-44) replies within 5 working days; the
 * centre closes it or sends it back with a new deadline. Open complaints are on the deadline board and in the reminders
 * of whoever must reply. The contact phone is encrypted at rest and only ever shown or audited masked.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly jurisdiction: JurisdictionService,
    private readonly calendar: CalendarService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, body: CreateComplaintRequest): Promise<ComplaintDetail> {
    const institution = await this.jurisdiction.organisationWithin(actor, body.institutionId, '评价机构');
    if (!isChinesePhone(body.contactPhone)) {
      throw new DomainError('COMPLAINT_PHONE_INVALID', '联系电话格式不正确，请填写手机号码或带区号的固定电话');
    }
    const today = this.clock.today();
    const receivedOn = body.receivedOn ?? today;
    if (!isIsoDate(receivedOn)) throw badInput('受理日期不存在，请检查');
    const refusal = complaintSubjectRefusal({
      institutionId: institution.id,
      institutionLevel: institution.level,
      certificate: body.certificateId === undefined ? null : await this.certificateOrMissing(body.certificateId),
      batch: body.batchId === undefined ? null : await this.batchOrMissing(body.batchId),
      receivedOn,
      today,
    });
    if (refusal) throw new DomainError(refusal, COMPLAINT_REFUSALS[refusal]);
    const calendar = await this.calendar.calendar();
    const dueDate = complaintReplyDue(calendar, today);
    const phone = normalizePhone(body.contactPhone);
    const contactPhoneMasked = maskPhone(phone);
    const id = await this.uow.run(async (manager) => {
      const inserted = await this.complaints.insert(manager, {
        institutionId: institution.id,
        orgPath: institution.path,
        recordingOrganisationId: actor.organisationId,
        holderName: body.holderName.trim(),
        contactPhoneEnc: this.cipher.encrypt(phone),
        contactPhoneMasked,
        certificateId: body.certificateId ?? null,
        batchId: body.batchId ?? null,
        channel: body.channel,
        content: body.content.trim(),
        receivedOn,
        recordedOn: today,
        recordedAt: this.clock.now(),
        recordedById: actor.userId,
        dueDate,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'complaint.create',
        targetType: 'complaint',
        targetId: inserted,
        before: null,
        after: {
          status: 'open',
          institutionId: institution.id,
          channel: body.channel,
          contactPhoneMasked,
          receivedOn,
          dueDate,
          ...(body.certificateId === undefined ? {} : { certificateId: body.certificateId }),
          ...(body.batchId === undefined ? {} : { batchId: body.batchId }),
          version: 1,
        },
        detail: `登记投诉（${COMPLAINT_CHANNEL_LABELS[body.channel]}），交办${institution.name}，${dueDate} 前答复`,
      });
      return inserted;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: QueryOf<typeof COMPLAINT_LIST>): Promise<{ rows: ComplaintRow[]; total: number }> {
    const scopes: ListScope[] = [(qb, path) => this.jurisdiction.restrictList(qb, path, actor)];
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    let window: DueWindow | undefined;
    if (query.filter.due === 'overdue') window = { before: today };
    if (query.filter.due === 'soon') {
      window = { between: { from: today, to: calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS) } };
    }
    const { rows, total } = await this.complaints.listPage(query, scopes, window);
    const facts = await this.complaints.facts(rows);
    return { rows: rows.map((c) => complaintRow(c, facts.get(c.id)!, calendar, today)), total };
  }

  async get(actor: Actor, id: number): Promise<ComplaintDetail> {
    return this.detail(actor, await this.within(actor, id));
  }

  /** The institution's answer (R-43): its operators, or the parent centre's admin for a dissolved one (R-44). */
  async reply(actor: Actor, id: number, version: number, reply: string): Promise<ComplaintDetail> {
    const complaint = await this.within(actor, id);
    const institution = await this.organisations.findByIdOrFail(complaint.institutionId);
    if (actor.organisationLevel === 'institution') assertMaintains(actor, institution);
    const parent = institution.parentId === null ? null : await this.organisations.findById(institution.parentId);
    const refusal = complaintReplyRefusal(actor, complaintResponder(institution, parent?.level));
    if (refusal) throw new DomainError(refusal, COMPLAINT_REFUSALS[refusal]);
    const to = this.refuseUnlessAllowed(complaint, 'reply');
    const today = this.clock.today();
    const lateReply = complaint.lateReply || isLateReply(complaint.dueDate, today);
    await this.uow.run(async (manager) => {
      await this.complaints.transition(
        manager,
        { id, version, from: complaint.status },
        { status: to, reply, repliedById: actor.userId, repliedAt: this.clock.now(), lateReply },
      );
      await this.audit.record(manager, subjectOf(actor), {
        action: 'complaint.reply',
        targetType: 'complaint',
        targetId: id,
        before: { status: complaint.status, dueDate: complaint.dueDate, version },
        after: { status: to, reply, lateReply, version: version + 1 },
        detail: `${institution.name}答复投诉${isLateReply(complaint.dueDate, today) ? `（逾期答复，${complaint.dueDate} 到期）` : ''}`,
      });
    });
    return this.get(actor, id);
  }

  /** The centre accepts the reply and closes the complaint (R-43). */
  async close(actor: Actor, id: number, version: number, note: string): Promise<ComplaintDetail> {
    const complaint = await this.within(actor, id);
    const to = this.refuseUnlessAllowed(complaint, 'close');
    await this.uow.run(async (manager) => {
      await this.complaints.transition(
        manager,
        { id, version, from: complaint.status },
        { status: to, closingNote: note, closedById: actor.userId, closedAt: this.clock.now() },
      );
      await this.audit.record(manager, subjectOf(actor), {
        action: 'complaint.close',
        targetType: 'complaint',
        targetId: id,
        before: { status: complaint.status, version },
        after: { status: to, note, version: version + 1 },
        detail: `投诉办结：${note}`,
      });
    });
    return this.get(actor, id);
  }

  /** The centre does not accept the reply: back to the institution with the reason and a new deadline (R-43). */
  async reopen(actor: Actor, id: number, version: number, reason: string): Promise<ComplaintDetail> {
    const complaint = await this.within(actor, id);
    const to = this.refuseUnlessAllowed(complaint, 'reopen');
    const today = this.clock.today();
    const dueDate = complaintReplyDue(await this.calendar.calendar(), today);
    await this.uow.run(async (manager) => {
      await this.complaints.transition(
        manager,
        { id, version, from: complaint.status },
        {
          status: to,
          reopenReason: reason,
          reopenedAt: this.clock.now(),
          reopenCount: complaint.reopenCount + 1,
          dueDate,
        },
      );
      await this.audit.record(manager, subjectOf(actor), {
        action: 'complaint.reopen',
        targetType: 'complaint',
        targetId: id,
        before: { status: complaint.status, dueDate: complaint.dueDate, reopenCount: complaint.reopenCount, version },
        after: { status: to, dueDate, reopenCount: complaint.reopenCount + 1, reason, version: version + 1 },
        detail: `投诉答复未被接受，退回重新答复，${dueDate} 前答复：${reason}`,
      });
    });
    return this.get(actor, id);
  }

  /** The complaint, or 404 outside the caller's subtree (R-3). */
  async within(actor: Actor, id: number): Promise<Complaint> {
    const complaint = await this.complaints.findById(id);
    this.jurisdiction.assertWithin(actor, complaint?.orgPath, WHAT);
    return complaint!;
  }

  /** R-43 on the 期限看板: open complaints as items of whoever must reply. */
  async deadlineItems(query: DeadlineSourceQuery): Promise<{ rows: DeadlineItem[]; total: number }> {
    const due: DueWindow =
      query.state === 'overdue'
        ? { before: query.today }
        : query.state === 'due_soon'
          ? { between: { from: query.today, to: query.soonUntil } }
          : query.state === 'on_time'
            ? { after: query.soonUntil }
            : {};
    const { rows, total } = await this.complaints.openFirst(
      query.scope,
      due,
      { column: SORT_COLUMNS[query.sort.field], order: query.sort.order },
      query.limit,
    );
    const facts = await this.complaints.facts(rows);
    return {
      rows: rows.map((c): DeadlineItem => {
        const f = facts.get(c.id)!;
        const s = deadlineStatus(query.calendar, c.dueDate, query.today);
        const responder = responderOf(c, f);
        return {
          id: `complaint-${c.id}`,
          batchId: c.batchId,
          version: c.version,
          kind: 'complaint',
          status: c.status,
          statusLabel: COMPLAINT_STATUS_LABELS[c.status],
          institutionId: c.institutionId,
          institutionName: f.institutionName,
          recordCount: 1,
          lateSubmission: false,
          stageReceivedOn: c.recordedOn,
          dueDate: c.dueDate,
          overdue: s.overdue,
          workingDaysLeft: s.overdue ? -s.workingDaysOverdue : s.workingDaysLeft,
          dueText: s.text,
          responsibleOrganisationId: responder.organisationId,
          responsibleOrganisation: responder.name,
          responsibleRole: ROLE_LABELS[responder.role],
          complaintId: c.id,
          ...(c.certificateId === null ? {} : { certificateId: c.certificateId }),
          ...(f.certificateNumber === null ? {} : { certificateNumber: f.certificateNumber }),
          linkPath: complaintLinkPath(c.id),
        };
      }),
      total,
    };
  }

  /**
   * R-35 for complaints: open ones due within 3 working days or overdue, for whoever must reply (the institution's
   * operators, or the parent centre's admin of a dissolved one); an overdue one also goes to the parent centre.
   */
  async reminderItems({ calendar, today }: ReminderSourceContext): Promise<ReminderItem[]> {
    const open = await this.complaints.openDueBy(calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS + 1));
    const withEvent = open.flatMap((c) => {
      const event = reminderEvent(calendar, c.dueDate, today);
      return event ? [{ c, event }] : [];
    });
    const facts = await this.complaints.facts(withEvent.map((x) => x.c));
    return withEvent.map(({ c, event }): ReminderItem => {
      const f = facts.get(c.id)!;
      const responder = responderOf(c, f);
      const between = calendar.workingDaysBetween(today, c.dueDate);
      let escalation: ReminderItem['escalationTarget'] = null;
      if (event === 'overdue') {
        // An institution's overdue reply goes to its centre (escalationTarget); a centre's own to its head.
        const target =
          responder.organisationId === c.institutionId
            ? escalationTarget({ level: 'institution', parentLevel: f.parentLevel ?? undefined })
            : escalationTarget({ level: f.parentLevel ?? 'municipal' });
        escalation = { organisationId: f.institutionParentId, role: target.role };
      }
      return {
        subjectId: c.id,
        stage: `reply-${c.reopenCount}`,
        kind: 'complaint',
        batchId: null,
        status: null,
        stageLabel: `答复投诉 #${c.id}（${COMPLAINT_CHANNEL_LABELS[c.channel]}）`,
        institutionId: c.institutionId,
        institutionName: f.institutionName,
        recordCount: null,
        dueDate: c.dueDate,
        event,
        workingDaysLeft: event === 'overdue' ? 0 : between,
        overdueWorkingDays: event === 'overdue' ? -between : 0,
        responsibleOrganisationId: responder.organisationId,
        responsibleOrganisation: responder.name,
        responsibleRole: responder.role,
        responsibleRoleLabel: ROLE_LABELS[responder.role],
        escalationTarget: escalation,
        linkPath: complaintLinkPath(c.id),
      };
    });
  }

  private refuseUnlessAllowed(complaint: Complaint, action: ComplaintAction) {
    const to = complaintTransition(complaint.status, action);
    if (to === null) {
      throw new DomainError(
        'COMPLAINT_WRONG_STATUS',
        `该投诉${COMPLAINT_STATUS_LABELS[complaint.status]}，不能${COMPLAINT_ACTION_LABELS[action]}，请刷新后查看`,
        { status: complaint.status },
      );
    }
    return to;
  }

  private async detail(actor: Actor, c: Complaint): Promise<ComplaintDetail> {
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    const f = (await this.complaints.facts([c])).get(c.id)!;
    const names = await this.complaints.staffNames(
      [c.recordedById, c.repliedById, c.closedById].filter((x): x is number => x !== null),
    );
    const responder = responderOf(c, f);
    const actions: ComplaintAction[] = [];
    if (
      c.status === 'open' &&
      hasPermission(actor.roles, 'complaints.reply') &&
      complaintReplyRefusal(actor, responder) === null &&
      !(actor.organisationLevel === 'institution' && f.institutionStatus === 'dissolved')
    ) {
      actions.push('reply');
    }
    if (c.status === 'replied' && hasPermission(actor.roles, 'complaints.write')) actions.push('close', 'reopen');
    return {
      ...complaintRow(c, f, calendar, today),
      content: c.content,
      recordedByName: names.get(c.recordedById) ?? '',
      recordingOrganisation: f.recordingOrganisation,
      reply: c.reply,
      repliedAt: c.repliedAt ? c.repliedAt.toISOString() : null,
      repliedByName: c.repliedById === null ? null : (names.get(c.repliedById) ?? null),
      reopenReason: c.reopenReason,
      reopenedAt: c.reopenedAt ? c.reopenedAt.toISOString() : null,
      closingNote: c.closingNote,
      closedAt: c.closedAt ? c.closedAt.toISOString() : null,
      closedByName: c.closedById === null ? null : (names.get(c.closedById) ?? null),
      actions,
    };
  }

  /** A missing certificate answers like another institution's: the form names a wrong one either way. */
  private async certificateOrMissing(id: number) {
    return (await this.complaints.certificate(id)) ?? { institutionId: -1, batchId: -1 };
  }

  private async batchOrMissing(id: number) {
    return (await this.complaints.batch(id)) ?? { id, institutionId: -1 };
  }
}

/** Who must reply, with the name the board and the reminders show. */
function responderOf(c: Complaint, f: ComplaintFacts) {
  const responder = complaintResponder(
    { id: c.institutionId, parentId: f.institutionParentId, status: f.institutionStatus },
    f.parentLevel ?? undefined,
  );
  const name = responder.organisationId === c.institutionId ? f.institutionName : (f.parentName ?? '');
  return { ...responder, name };
}

function complaintRow(c: Complaint, f: ComplaintFacts, calendar: WorkingDayCalendar, today: string): ComplaintRow {
  // Counted like the deadline board (deadlineStatus); only an open complaint has a countdown.
  const s = c.status === 'open' ? deadlineStatus(calendar, c.dueDate, today) : null;
  const responder = responderOf(c, f);
  return {
    id: c.id,
    holderName: c.holderName,
    contactPhoneMasked: c.contactPhoneMasked,
    institutionId: c.institutionId,
    institutionName: f.institutionName,
    certificateId: c.certificateId,
    certificateNumber: f.certificateNumber,
    batchId: c.batchId,
    channel: c.channel,
    channelLabel: COMPLAINT_CHANNEL_LABELS[c.channel],
    receivedOn: c.receivedOn,
    recordedOn: c.recordedOn,
    recordedAt: c.recordedAt.toISOString(),
    dueDate: c.dueDate,
    workingDaysLeft: s ? (s.overdue ? -s.workingDaysOverdue : s.workingDaysLeft) : null,
    overdue: s?.overdue ?? false,
    dueText: s?.text ?? null,
    lateReply: Boolean(c.lateReply),
    status: c.status,
    statusLabel: COMPLAINT_STATUS_LABELS[c.status],
    responderOrganisationId: responder.organisationId,
    responderOrganisation: responder.name,
    reopenCount: c.reopenCount,
    version: c.version,
  };
}
