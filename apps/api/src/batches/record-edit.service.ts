import { Injectable } from '@nestjs/common';
import { EDITABLE_CERTIFICATE_FIELDS } from '@app/contracts';
import { CertificateRecordInput, DomainError, parseCertificateRecord } from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { staleVersion } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { assertMaintains } from '../organisations/institution-maintenance';
import { certificateFields } from '../certificates/certificate-fields';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { publicView } from '../certificates/certificates.service';
import { BatchesRepository } from './batches.repository';
import { EditCertificateDto } from './dto/record-edit.dto';
import { decidedBy } from './entities/batch-decision.entity';

/**
 * R-13 resubmission by editing: a record of a draft or returned batch is corrected in the console, validated
 * exactly like an imported row (R-8), and its previous version kept (R-19). Published data is never edited here.
 * A batch workflow use case (it depends on the batch's state and writes to its trail), so it lives with batches.
 */
@Injectable()
export class RecordEditService {
  constructor(
    private readonly batches: BatchesRepository,
    private readonly certificates: CertificatesRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly jurisdiction: JurisdictionService,
    private readonly occupations: OccupationCatalogue,
  ) {}

  async edit(actor: Actor, id: number, dto: EditCertificateDto) {
    const current = await this.certificates.findById(id);
    const found = current && (await this.batches.findById(current.batchId));
    this.jurisdiction.assertWithin(actor, found?.orgPath, '证书');
    const [certificate, batch] = [current!, found!];
    if (batch.status !== 'draft' && batch.status !== 'returned') {
      throw new DomainError(
        'CERTIFICATE_NOT_EDITABLE',
        '已进入审核或已发布的证书不能直接修改；已发布证书须按更正流程办理（R-19）',
      );
    }
    if (certificate.version !== dto.version) throw staleVersion();
    const institution = await this.batches.organisationOrFail(batch.institutionId);
    assertMaintains(actor, institution);

    const input: CertificateRecordInput = { idNumber: dto.idNumber ?? this.cipher.decrypt(certificate.idNumberEnc) };
    for (const field of EDITABLE_CERTIFICATE_FIELDS) {
      const value = dto[field] !== undefined ? dto[field] : certificate[field];
      input[field] = value === null ? undefined : value;
    }
    const parsed = parseCertificateRecord(input, {
      today: this.clock.today(),
      kind: batch.kind,
      institution: { registeredAt: institution.registeredAt ?? '1900-01-01', scope: institution.scope ?? [] },
      catalogue: this.occupations.catalogue,
    });
    const errors = parsed.issues
      .filter((i) => i.severity === 'error')
      .map((i) => ({ column: i.column, message: i.message }));
    const record = parsed.record;
    if (record) {
      if (await this.certificates.numberTakenElsewhere(record.certificateNumber, id)) {
        errors.push({ column: '证书编号', message: '证书编号已存在于全国证书库中' });
      }
      const twin = await this.certificates.twinInBatch(
        batch.id,
        {
          idNumberHash: this.cipher.blindIndex(record.idNumberCanonical),
          occupationCode: record.occupationCode,
          level: record.level,
        },
        id,
      );
      if (twin) errors.push({ column: '证件号码', message: '本批次中已有同一证件号码、职业和等级的证书' });
    }
    if (!record || errors.length) {
      throw new DomainError(
        'CERTIFICATE_INVALID',
        `修改未保存：${errors.map((e) => `${e.column}：${e.message}`).join('；')}`,
        { errors },
      );
    }

    await this.uow.run(async (manager) => {
      await this.certificates.keepHistory(manager, certificate, actor.userId, 'edit', dto.reason);
      await this.certificates.updateVersioned(
        manager,
        { id, version: dto.version },
        certificateFields(record, this.cipher),
      );
      await this.batches.insertDecision(manager, {
        batchId: batch.id,
        action: 'record_edit',
        stage: batch.status,
        resultStatus: batch.status,
        ...decidedBy(actor),
        recordCount: 1,
        comment: `修改第 ${certificate.rowNumber} 行（${certificate.certificateNumber}）：${dto.reason}`,
      });
      const after = await this.certificates.findByIdIn(manager, id);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'certificate.edit',
        targetType: 'certificate',
        targetId: id,
        before: publicView(certificate),
        after: publicView(after),
        detail: dto.reason,
      });
    });
    return publicView((await this.certificates.findById(id))!);
  }
}
