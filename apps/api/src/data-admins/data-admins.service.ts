import { Injectable } from '@nestjs/common';
import {
  checkDataAdminRecord,
  DATA_ADMIN_REFUSAL_MESSAGES,
  decideDataAdmin,
  DomainError,
  maskMobile,
  type DataAdminDecision,
} from '@app/domain';
import {
  DATA_ADMIN_STATUS_LABELS,
  type DataAdminCoverageGap,
  type DataAdminHandover,
  type DataAdministratorDetail,
  type DataAdministratorRow,
} from '@app/contracts';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { badInput, staleVersion } from '../common/errors/app-errors';
import type { QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import { isUniqueViolation } from '../database/unique-violation';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { DATA_ADMIN_LIST } from './data-admin-list';
import { DataAdminsRepository } from './data-admins.repository';
import type { RegisterDataAdministratorDto } from './dto/data-admins.dto';
import { DataAdministrator } from './entities/data-administrator.entity';

/** The record as the audit trail keeps it: everything but the encrypted mobile, which appears masked. */
function snapshot(record: DataAdministrator): Record<string, unknown> {
  const { mobileEnc: _secret, ...rest } = record;
  return rest;
}

/**
 * R-4, 附件2: each municipal centre's data administrators — registered by the centre's administrators or its
 * province, approved (or rejected) by the centre's head; approving the next one is the recorded handover from the
 * active one, in the same transaction. Reminders read the active ones (reminders.repository.ts).
 */
@Injectable()
export class DataAdminsService {
  constructor(
    private readonly repository: DataAdminsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    query: QueryOf<typeof DATA_ADMIN_LIST>,
  ): Promise<{ rows: DataAdministratorRow<Date>[]; total: number }> {
    const { rows, total } = await this.repository.listPage(query, actor.organisationPath);
    return { rows: await this.rows(rows, false), total };
  }

  /** The record (mobile masked; revealMobile shows it, audited) and its centre's handover history, newest first. */
  async get(actor: Actor, id: number): Promise<DataAdministratorDetail<Date>> {
    const record = await this.within(actor, id);
    const [row] = await this.rows([record], false);
    const history = (await this.repository.ofCentre(record.organisationId)).filter((r) => r.activatedAt !== null);
    const approvers = await this.repository.userNames(history.flatMap((r) => r.decidedById ?? []));
    const nameOf = new Map(history.map((r) => [r.id, r.name]));
    const missing = history.flatMap((r) => (r.predecessorId && !nameOf.has(r.predecessorId) ? [r.predecessorId] : []));
    for (const r of await this.repository.findByIds(missing)) nameOf.set(r.id, r.name);
    const handovers: DataAdminHandover<Date>[] = history
      .sort((a, b) => b.activatedAt!.getTime() - a.activatedAt!.getTime() || b.id - a.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        activatedAt: r.activatedAt!,
        approvedByName: r.decidedById === null ? null : (approvers.get(r.decidedById)?.name ?? null),
        predecessorId: r.predecessorId,
        predecessorName: r.predecessorId === null ? null : (nameOf.get(r.predecessorId) ?? null),
        replacedAt: r.replacedAt,
      }));
    return { ...row, handovers };
  }

  /** The full mobile number, with an audit record of who saw it (personal data: masked everywhere else). */
  async revealMobile(actor: Actor, id: number): Promise<{ mobile: string }> {
    const record = await this.within(actor, id);
    const mobile = this.cipher.decrypt(record.mobileEnc);
    await this.uow.run((manager) =>
      this.audit.record(manager, subjectOf(actor), {
        action: 'data_admin.mobile.reveal',
        targetType: 'data_administrator',
        targetId: id,
        detail: `查看数据管理员完整手机号码（${record.name}）`,
      }),
    );
    return { mobile };
  }

  /**
   * Registers a centre's `municipal_admin` with the 附件2 form, pending the head's approval. The account must lie in
   * the caller's jurisdiction (404 otherwise) and be an enabled `municipal_admin` of a municipal centre (422).
   */
  async register(actor: Actor, dto: RegisterDataAdministratorDto): Promise<DataAdministratorDetail<Date>> {
    const user = await this.repository.findUser(dto.userId);
    const centre = user ? await this.organisations.findById(user.organisationId) : null;
    this.jurisdiction.assertWithin(actor, centre?.path, '账号');
    if (!centre || centre.level !== 'municipal' || !eligible(user, centre.id)) throw notEligible();
    const check = checkDataAdminRecord(dto);
    if (!check.ok) {
      throw new DomainError('DATA_ADMIN_INVALID', check.problems.map((p) => p.message).join('；'), check.problems);
    }
    const { mobile, ...form } = check.value;
    const id = await this.uow.run(async (manager) => {
      if (await this.repository.pendingOfUser(manager, centre.id, user.id)) {
        throw new DomainError('DATA_ADMIN_ALREADY_PENDING', `${user.displayName}已有一份待负责人审批的数据管理员登记`);
      }
      const inserted = await this.repository.insert(manager, {
        organisationId: centre.id,
        orgPath: centre.path,
        userId: user.id,
        name: user.displayName,
        ...form,
        mobileEnc: this.cipher.encrypt(mobile),
        mobileMasked: maskMobile(mobile),
        registeredById: actor.userId,
        registeredAt: this.clock.now(),
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'data_admin.register',
        targetType: 'data_administrator',
        targetId: inserted,
        after: snapshot((await this.repository.findById(inserted, manager))!),
      });
      return inserted;
    });
    return this.get(actor, id);
  }

  /** The head approves: the record becomes active and the centre's active one, if any, hands over to it. */
  approve(actor: Actor, id: number, version: number): Promise<DataAdministratorDetail<Date>> {
    return this.decide(actor, id, version, 'approve', null);
  }

  reject(actor: Actor, id: number, version: number, reason: string): Promise<DataAdministratorDetail<Date>> {
    return this.decide(actor, id, version, 'reject', reason);
  }

  /** Municipal centres within the caller's jurisdiction with no active administrator (the dashboard's warning). */
  async coverage(actor: Actor): Promise<DataAdminCoverageGap[]> {
    const gaps = await this.repository.coverageGaps(actor.organisationPath);
    const parents = await this.organisations.namesByIds(gaps.flatMap((g) => g.parentId ?? []));
    return gaps.map((g) => ({
      organisationId: g.id,
      name: g.name,
      regionCode: g.regionCode,
      parentName: g.parentId === null ? null : (parents.get(g.parentId) ?? null),
      pending: g.pending,
    }));
  }

  private async decide(
    actor: Actor,
    id: number,
    version: number,
    decision: DataAdminDecision,
    reason: string | null,
  ): Promise<DataAdministratorDetail<Date>> {
    const record = await this.within(actor, id);
    if (decision === 'approve') {
      // The account may have changed since it was registered (disabled, moved, its role taken away); and a head
      // never approves their own registration.
      if (!eligible(await this.repository.findUser(record.userId), record.organisationId)) throw notEligible();
      if (record.userId === actor.userId) {
        throw new DomainError('DATA_ADMIN_NOT_HEAD', '不能审批本人的数据管理员登记，请由本中心负责人审批');
      }
    }
    await this.uow.run(async (manager) => {
      const active = await this.repository.activeOf(manager, record.organisationId);
      const transition = decideDataAdmin(
        { status: record.status, organisationId: record.organisationId, activeId: active?.id ?? null },
        actor,
        decision,
        reason,
      );
      if (!transition.ok) {
        const message = DATA_ADMIN_REFUSAL_MESSAGES[transition.refusal];
        if (transition.refusal === 'not_head') throw new DomainError('DATA_ADMIN_NOT_HEAD', message);
        if (transition.refusal === 'not_pending') throw new DomainError('DATA_ADMIN_NOT_PENDING', message);
        throw badInput(message);
      }
      if (record.version !== version) throw staleVersion();
      const now = this.clock.now();
      const subject = subjectOf(actor);
      if (transition.to === 'rejected') {
        await this.repository.decide(manager, id, version, {
          status: 'rejected',
          decidedById: actor.userId,
          decidedAt: now,
          rejectReason: reason!.trim(),
        });
      } else {
        const predecessor = transition.replaces === null ? null : active;
        if (predecessor) {
          await this.repository.replace(manager, predecessor, id, now);
          await this.audit.record(manager, subject, {
            action: 'data_admin.handover',
            targetType: 'data_administrator',
            targetId: predecessor.id,
            before: snapshot(predecessor),
            after: snapshot((await this.repository.findById(predecessor.id, manager))!),
            detail: `交接给 ${record.name}（登记 #${id}）`,
          });
        }
        try {
          await this.repository.decide(manager, id, version, {
            status: 'active',
            activeOrganisationId: record.organisationId,
            decidedById: actor.userId,
            decidedAt: now,
            activatedAt: now,
            predecessorId: predecessor?.id ?? null,
          });
        } catch (error) {
          // Another approval for the centre committed first: its administrator is the active one now.
          if (isUniqueViolation(error)) throw staleVersion();
          throw error;
        }
      }
      await this.audit.record(manager, subject, {
        action: transition.to === 'active' ? 'data_admin.approve' : 'data_admin.reject',
        targetType: 'data_administrator',
        targetId: id,
        before: snapshot(record),
        after: snapshot((await this.repository.findById(id, manager))!),
        detail:
          transition.to === 'active' ? (active ? `交接自 ${active.name}（登记 #${active.id}）` : null) : reason!.trim(),
      });
    });
    return this.get(actor, id);
  }

  /** The record, or 404 outside the caller's subtree. */
  private async within(actor: Actor, id: number): Promise<DataAdministrator> {
    const record = await this.repository.findById(id);
    this.jurisdiction.assertWithin(actor, record?.orgPath, '数据管理员登记');
    return record!;
  }

  /** Records as rows, with names; the mobile masked unless `fullMobile`. */
  private async rows(records: DataAdministrator[], fullMobile: boolean): Promise<DataAdministratorRow<Date>[]> {
    const users = await this.repository.userNames(
      records.flatMap((r) => [r.userId, r.registeredById, ...(r.decidedById === null ? [] : [r.decidedById])]),
    );
    const centres = await this.organisations.namesByIds(records.map((r) => r.organisationId));
    const predecessors = new Map(
      (await this.repository.findByIds(records.flatMap((r) => r.predecessorId ?? []))).map((r) => [r.id, r.name]),
    );
    return records.map((r) => ({
      id: r.id,
      version: r.version,
      organisationId: r.organisationId,
      organisationName: centres.get(r.organisationId) ?? '',
      userId: r.userId,
      username: users.get(r.userId)?.username ?? '',
      name: r.name,
      position: r.position,
      officePhone: r.officePhone,
      mobile: fullMobile ? this.cipher.decrypt(r.mobileEnc) : r.mobileMasked,
      qq: r.qq,
      publicContact: r.publicContact,
      status: r.status,
      statusLabel: DATA_ADMIN_STATUS_LABELS[r.status],
      registeredByName: users.get(r.registeredById)?.name ?? '',
      registeredAt: r.registeredAt,
      decidedByName: r.decidedById === null ? null : (users.get(r.decidedById)?.name ?? null),
      decidedAt: r.decidedAt,
      rejectReason: r.rejectReason,
      activatedAt: r.activatedAt,
      predecessorId: r.predecessorId,
      predecessorName: r.predecessorId === null ? null : (predecessors.get(r.predecessorId) ?? null),
      replacedAt: r.replacedAt,
      successorId: r.successorId,
    }));
  }
}

/** An enabled municipal_admin account of the centre: who may be registered and, still, approved. */
function eligible<U extends { disabled: boolean; roles: readonly string[]; organisationId: number }>(
  user: U | null,
  centreId: number,
): user is U {
  return !!user && !user.disabled && user.roles.includes('municipal_admin') && user.organisationId === centreId;
}

/** The account registered is not (or no longer) an enabled municipal_admin of the centre (422). */
function notEligible(): DomainError {
  return new DomainError(
    'DATA_ADMIN_USER_NOT_ELIGIBLE',
    '数据管理员须为本市技能中心在用的“证书数据管理员”（municipal_admin）账号',
  );
}
