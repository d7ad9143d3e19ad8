import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  analyzeCertificateNumber,
  ancestorIds,
  CORRECTABLE_FIELDS,
  correctionRefusal,
  correctionRequesterRefusal,
  correctionRoute,
  DomainError,
  DOMAIN_ERRORS,
  effectiveChanges,
  maskIdNumber,
  parseCertificateRecord,
  ROLE_LABELS,
  workOrderDue,
  type CorrectableField,
  type CorrectionChanges,
  type CorrectionRoute,
  type CorrectionStage,
  type CertificateRecordInput,
  type CorrectionType,
} from '@app/domain';
import { CORRECTION_STAGE_LABELS, type CreateCorrectionReply, type WorkOrderFields } from '@app/contracts';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { forbidden, staleVersion } from '../common/errors/app-errors';
import { correctionError } from './corrections.errors';
import type { QueryOf } from '../common/http/list-query';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import type { Attachment } from '../attachments/entities/attachment.entity';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { certificateFields } from '../certificates/certificate-fields';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { isUniqueViolation } from '../database/unique-violation';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { ConfirmedRecheck } from '../rechecks/recheck-confirmations';
import { RechecksService } from '../rechecks/rechecks.service';
import { CorrectionViews } from './correction-views';
import {
  CorrectionSubject,
  deciderOf,
  ownerOf,
  phaseOfRoute,
  recordInputOf,
  routeOfRequest,
} from './correction-subject';
import type { CORRECTION_LIST } from './correction-list';
import { CorrectionsRepository } from './corrections.repository';
import { Correction } from './entities/correction.entity';

/** A request's changes as filed: the ID number apart (encrypted at rest), the rest as template values or codes. */
interface FiledChanges {
  changes: Record<string, string | number | null> | null;
  idNumber: string | null;
}

/** What a requester sends when filing or amending a request. */
interface RequestInput {
  changes?: Record<string, string | number | null>;
  reason: string;
  attachmentIds: number[];
  workOrder?: WorkOrderFields;
}

