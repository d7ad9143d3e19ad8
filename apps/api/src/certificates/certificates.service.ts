import { Inject, Injectable } from '@nestjs/common';
import { canonicalIdNumberForSearch, DomainError, hasPermission, maskIdNumber } from '@app/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Actor, subjectOf } from '../common/actor/actor';
import { forbidden } from '../common/errors/app-errors';
import { QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { assertMaintains } from '../organisations/institution-maintenance';
import { CERTIFICATE_LIST } from './certificate-list';
import { CertificatesRepository } from './certificates.repository';
import { Certificate } from './entities/certificate.entity';
import { LOOKUP_STATUS_LABELS, type CertificateRecord } from '@app/contracts';

/** Certificate records as staff see them: ID numbers masked; a full view is an audited act. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly uow: UnitOfWork,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Lists are narrowed to one batch, one exact certificate number or one exact ID number, so they stay on indexes. */
  async list(actor: Actor, query: QueryOf<typeof CERTIFICATE_LIST>) {
    const { id, batchId, certificateNumber } = query.filter;
    const idNumberHash = await this.idNumberSearch(actor, query.filter.idNumber);
    if (!id && !batchId && !certificateNumber && !idNumberHash) {
      throw new DomainError('BAD_QUERY', '请按批次、证书编号或证件号码查询证书');
    }
    const { rows, total } = await this.certificates.listPage(
      query,
      (qb, path) => this.jurisdiction.restrictList(qb, path, actor),
      {
        certificateNumber: certificateNumber ? certificateNumber.trim().toUpperCase() : undefined,
        idNumberHash,
      },
    );
    return { rows: rows.map(publicView), total };
  }

  async get(actor: Actor, id: number) {
    return publicView((await this.within(actor, id)).certificate);
  }

  /**
   * an exact search by ID number confirms a full number (birth date and last four are shown masked, so a
   * few guesses would recover it): it needs the reveal permission — decided before the value is even looked at —,
   * is rate-limited per user and audited (masked number and blind index, never the number). Returns the blind index.
   */
  /**
   * an ID-number search is decided (permission, then the per-user limit) from the raw filter, before the
   * list parser validates the value, so nobody without the unmask permission learns anything from a refusal.
   */
  async guardIdNumberSearch(actor: Actor, rawFilter: unknown): Promise<void> {
    let filter: unknown;
    try {
      filter = typeof rawFilter === 'string' && rawFilter ? JSON.parse(rawFilter) : undefined;
    } catch {
      return;
    }
    if (typeof filter !== 'object' || filter === null || !Object.hasOwn(filter, 'idNumber')) return;
    const raw = (filter as Record<string, unknown>).idNumber;
    if (raw === undefined || raw === null || raw === '') return;
    if (!hasPermission(actor.roles, 'certificates.unmask')) throw forbidden('按证件号码查询需要查看完整证件号码的权限');
    const limit = this.config.personalData.idSearchesPerHour;
    await this.rateLimits.enforce(
      `certificates.id-search:user:${actor.userId}`,
      { limit, windowSeconds: 3600 },
      `按证件号码查询过于频繁：每人每小时最多 ${limit} 次，请稍后再试`,
    );
  }

  private async idNumberSearch(actor: Actor, raw: unknown): Promise<string | undefined> {
    if (raw === undefined || raw === null || raw === '') return undefined;
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!/^[0-9A-Za-z]{6,40}$/.test(value)) throw new DomainError('BAD_QUERY', '证件号码应为 6–40 位字母或数字');
    // A legacy 15-digit number finds the records stored under its 18-digit upgrade (R-9 search by either form).
    const hash = this.cipher.blindIndex(canonicalIdNumberForSearch(value));
    await this.audit.recordStandalone(subjectOf(actor), {
      action: 'certificate.id.search',
      targetType: 'certificate',
      after: { idNumberHash: hash },
      detail: `按证件号码精确查询证书（${maskIdNumber(value.toUpperCase())}）`,
    });
    return hash;
  }

  /** the full ID number, once, with an audit record of who saw it; rate-limited per user. */
  async revealIdNumber(actor: Actor, id: number): Promise<{ idNumber: string }> {
    const limit = this.config.personalData.revealsPerHour;
    await this.rateLimits.enforce(
      `certificates.reveal:user:${actor.userId}`,
      { limit, windowSeconds: 3600 },
      `查看完整证件号码过于频繁：每人每小时最多 ${limit} 次，请稍后再试`,
    );
    const { certificate, institution } = await this.within(actor, id);
    if (actor.organisationLevel === 'institution') assertMaintains(actor, institution);
    const idNumber = this.cipher.decrypt(certificate.idNumberEnc);
    await this.uow.run((manager) =>
      this.audit.record(manager, subjectOf(actor), {
        action: 'certificate.id.reveal',
        targetType: 'certificate',
        targetId: id,
        detail: `查看完整证件号码（证书编号 ${certificate.certificateNumber}）`,
      }),
    );
    return { idNumber };
  }

  /** The record with its institution, or 404 outside the caller's jurisdiction. */
  async within(actor: Actor, id: number) {
    const found = await this.certificates.findWithInstitution(id);
    this.jurisdiction.assertWithin(actor, found?.institution.path, '证书');
    return found!;
  }
}

/** Never the ciphertext or the blind index. */
/** The certificates API's row (libs/contracts): the entity without the encrypted number and its blind index. */
export type CertificateView = Omit<Certificate, 'idNumberEnc' | 'idNumberHash'> & CertificateRecord;

export function publicView(c: Certificate): CertificateView {
  const { idNumberEnc: _enc, idNumberHash: _hash, ...rest } = c;
  return { ...rest, lookupStatusLabel: c.lookupStatus ? LOOKUP_STATUS_LABELS[c.lookupStatus] : null };
}
