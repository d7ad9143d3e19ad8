import { Injectable } from '@nestjs/common';
import {
  CORRECTABLE_FIELDS,
  deadlineStatus,
  maskIdNumber,
  CERTIFICATE_RECORD_COLUMNS,
  type CorrectableField,
} from '@app/domain';
import {
  CORRECTION_ROUTE_LABELS,
  CORRECTION_STAGE_LABELS,
  CORRECTION_STATUS_LABELS,
  CORRECTION_TYPE_LABELS,
  WORK_ORDER_URGENCY_LABELS,
  type CorrectionChangeView,
  type CorrectionDetail,
  type CorrectionRow,
} from '@app/contracts';
import { Clock } from '../common/clock';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { CalendarService } from '../calendar/calendar.service';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { FieldCipher } from '../crypto/field-cipher';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UsersRepository } from '../users/users.repository';
import { routeOfRequest } from './correction-subject';
import { CorrectionsRepository, DEADLINE_RUNNING_STATUSES } from './corrections.repository';
import type { Correction } from './entities/correction.entity';

const HEADER_OF_FIELD = new Map<string, string>(CERTIFICATE_RECORD_COLUMNS.map((c) => [c.field, c.header]));

/** The template's Chinese column header of a field (出生日期 …). */
export function fieldLabel(field: CorrectableField): string {
  return HEADER_OF_FIELD.get(field) ?? field;
}

/** The console's page of a request (the digest and the deadline board link to it). */
export const correctionLinkPath = (id: number) => `/corrections/${id}/show`;

/** Requests as the API shows them: names, labels, due countdowns; ID numbers only masked. */
@Injectable()
export class CorrectionViews {
  constructor(
    private readonly corrections: CorrectionsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly calendar: CalendarService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async rows(list: Correction[]): Promise<CorrectionRow[]> {
    if (list.length === 0) return [];
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    const certificates = new Map(
      (await this.certificates.findByIds([...new Set(list.map((c) => c.certificateId))])).map((c) => [c.id, c]),
    );
    const institutions = await this.organisations.namesByIds(list.map((c) => c.institutionId));
    const people = await this.users.labelsByIds(list.map((c) => c.requestedById));
    return list.map((c): CorrectionRow => {
      const certificate = certificates.get(c.certificateId);
      const running = DEADLINE_RUNNING_STATUSES.includes(c.status) && c.dueDate !== null;
      const s = running ? deadlineStatus(calendar, c.dueDate!, today) : null;
      const overdueByHours = running && c.dueAt !== null && c.dueAt.getTime() < this.clock.now().getTime();
      return {
        id: c.id,
        certificateId: c.certificateId,
        certificateNumber: certificate?.certificateNumber ?? '',
        holderName: certificate?.holderName ?? '',
        institutionId: c.institutionId,
        institutionName: institutions.get(c.institutionId) ?? '',
        type: c.type,
        typeLabel: CORRECTION_TYPE_LABELS[c.type],
        route: c.route,
        routeLabel: CORRECTION_ROUTE_LABELS[c.route],
        status: c.status,
        statusLabel: CORRECTION_STATUS_LABELS[c.status],
        stage: c.stage,
        stageLabel: c.stage ? CORRECTION_STAGE_LABELS[c.stage] : null,
        urgency: c.urgency,
        urgencyLabel: c.urgency ? WORK_ORDER_URGENCY_LABELS[c.urgency] : null,
        dueAt: running && c.dueAt ? c.dueAt.toISOString() : null,
        dueDate: running ? c.dueDate : null,
        overdue: overdueByHours || (s?.overdue ?? false),
        workingDaysLeft: s ? (s.overdue ? -s.workingDaysOverdue : s.workingDaysLeft) : null,
        dueText: s ? (overdueByHours && !s.overdue ? '已超过要求完成时间' : s.text) : null,
        requestedById: c.requestedById,
        requestedByName: people.get(c.requestedById) ?? '',
        requestedAt: c.requestedAt.toISOString(),
        version: c.version,
      };
    });
  }

  async detail(c: Correction): Promise<CorrectionDetail> {
    const [row] = await this.rows([c]);
    const institution = await this.organisations.findById(c.institutionId);
    const parent = institution?.parentId ? await this.organisations.findById(institution.parentId) : null;
    const route = routeOfRequest(c, parent?.level ?? 'municipal');
    const cited = await this.attachments.findByIds(await this.corrections.attachmentIdsOf(c.id));
    const decisions = await this.corrections.decisionsOf(c.id);
    return {
      ...row,
      reason: c.reason,
      changes: this.changes(c),
      workOrder: c.workOrder,
      attachments: cited.map((a) => ({ id: a.id, purpose: a.purpose, fileName: a.fileName })),
      stages: route.stages.map((st) => ({
        stage: st.stage,
        stageLabel: CORRECTION_STAGE_LABELS[st.stage],
        role: st.role,
        level: st.level,
        applies: st.applies,
      })),
      decisions: decisions.map((d) => ({
        stage: d.stage,
        action: d.action,
        actorName: d.actorName,
        reason: d.reason,
        at: d.at.toISOString(),
      })),
      returnReason: c.returnReason,
      appliedVersion: c.appliedVersion,
      recheckId: c.recheckId,
    };
  }

  /** Each requested change with the value it had when filed; the ID number masked on both sides. */
  private changes(c: Correction): CorrectionChangeView[] {
    const fields = c.changedFields ? (c.changedFields.split(',') as CorrectableField[]) : [];
    return CORRECTABLE_FIELDS.filter((f) => fields.includes(f)).map((field) => ({
      field,
      fieldLabel: fieldLabel(field),
      before: c.before?.[field] ?? null,
      after:
        field === 'idNumber'
          ? c.idNumberEnc
            ? maskIdNumber(this.cipher.decrypt(c.idNumberEnc))
            : null
          : c.changes?.[field] === undefined || c.changes[field] === null
            ? null
            : String(c.changes[field]),
    }));
  }
}