/**
 * R-19 – R-23, R-44: correction and deletion requests — filed by whoever the route names, refused in the rules'
 * order, passed stage by stage by the one role each stage names (optimistic locking on the request), and applied
 * whole in one transaction: a new certificate version with the old one kept, or a logical deletion.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly corrections: CorrectionsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly jurisdiction: JurisdictionService,
    private readonly calendar: CalendarService,
    private readonly occupations: OccupationCatalogue,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly views: CorrectionViews,
    private readonly rechecks: RechecksService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: QueryOf<typeof CORRECTION_LIST>) {
    const { rows, total } = await this.corrections.listPage(query, [
      (qb, path) => this.jurisdiction.restrictList(qb, path, actor),
    ]);
    return { rows: await this.views.rows(rows), total };
  }

  async get(actor: Actor, id: number) {
    return this.views.detail(await this.within(actor, id));
  }

  /** `POST /api/admin/corrections`: 404 outside jurisdiction, 422 for a draft's record, 403 for the wrong requester. */
  async create(actor: Actor, input: RequestInput & { certificateId: number; type: CorrectionType }) {
    const subject = await this.subject(input.certificateId);
    this.jurisdiction.assertWithin(actor, subject?.institution.path, '证书');
    const s = subject!;
    if (s.certificate.lookupStatus === 'deleted') {
      throw correctionError('CORRECTION_CERTIFICATE_DELETED');
    }
    // A suspended certificate is the province's to re-check (R-26): its confirmation opens the request, so nobody
    // files one meanwhile (which would also hold the confirmation off).
    if (s.certificate.lookupStatus === 'suspended') {
      throw correctionError('CORRECTION_UNDER_RECHECK');
    }
    const route = correctionRoute({
      type: input.type,
      status: s.certificate.status,
      institutionParentLevel: s.parent.level,
      urgency: input.workOrder?.urgency,
    });
    if (route.kind === 'direct_edit') {
      throw correctionError('CORRECTION_DIRECT_EDIT');
    }
    this.assertRequester(actor, route, s);
    const cited = await this.citedAttachments(actor, input.attachmentIds);
    const filed = await this.refuseOrFile(s, input.type, route, input, cited, false);
    const now = this.clock.now();
    const first = route.stages[0];
    const due = await this.stageDue(first, input.workOrder, s, now);
    let id: number;
    try {
      id = await this.uow.run(async (manager) => {
        const newId = await this.corrections.insert(manager, {
          certificateId: s.certificate.id,
          openCertificateId: s.certificate.id,
          institutionId: s.institution.id,
          provinceId: s.province.id,
          orgPath: s.institution.path,
          type: input.type,
          route: route.kind,
          status: 'pending',
          stage: first.stage,
          ...this.stored(filed, s, input),
          dueDate: due.dueDate,
          dueAt: due.dueAt,
          stageReceivedAt: now,
          requestedById: actor.userId,
          requestedAt: now,
          recheckId: null,
        });
        await this.corrections.setAttachments(
          manager,
          newId,
          cited.map((a) => a.id),
        );
        await this.audit.record(manager, subjectOf(actor), {
          action: 'correction.create',
          targetType: 'correction',
          targetId: newId,
          after: {
            ...this.auditView(input.type, route, filed, s),
            status: 'pending',
            stage: first.stage,
            attachmentIds: cited.map((a) => a.id),
          },
          detail: `提出${input.type === 'modify' ? '修改' : '删除'}申请（证书编号 ${s.certificate.certificateNumber}）：${input.reason}`,
        });
        return newId;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw pendingRefusal();
      throw error;
    }
    const created = (await this.corrections.findById(id))!;
    return {
      id,
      status: created.status,
      version: created.version,
      route: created.route,
      dueDate: created.dueDate,
    } satisfies CreateCorrectionReply;
  }

  /** Approval at the current stage: the next stage, or — where the route says so — the change applied. */
  async approve(actor: Actor, id: number, version: number) {
    const c = await this.within(actor, id);
    // A request another decision moved on is stale to this one (409), whoever's stage it reached (not 403).
    if (c.version !== version) throw staleVersion();
    if (c.status !== 'pending') throw notPending(c);
    const s = (await this.subject(c.certificateId))!;
    const route = this.routeOf(c, s);
    const index = route.stages.findIndex((st) => st.stage === c.stage);
    const stage = route.stages[index];
    this.assertDecider(actor, stage, s);
    await this.assertNotOwnRequest(actor, c);
    const now = this.clock.now();
    const next = stage.applies ? null : route.stages[index + 1];
    const due = next ? await this.stageDue(next, c.workOrder ?? undefined, s, now) : null;
    await this.uow.run(async (manager) => {
      // The request's versioned update comes first: of two concurrent approvals only one gets past it.
      await this.corrections.update(
        manager,
        { id, version, status: 'pending' },
        next
          ? { stage: next.stage, dueDate: due!.dueDate, dueAt: due!.dueAt, stageReceivedAt: now }
          : { status: 'applied', stage: null, openCertificateId: null, dueDate: null, dueAt: null, closedAt: now },
      );
      let appliedVersion: number | null = null;
      if (stage.applies) {
        appliedVersion = await this.apply(manager, actor, c);
        await this.corrections.setAppliedVersion(manager, id, appliedVersion);
      }
      await this.corrections.insertDecision(manager, {
        correctionId: id,
        stage: stage.stage,
        action: 'approve',
        actorId: actor.userId,
        actorName: actor.displayName,
        reason: null,
        at: now,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: next ? 'correction.approve' : 'correction.apply',
        targetType: 'correction',
        targetId: id,
        before: { status: 'pending', stage: stage.stage, version },
        after: next
          ? { status: 'pending', stage: next.stage, dueDate: due!.dueDate, version: version + 1 }
          : { status: 'applied', appliedVersion, version: version + 1 },
        detail: next
          ? `审核通过，转${next.stage === 'provincial_review' ? '省级审核' : '部中心审核'}（证书编号 ${s.certificate.certificateNumber}）`
          : `${c.type === 'modify' ? '执行修改，生成新版本' : '执行逻辑删除'}（证书编号 ${s.certificate.certificateNumber}）`,
      });
    });
    return this.get(actor, id);
  }

  /** Back to the requester with a reason; the request stays open (CORRECTION_PENDING) until resubmitted or withdrawn. */
  async returnToRequester(actor: Actor, id: number, version: number, reason: string) {
    const c = await this.within(actor, id);
    if (c.version !== version) throw staleVersion();
    if (c.status !== 'pending') throw notPending(c);
    const s = (await this.subject(c.certificateId))!;
    const stage = this.routeOf(c, s).stages.find((st) => st.stage === c.stage)!;
    this.assertDecider(actor, stage, s);
    const now = this.clock.now();
    await this.uow.run(async (manager) => {
      await this.corrections.update(
        manager,
        { id, version, status: 'pending' },
        { status: 'returned', stage: null, dueDate: null, dueAt: null, returnReason: reason },
      );
      await this.corrections.insertDecision(manager, {
        correctionId: id,
        stage: stage.stage,
        action: 'return',
        actorId: actor.userId,
        actorName: actor.displayName,
        reason,
        at: now,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'correction.return',
        targetType: 'correction',
        targetId: id,
        before: { status: 'pending', stage: stage.stage, version },
        after: { status: 'returned', returnReason: reason, version: version + 1 },
        detail: `退回申请人（证书编号 ${s.certificate.certificateNumber}）：${reason}`,
      });
    });
    return this.get(actor, id);
  }

  /** A returned (or re-check-opened) request amended and sent to its first stage; refused like a new one. */
  async resubmit(actor: Actor, id: number, version: number, amend: Partial<RequestInput>) {
    const c = await this.within(actor, id);
    if (c.status !== 'returned' && c.status !== 'awaiting') {
      throw new DomainError('CORRECTION_WRONG_STATE', '只有已退回或待补充提交的申请可以重新提交');
    }
    const s = (await this.subject(c.certificateId))!;
    const input: RequestInput = {
      changes: amend.changes ?? this.filedChanges(c).changes ?? undefined,
      reason: amend.reason ?? c.reason,
      attachmentIds: amend.attachmentIds ?? (await this.corrections.attachmentIdsOf(id)),
      workOrder: amend.workOrder ?? c.workOrder ?? undefined,
    };
    if (amend.changes === undefined && c.idNumberEnc) {
      input.changes = { ...(input.changes ?? {}), idNumber: this.cipher.decrypt(c.idNumberEnc) };
    }
    const route = this.routeOf(c, s, input.workOrder);
    this.assertRequester(actor, route, s);
    const cited = await this.citedAttachments(actor, input.attachmentIds, await this.corrections.attachmentIdsOf(id));
    const filed = await this.refuseOrFile(s, c.type, route, input, cited, true);
    const now = this.clock.now();
    const first = route.stages[0];
    const due = await this.stageDue(first, input.workOrder, s, now);
    await this.uow.run(async (manager) => {
      await this.corrections.update(
        manager,
        { id, version, status: c.status },
        {
          status: 'pending',
          stage: first.stage,
          ...this.stored(filed, s, input),
          dueDate: due.dueDate,
          dueAt: due.dueAt,
          stageReceivedAt: now,
          returnReason: null,
        },
      );
      await this.corrections.setAttachments(
        manager,
        id,
        cited.map((a) => a.id),
      );
      await this.corrections.insertDecision(manager, {
        correctionId: id,
        stage: first.stage,
        action: 'resubmit',
        actorId: actor.userId,
        actorName: actor.displayName,
        reason: input.reason,
        at: now,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'correction.resubmit',
        targetType: 'correction',
        targetId: id,
        before: { status: c.status, version },
        after: {
          ...this.auditView(c.type, route, filed, s),
          status: 'pending',
          stage: first.stage,
          version: version + 1,
        },
        detail: `重新提交申请（证书编号 ${s.certificate.certificateNumber}）：${input.reason}`,
      });
    });
    return this.get(actor, id);
  }

  /** The requester closes an open request without effect; one a confirmed re-check opened must be completed. */
  async withdraw(actor: Actor, id: number, version: number, reason: string | undefined) {
    const c = await this.within(actor, id);
    if (c.status === 'applied' || c.status === 'withdrawn') throw notPending(c);
    if (c.recheckId !== null) throw correctionError('CORRECTION_FROM_RECHECK');
    const s = (await this.subject(c.certificateId))!;
    this.assertRequester(actor, this.routeOf(c, s), s);
    const now = this.clock.now();
    await this.uow.run(async (manager) => {
      await this.corrections.update(
        manager,
        { id, version, status: c.status },
        { status: 'withdrawn', stage: null, openCertificateId: null, dueDate: null, dueAt: null, closedAt: now },
      );
      await this.corrections.insertDecision(manager, {
        correctionId: id,
        stage: c.stage ?? this.routeOf(c, s).stages[0].stage,
        action: 'withdraw',
        actorId: actor.userId,
        actorName: actor.displayName,
        reason: reason?.trim() || null,
        at: now,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'correction.withdraw',
        targetType: 'correction',
        targetId: id,
        before: { status: c.status, version },
        after: { status: 'withdrawn', version: version + 1 },
        detail: `撤回申请（证书编号 ${s.certificate.certificateNumber}）${reason?.trim() ? `：${reason.trim()}` : ''}`,
      });
    });
    return this.get(actor, id);
  }

  /** R-20: the owning province allows one more modification of a certificate already modified. */
  async override(actor: Actor, certificateId: number, reason: string) {
    const subject = await this.subject(certificateId);
    this.jurisdiction.assertWithin(actor, subject?.institution.path, '证书');
    const s = subject!;
    if (actor.organisationId !== s.province.id) {
      throw forbidden('再次修改须由证书所属省份的省级技能中心登记');
    }
    const history = await this.corrections.modificationHistory(certificateId);
    const overrides = await this.corrections.overridesOf(certificateId);
    if (history.applied <= overrides) {
      throw correctionError('CORRECTION_OVERRIDE_NOT_NEEDED');
    }
    const now = this.clock.now();
    const id = await this.uow.run(async (manager) => {
      // The n-th override is unique per certificate: of two recorded at once, one is refused as no longer needed.
      const overrideId = await this.corrections
        .insertOverride(manager, {
          certificateId,
          nth: overrides + 1,
          provinceId: s.province.id,
          reason,
          recordedById: actor.userId,
          recordedAt: now,
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? correctionError('CORRECTION_OVERRIDE_NOT_NEEDED') : error;
        });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'correction.override',
        targetType: 'certificate',
        targetId: certificateId,
        after: { overridesRecorded: overrides + 1, modificationsApplied: history.applied, reason },
        detail: `登记同意再次修改（证书编号 ${s.certificate.certificateNumber}）：${reason}`,
      });
      return overrideId;
    });
    return { id, certificateId, reason, modificationsApplied: history.applied, overridesRecorded: overrides + 1 };
  }

  /**
   * R-26: a confirmed re-check opens the request it leads to, in the confirming transaction — a deletion for the
   * province, or a correction for the institution — waiting for its requester to add the changes and the papers.
   * When a request for the certificate is already open, that one carries on.
   */
  async openFromRecheck(manager: EntityManager, confirmed: ConfirmedRecheck): Promise<void> {
    // The confirmation would have nowhere to go: it waits until the open request is applied, returned and withdrawn.
    if (await this.corrections.openExists(confirmed.certificateId, manager)) {
      throw correctionError('RECHECK_CORRECTION_PENDING');
    }
    const s = (await this.subject(confirmed.certificateId, manager))!;
    const type: CorrectionType = confirmed.outcome === 'delete' ? 'delete' : 'modify';
    const route = correctionRoute({ type, status: 'published', institutionParentLevel: s.parent.level });
    const now = this.clock.now();
    const reason = `复核确认问题：${confirmed.reason}`.slice(0, 500);
    // The papers and new values are owed within the period for correcting after a provincial return (R-14), so the
    // request reaches the deadline board and the reminders instead of leaving the certificate suspended unseen.
    const due = await this.calendar.deadline(
      'correction_after_provincial_return',
      this.clock.today(),
      s.institution.deadlineProfile,
    );
    const id = await this.corrections.insert(manager, {
      certificateId: s.certificate.id,
      openCertificateId: s.certificate.id,
      institutionId: s.institution.id,
      provinceId: s.province.id,
      orgPath: s.institution.path,
      type,
      route: route.kind,
      status: 'awaiting',
      stage: null,
      changes: null,
      idNumberEnc: null,
      changedFields: '',
      before: null,
      beforeIdNumberHash: null,
      reason,
      workOrder: null,
      urgency: null,
      dueDate: due.due,
      dueAt: null,
      stageReceivedAt: null,
      requestedById: confirmed.actor.userId,
      requestedAt: now,
      recheckId: confirmed.recheckId,
    });
    await this.audit.record(manager, subjectOf(confirmed.actor), {
      action: 'correction.open_from_recheck',
      targetType: 'correction',
      targetId: id,
      after: { status: 'awaiting', type, route: route.kind, recheckId: confirmed.recheckId, dueDate: due.due },
      detail: `复核确认后待${type === 'delete' ? '省级技能中心提出删除' : '评价机构提出修改'}（证书编号 ${s.certificate.certificateNumber}）`,
    });
  }

  /** The request, or 404 outside the caller's jurisdiction (R-3). */
  async within(actor: Actor, id: number): Promise<Correction> {
    const c = await this.corrections.findById(id);
    this.jurisdiction.assertWithin(actor, c?.orgPath, '更正申请');
    return c!;
  }

  /** The certificate with its institution and the centres above it; null when there is no such certificate. */
  async subject(certificateId: number, manager?: EntityManager): Promise<CorrectionSubject | null> {
    const found = manager
      ? await this.certificates.findWithInstitutionIn(manager, certificateId)
      : await this.certificates.findWithInstitution(certificateId);
    if (!found) return null;
    const above = await this.organisations.findByIds(ancestorIds(found.institution.path), manager);
    const parent = above.find((o) => o.id === found.institution.parentId);
    const province = above.find((o) => o.level === 'provincial');
    const national = above.find((o) => o.level === 'national');
    if (!parent || !province || !national) {
      throw new Error(`institution ${found.institution.id} lacks a parent, provincial or national centre on its path`);
    }
    const current = recordInputOf(found.certificate, this.cipher.decrypt(found.certificate.idNumberEnc));
    return { ...found, parent, province, national, current };
  }

  private routeOf(c: Correction, s: CorrectionSubject, workOrder?: WorkOrderFields): CorrectionRoute {
    return routeOfRequest(c, s.parent.level, (workOrder ?? c.workOrder)?.urgency ?? null);
  }

  private assertRequester(actor: Actor, route: CorrectionRoute, s: CorrectionSubject): void {
    const refusal = correctionRequesterRefusal(route.kind, actor, ownerOf(s));
    if (refusal) throw forbidden(refusal);
  }

  /** Only the role the stage names, of the organisation that stage sits at, decides it (R-21 – R-23). */
  private assertDecider(actor: Actor, stage: CorrectionStage, s: CorrectionSubject): void {
    const organisation = deciderOf(stage, s);
    if (!actor.roles.includes(stage.role) || actor.organisationId !== organisation.id) {
      throw new DomainError(
        'FORBIDDEN',
        `该申请当前在“${CORRECTION_STAGE_LABELS[stage.stage]}”环节，由${organisation.name}的${ROLE_LABELS[stage.role]}处理`,
      );
    }
  }

  /** The attachments cited: each within reach (404) and uploaded by the requester's own organisation (422). */
  private async citedAttachments(actor: Actor, ids: number[], alreadyCited: number[] = []): Promise<Attachment[]> {
    const unique = [...new Set(ids)];
    const found = await this.attachments.findByIds(unique);
    for (const id of unique) {
      const a = found.find((x) => x.id === id);
      this.jurisdiction.assertWithin(actor, a?.orgPath, '附件');
      // Re-citing what the request already had is fine even when another member of the organisation uploaded it.
      if (a!.organisationId !== actor.organisationId && !alreadyCited.includes(id)) {
        throw new DomainError('CORRECTION_ATTACHMENT_NOT_OWN', `附件“${a!.fileName}”不是本单位上传的，不能用于本申请`);
      }
    }
    return found;
  }

  /** The refusals in the rules' order (R-20, R-22, R-23, R-8), then the filed form of the changes. */
  private async refuseOrFile(
    s: CorrectionSubject,
    type: CorrectionType,
    route: CorrectionRoute,
    input: RequestInput,
    cited: Attachment[],
    amending: boolean,
  ): Promise<FiledChanges> {
    if (route.kind === 'work_order' && !input.workOrder) {
      throw correctionError('CORRECTION_WORK_ORDER_REQUIRED');
    }
    const changes = (input.changes ?? {}) as CorrectionChanges;
    const refusal = await this.refusal(
      s,
      type,
      changes,
      cited.map((a) => a.purpose),
      !amending,
    );
    if (refusal) throw refusal;
    if (type === 'delete') return { changes: null, idNumber: null };
    const changed = effectiveChanges(s.current, changes);
    const kept: Record<string, string | number | null> = {};
    for (const f of changed) if (f !== 'idNumber') kept[f] = changes[f] ?? null;
    return {
      changes: kept,
      idNumber: changed.includes('idNumber') ? String(changes.idNumber).trim().toUpperCase() : null,
    };
  }

  /** The first refusal of the rules for filing (or applying) this request now, as an error; null when none. */
  private async refusal(
    s: CorrectionSubject,
    type: CorrectionType,
    changes: CorrectionChanges,
    purposes: Attachment['purpose'][],
    checkOpen: boolean,
    applying?: { manager: EntityManager; correctionId: number },
  ): Promise<DomainError | null> {
    const manager = applying?.manager;
    // While applying, the request itself is already marked applied in the transaction: it does not count against itself.
    const history = await this.corrections.modificationHistory(s.certificate.id, manager, applying?.correctionId);
    const refusal = correctionRefusal({
      type,
      status: s.certificate.status,
      current: s.current,
      changes: type === 'modify' ? changes : (changes ?? null),
      openRequestExists: checkOpen && (await this.corrections.openExists(s.certificate.id, manager)),
      modificationsApplied: history.applied,
      overridesRecorded: await this.corrections.overridesOf(s.certificate.id, manager),
      holderNameChangedBefore: history.holderNameChanged,
      idNumberChangedBefore: history.idNumberChanged,
      attachmentPurposes: purposes,
      validation: this.validationOf(s),
    });
    if (refusal) {
      const details =
        refusal.code === 'CORRECTION_INVALID' ? { field: refusal.field ?? null, reason: refusal.reason } : undefined;
      return new DomainError(refusal.code, refusal.message, details);
    }
    const typed = type === 'modify' ? changes.certificateNumber : undefined;
    if (typed !== undefined && typed !== null) {
      // The number as the record parser will store it (full-width characters, case, spaces normalised).
      const number = analyzeCertificateNumber(String(typed)).normalized;
      if (
        number !== s.certificate.certificateNumber &&
        (await this.certificates.numberTakenElsewhere(number, s.certificate.id))
      ) {
        return numberTakenError();
      }
    }
    return null;
  }

  /**
   * Four eyes (R-3, R-19): whoever filed the changes — the requester, or whoever resubmitted them — does not decide
   * the request at any stage. A request a re-check opened was filed by its confirming reviewer, who wrote no changes.
   */
  private async assertNotOwnRequest(actor: Actor, c: Correction): Promise<void> {
    if (c.recheckId === null && c.requestedById === actor.userId) throw correctionError('CORRECTION_OWN_REQUEST');
    const decisions = await this.corrections.decisionsOf(c.id);
    if (decisions.some((d) => d.action === 'resubmit' && d.actorId === actor.userId)) {
      throw correctionError('CORRECTION_OWN_REQUEST');
    }
  }

  private validationOf(s: CorrectionSubject) {
    return {
      today: this.clock.today(),
      kind: s.certificate.kind,
      institution: { registeredAt: s.institution.registeredAt ?? '1900-01-01', scope: s.institution.scope ?? [] },
      catalogue: this.occupations.catalogue,
    };
  }

  /** The columns a request keeps of its changes: values as filed, the new ID number encrypted, the old values. */
  private stored(filed: FiledChanges, s: CorrectionSubject, input: RequestInput) {
    const fields = [...Object.keys(filed.changes ?? {}), ...(filed.idNumber ? ['idNumber'] : [])] as CorrectableField[];
    const ordered = CORRECTABLE_FIELDS.filter((f) => fields.includes(f));
    const before: Record<string, string | null> = {};
    for (const f of ordered) {
      const v = s.current[f];
      before[f] = f === 'idNumber' ? s.certificate.idNumberMasked : v === undefined || v === null ? null : String(v);
    }
    return {
      changes: filed.changes,
      idNumberEnc: filed.idNumber ? this.cipher.encrypt(filed.idNumber) : null,
      changedFields: ordered.join(','),
      before: filed.changes ? before : null,
      beforeIdNumberHash: filed.idNumber ? s.certificate.idNumberHash : null,
      reason: input.reason,
      workOrder: input.workOrder ? { ...input.workOrder } : null,
      urgency: input.workOrder?.urgency ?? null,
    };
  }

  private filedChanges(c: Correction): FiledChanges {
    return { changes: c.changes, idNumber: c.idNumberEnc ? this.cipher.decrypt(c.idNumberEnc) : null };
  }

  /** What the audit trail keeps of a request: the changed fields with the ID number masked (R-9). */
  private auditView(type: CorrectionType, route: CorrectionRoute, filed: FiledChanges, s: CorrectionSubject) {
    return {
      certificateId: s.certificate.id,
      type,
      route: route.kind,
      changes: filed.changes,
      ...(filed.idNumber ? { idNumber: maskIdNumber(filed.idNumber) } : {}),
    };
  }

  /** When a stage is due: work orders by 附件4's urgency (hours or working days), other stages by their period. */
  private async stageDue(
    stage: CorrectionStage,
    workOrder: WorkOrderFields | undefined,
    s: CorrectionSubject,
    now: Date,
  ): Promise<{ dueDate: string; dueAt: Date | null }> {
    if (stage.stage === 'work_order') {
      const due = workOrderDue(
        await this.calendar.calendar(),
        workOrder?.urgency ?? 'normal',
        now.toISOString(),
        s.institution.deadlineProfile,
      );
      return { dueDate: due.due, dueAt: due.dueAt ? new Date(due.dueAt) : null };
    }
    const due = await this.calendar.deadline(stage.deadlineRule, this.clock.today(), s.institution.deadlineProfile);
    return { dueDate: due.due, dueAt: null };
  }

  /**
   * Applies an approved request inside the deciding transaction. The certificate must still be as the request saw
   * it (same phase, same old values) and the rules must still allow the change; otherwise nothing is written (409).
   */
  private async apply(manager: EntityManager, actor: Actor, c: Correction): Promise<number | null> {
    const s = (await this.subject(c.certificateId, manager))!;
    const cert = s.certificate;
    if (cert.status !== phaseOfRoute(c.route) || cert.lookupStatus === 'deleted') throw certificateChanged();
    if (c.type === 'delete') {
      if (!(await this.certificates.markDeleted(manager, cert.id, this.clock.now()))) throw certificateChanged();
      // The certificate's own trail says it left lookup, why and by which request (R-23, R-38).
      await this.audit.record(manager, subjectOf(actor), {
        action: 'certificate.delete',
        targetType: 'certificate',
        targetId: cert.id,
        before: { lookupStatus: cert.lookupStatus },
        after: { lookupStatus: 'deleted', correctionId: c.id, reason: c.reason },
        detail: `按删除申请 #${c.id} 逻辑删除证书（证书编号 ${cert.certificateNumber}）：${c.reason}`,
      });
      await this.rechecks.endForDeletion(manager, actor, cert.id, c.id);
      return null;
    }
    const current = s.current;
    for (const [field, was] of Object.entries(c.before ?? {})) {
      const still =
        field === 'idNumber'
          ? cert.idNumberHash === c.beforeIdNumberHash
          : (current[field as CorrectableField] ?? null) === null
            ? was === null
            : String(current[field as CorrectableField]) === was;
      if (!still) throw certificateChanged();
    }
    const filed = this.filedChanges(c);
    const changes: CorrectionChanges = {
      ...(filed.changes ?? {}),
      ...(filed.idNumber ? { idNumber: filed.idNumber } : {}),
    };
    const purposes = (await this.attachments.findByIds(await this.corrections.attachmentIdsOf(c.id))).map(
      (a) => a.purpose,
    );
    const refusal = await this.refusal(s, 'modify', changes, purposes, false, { manager, correctionId: c.id });
    if (refusal) throw refusal;
    const after = { ...current, ...changes };
    // The strict check above refused whatever the change brings; what the stored record already lacked under today's
    // rules (an expired scope, a later registration date) must not stop the row from being written.
    const parsed = parseCertificateRecord(after, {
      ...this.validationOf(s),
      institution: { registeredAt: '1900-01-01', scope: [openScope(after)] },
    });
    if (!parsed.record) {
      const first = parsed.issues.find((i) => i.severity === 'error');
      throw new DomainError(
        'CORRECTION_INVALID',
        `修改后的证书数据不符合校验规则：${first?.column ?? ''}${first?.message ?? ''}`,
      );
    }
    // Another certificate may have taken the number since the request was filed (R-8: unique nationally).
    if (
      parsed.record.certificateNumber !== cert.certificateNumber &&
      (await this.certificates.numberTakenElsewhere(parsed.record.certificateNumber, cert.id))
    ) {
      throw numberTakenError();
    }
    await this.certificates.keepHistory(manager, cert, actor.userId, 'correction', c.reason, c.id);
    await this.certificates.updateVersioned(
      manager,
      { id: cert.id, version: cert.version },
      certificateFields(parsed.record, this.cipher),
    );
    // A correction opened by a confirmed re-check ends the suspension: the corrected certificate is found again (R-26).
    if (c.recheckId !== null && cert.lookupStatus === 'suspended') {
      await this.certificates.changeLookupStatus(manager, cert.id, 'suspended', 'visible');
      await this.audit.record(manager, subjectOf(actor), {
        action: 'certificate.resume_lookup',
        targetType: 'certificate',
        targetId: cert.id,
        before: { lookupStatus: 'suspended' },
        after: { lookupStatus: 'visible', correctionId: c.id, recheckId: c.recheckId },
        detail: `复核确认的问题已按更正申请 #${c.id} 修改，证书恢复查询（证书编号 ${cert.certificateNumber}）`,
      });
    }
    await this.audit.record(manager, subjectOf(actor), {
      action: 'certificate.correct',
      targetType: 'certificate',
      targetId: cert.id,
      before: c.before,
      after: {
        ...(filed.changes ?? {}),
        ...(filed.idNumber ? { idNumber: maskIdNumber(filed.idNumber) } : {}),
        correctionId: c.id,
      },
      detail: `按更正申请 #${c.id} 修改证书数据（证书编号 ${cert.certificateNumber}）`,
    });
    return (await this.certificates.historyCount(manager, cert.id)) + 1;
  }
}

