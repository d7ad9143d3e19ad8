import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ancestorIds, DomainError, SUSPENSION_REFUSALS, suspensionRefusal } from '@app/domain';
import type { RecheckRow, SuspendFlagResult } from '@app/contracts';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { staleVersion } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { CertificatesService } from '../certificates/certificates.service';
import { Certificate } from '../certificates/entities/certificate.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { Flag } from '../screening/entities/flag.entity';
import { FlagsRepository } from '../screening/flags.repository';
import { FlagsService } from '../screening/flags.service';
import { RechecksRepository } from './rechecks.repository';
import { RechecksService } from './rechecks.service';

/** What one suspension needs to know besides the certificate. */
interface SuspensionContext {
  actor: Actor;
  reason: string;
  flagId: number | null;
  at: Date;
  dueDate: string;
}

/**
 * national takes certificates out of lookup (暂停查询). The lookup reads only `visible` published rows on
 * every request, with no cache of answers, so a committed suspension is invisible to every lookup mode at once. Each
 * suspended certificate keeps its review status and opens one re-check for the owning province, due
 * `screening.recheckWorkingDays` working days after the suspension day on the official calendar.
 */
@Injectable()
export class SuspensionService {
  constructor(
    private readonly certificatesService: CertificatesService,
    private readonly certificates: CertificatesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly flagsService: FlagsService,
    private readonly flags: FlagsRepository,
    private readonly rechecks: RechecksRepository,
    private readonly rechecksService: RechecksService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One certificate, optionally for a flag that concerns it: 422 when it cannot be suspended (and why). */
  async suspendCertificate(actor: Actor, certificateId: number, reason: string, flagId?: number): Promise<RecheckRow> {
    const { certificate, institution } = await this.certificatesService.within(actor, certificateId);
    let flag: Flag | null = null;
    if (flagId !== undefined) {
      flag = await this.flagsService.within(actor, flagId);
      await this.flagsService.refuseUnlessOpen(flag, true);
      if (!(await this.flags.links(flagId, certificateId))) {
        throw new DomainError('CERTIFICATE_NOT_IN_FLAG', '该证书不在所选疑似问题涉及的证书中');
      }
    }
    refuseUnlessSuspendable(certificate);
    const context = await this.context(actor, reason, flag?.id ?? null);
    const province = await this.provinceOf(institution);
    const recheckId = await this.uow.run(async (manager) => {
      const id = await this.suspendOne(manager, context, certificate, institution, province);
      if (id === null) {
        // Another request suspended it first: answer as if it had been suspended before this one was read.
        refuseUnlessSuspendable(await this.certificates.findByIdIn(manager, certificateId));
        throw staleVersion();
      }
      if (flag) await this.flagsService.markSuspended(manager, actor, flag, reason);
      return id;
    });
    return this.rechecksService.get(actor, recheckId);
  }

  /**
   * Every certificate of the flag that can be suspended; the others are listed with their reason. Nothing is
   * suspended (422) when none can be; a dismissed flag is refused (409).
   */
  async suspendFlag(actor: Actor, flagId: number, reason: string): Promise<SuspendFlagResult> {
    const flag = await this.flagsService.within(actor, flagId);
    await this.flagsService.refuseUnlessOpen(flag, true);
    const context = await this.context(actor, reason, flag.id);
    const opened: number[] = [];
    const skipped: SuspendFlagResult['skipped'] = [];
    await this.uow.run(async (manager) => {
      const ids = await this.flags.certificateIdsOf(manager, flagId);
      const certificates = await this.certificates.findByIdsIn(manager, ids);
      const institutions = new Map(
        (await this.organisations.findByIds([...new Set(certificates.map((c) => c.institutionId))], manager)).map(
          (o) => [o.id, o],
        ),
      );
      const provinces = new Map<number, Organisation>();
      for (const certificate of certificates) {
        const institution = institutions.get(certificate.institutionId)!;
        let refusal = suspensionRefusal(certificate);
        if (!refusal) {
          if (!provinces.has(institution.id)) {
            provinces.set(institution.id, await this.provinceOf(institution, manager));
          }
          const id = await this.suspendOne(manager, context, certificate, institution, provinces.get(institution.id)!);
          if (id !== null) opened.push(id);
          else refusal = suspensionRefusal(await this.certificates.findByIdIn(manager, certificate.id));
        }
        if (refusal) {
          const { certificateNumber } = certificate;
          skipped.push({ certificateId: certificate.id, certificateNumber, reason: SUSPENSION_REFUSALS[refusal] });
        }
      }
      if (opened.length === 0) {
        throw new DomainError(
          'FLAG_NOTHING_TO_SUSPEND',
          `该疑似问题涉及的证书均无法暂停查询：${[...new Set(skipped.map((s) => s.reason))].join('；')}`,
          { skipped },
        );
      }
      await this.flagsService.markSuspended(manager, actor, flag, reason);
    });
    const [row] = await this.flagsService.rows(actor, [(await this.flags.findById(flagId))!]);
    return { flag: row, rechecks: await this.rechecksService.rows(await this.rechecks.findByIds(opened)), skipped };
  }

  /**
   * Suspends one certificate while it is still visible (the conditional UPDATE decides between concurrent
   * suspensions: only one opens a re-check) and opens its re-check; null when it was no longer visible.
   */
  private async suspendOne(
    manager: EntityManager,
    context: SuspensionContext,
    certificate: Certificate,
    institution: Organisation,
    province: Organisation,
  ): Promise<number | null> {
    if (!(await this.certificates.changeLookupStatus(manager, certificate.id, 'visible', 'suspended'))) return null;
    const recheckId = await this.rechecks.insert(manager, {
      certificateId: certificate.id,
      flagId: context.flagId,
      provinceId: province.id,
      orgPath: institution.path,
      suspendReason: context.reason,
      suspendedById: context.actor.userId,
      suspendedAt: context.at,
      dueDate: context.dueDate,
    });
    await this.audit.record(manager, subjectOf(context.actor), {
      action: 'certificate.suspend',
      targetType: 'certificate',
      targetId: certificate.id,
      before: { lookupStatus: 'visible', version: certificate.version },
      after: {
        lookupStatus: 'suspended',
        version: certificate.version + 1,
        recheckId,
        dueDate: context.dueDate,
        provinceId: province.id,
        ...(context.flagId === null ? {} : { flagId: context.flagId }),
        reason: context.reason,
      },
      detail: `暂停查询（证书编号 ${certificate.certificateNumber}），由${province.name}在 ${context.dueDate} 前复核：${context.reason}`,
    });
    return recheckId;
  }

  /** The suspension day's re-check due date: working days on the official calendar. */
  private async context(actor: Actor, reason: string, flagId: number | null): Promise<SuspensionContext> {
    const calendar = await this.calendar.calendar();
    const dueDate = calendar.workingDayAfter(this.clock.today(), this.config.screening.recheckWorkingDays);
    return { actor, reason, flagId, at: this.clock.now(), dueDate };
  }

  /** The provincial centre on the institution's path: it re-checks. */
  private async provinceOf(institution: Organisation, manager?: EntityManager): Promise<Organisation> {
    const province = (await this.organisations.findByIds(ancestorIds(institution.path), manager)).find(
      (o) => o.level === 'provincial',
    );
    if (!province) throw new Error(`institution ${institution.id} has no provincial centre on its path`);
    return province;
  }
}

function refuseUnlessSuspendable(certificate: Pick<Certificate, 'status' | 'lookupStatus'>): void {
  const refusal = suspensionRefusal(certificate);
  if (refusal) throw new DomainError(refusal, SUSPENSION_REFUSALS[refusal]);
}
