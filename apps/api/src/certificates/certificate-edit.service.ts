import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { CertificateRecordInput, DomainError, parseCertificateRecord } from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { staleVersion } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { assertMaintains } from '../organisations/institution-maintenance';
import { Batch } from '../batches/entities/batch.entity';
import { BatchDecision, decidedBy } from '../batches/entities/batch-decision.entity';
import { certificateFields } from './certificate-fields';
import { CertificateHistoryService } from './certificate-history.service';
import { publicView } from './certificates.service';
import { EditCertificateDto } from './dto/certificate.dto';
import { Certificate } from './entities/certificate.entity';

const EDITABLE_FIELDS = [
  'holderName', 'idType', 'gender', 'birthDate', 'education', 'occupationCode', 'occupationName', 'workType', 'level',
  'certificateNumber', 'issueDate', 'admissionTicket', 'theoryScore', 'practicalScore', 'comprehensiveScore', 'result',
] as const;

/**
 * R-13 resubmission by editing: a record of a draft or returned batch is corrected in the console, validated
 * exactly like an imported row (R-8), and its previous version kept (R-19). Published data is never edited here.
 */
@Injectable()
export class CertificateEditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly jurisdiction: JurisdictionService,
    private readonly occupations: OccupationCatalogue,
    private readonly history: CertificateHistoryService,
  ) {}

  async edit(actor: Actor, id: number, dto: EditCertificateDto) {
    const current = await this.dataSource.getRepository(Certificate).findOneBy({ id });
    const batch = current && (await this.dataSource.getRepository(Batch).findOneBy({ id: current.batchId }));
    this.jurisdiction.assertWithin(actor, batch?.orgPath, '证书');
    const certificate = current as Certificate;
    if (batch!.status !== 'draft' && batch!.status !== 'returned') {
      throw new DomainError('CERTIFICATE_NOT_EDITABLE', '已进入审核或已发布的证书不能直接修改；已发布证书须按更正流程办理（R-19）');
    }
    if (certificate.version !== dto.version) throw staleVersion();
    const institution = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: batch!.institutionId });
    assertMaintains(actor, institution);

    const input: CertificateRecordInput = { idNumber: dto.idNumber ?? this.cipher.decrypt(certificate.idNumberEnc) };
    for (const field of EDITABLE_FIELDS) {
      const value = dto[field] !== undefined ? dto[field] : certificate[field];
      input[field] = value === null ? undefined : value;
    }
    const parsed = parseCertificateRecord(input, {
      today: this.clock.today(),
      kind: batch!.kind,
      institution: { registeredAt: institution.registeredAt ?? '1900-01-01', scope: institution.scope ?? [] },
      catalogue: this.occupations.catalogue,
    });
    const errors = parsed.issues.filter((i) => i.severity === 'error').map((i) => ({ column: i.column, message: i.message }));
    const record = parsed.record;
    if (record) {
      const repo = this.dataSource.getRepository(Certificate);
      if (await repo.existsBy({ certificateNumber: record.certificateNumber, id: Not(id) })) {
        errors.push({ column: '证书编号', message: '证书编号已存在于全国证书库中' });
      }
      const twin = await repo.existsBy({
        batchId: batch!.id,
        idNumberHash: this.cipher.blindIndex(record.idNumberCanonical),
        occupationCode: record.occupationCode,
        level: record.level ?? undefined,
        id: Not(id),
      });
      if (twin) errors.push({ column: '证件号码', message: '本批次中已有同一证件号码、职业和等级的证书' });
    }
    if (!record || errors.length) {
      throw new DomainError('CERTIFICATE_INVALID', `修改未保存：${errors.map((e) => `${e.column}：${e.message}`).join('；')}`, { errors });
    }

    await this.uow.run(async (manager) => {
      await this.history.keep(manager, certificate, actor, 'edit', dto.reason);
      const result = await manager
        .createQueryBuilder()
        .update(Certificate)
        .set({
          ...certificateFields(record, this.cipher),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id, version: dto.version })
        .execute();
      if (!result.affected) throw staleVersion();
      await manager.getRepository(BatchDecision).insert({
        batchId: batch!.id,
        action: 'record_edit',
        stage: batch!.status,
        resultStatus: batch!.status,
        ...decidedBy(actor),
        recordCount: 1,
        comment: `修改第 ${certificate.rowNumber} 行（${certificate.certificateNumber}）：${dto.reason}`,
      });
      const after = await manager.getRepository(Certificate).findOneByOrFail({ id });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'certificate.edit',
        targetType: 'certificate',
        targetId: id,
        before: publicView(certificate),
        after: publicView(after),
        detail: dto.reason,
      });
    });
    return publicView(await this.dataSource.getRepository(Certificate).findOneByOrFail({ id }));
  }
}