/** A scope entry admitting the record's own occupation at every level, at any date. */
function openScope(record: CertificateRecordInput) {
  return {
    occupationCode: String(record.occupationCode ?? ''),
    occupationName: String(record.occupationName ?? ''),
    levels: [1, 2, 3, 4, 5],
    validFrom: '1900-01-01',
    validTo: null,
  };
}

function pendingRefusal(): DomainError {
  return new DomainError('CORRECTION_PENDING', DOMAIN_ERRORS.CORRECTION_PENDING);
}

function notPending(c: Correction): DomainError {
  return c.status === 'applied' || c.status === 'withdrawn'
    ? correctionError('CORRECTION_NOT_OPEN')
    : new DomainError('CORRECTION_WRONG_STATE', '该申请已退回申请人或待补充提交，当前不能审核');
}

function certificateChanged(): DomainError {
  return correctionError('CORRECTION_CERTIFICATE_CHANGED');
}

/** R-8: the new number is another certificate's. */
function numberTakenError(): DomainError {
  return new DomainError(
    'CORRECTION_INVALID',
    '修改后的证书数据不符合校验规则（证书编号）：证书编号已存在于全国证书库中',
    {
      field: 'certificateNumber',
      reason: '证书编号已存在于全国证书库中',
    },
  );
}
