import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { applyFilters, defineList, fetchPage, QueryOf } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Batch } from '../batches/entities/batch.entity';
import { Certificate } from './entities/certificate.entity';

export const CERTIFICATE_LIST = defineList({
  resource: 'certificates',
  sort: { id: 'c.id', rowNumber: 'c.rowNumber', issueDate: 'c.issueDate', holderName: 'c.holderName', certificateNumber: 'c.certificateNumber' },
  defaultSort: { field: 'rowNumber', order: 'ASC' },
  tieBreaker: 'c.id',
  filters: {
    id: { type: 'idList', column: 'c.id' },
    batchId: { type: 'id', column: 'c.batchId' },
    // Normalised and compared below; the ID number only through its blind index.
    certificateNumber: { type: 'text', maxLength: 40 },
    idNumber: { type: 'text', maxLength: 40 },
    status: { type: 'enum', values: ['draft', 'in_review', 'returned', 'published'], column: 'c.status' },
  },
});

/** Certificate records as staff see them: ID numbers masked; a full view is an audited act. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly jurisdiction: JurisdictionService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  /** Lists are narrowed to one batch, one exact certificate number or one exact ID number, so they stay on indexes. */
  async list(actor: Actor, query: QueryOf<typeof CERTIFICATE_LIST>) {
    const qb = this.dataSource.getRepository(Certificate).createQueryBuilder('c').innerJoin(Batch, 'b', 'b.id = c.batchId');
    this.jurisdiction.restrictList(qb, 'b.orgPath', actor);
    const { id, batchId, certificateNumber, idNumber } = query.filter;
    if (!id && !batchId && !certificateNumber && !idNumber) {
      throw new DomainError('BAD_QUERY', '请按批次、证书编号或证件号码查询证书');
    }
    applyFilters(qb, query);
    if (certificateNumber) qb.andWhere('c.certificateNumber = :certificateNumber', { certificateNumber: certificateNumber.trim().toUpperCase() });
    if (idNumber) qb.andWhere('c.idNumberHash = :hash', { hash: this.cipher.blindIndex(idNumber) });
    const { rows, total } = await fetchPage(qb, query);
    return { rows: rows.map(publicView), total };
  }

  async get(actor: Actor, id: number) {
    return publicView(await this.certificateWithin(actor, id));
  }

  /** the full ID number, once, with an audit record of who saw it. */
  async revealIdNumber(actor: Actor, id: number): Promise<{ idNumber: string }> {
    const certificate = await this.certificateWithin(actor, id);
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

  private async certificateWithin(actor: Actor, id: number): Promise<Certificate> {
    const certificate = await this.dataSource.getRepository(Certificate).findOneBy({ id });
    const batch = certificate && (await this.dataSource.getRepository(Batch).findOneBy({ id: certificate.batchId }));
    this.jurisdiction.assertWithin(actor, batch?.orgPath, '证书');
    return certificate as Certificate;
  }
}

/** Never the ciphertext or the blind index. */
export function publicView(c: Certificate) {
  const { idNumberEnc: _enc, idNumberHash: _hash, ...rest } = c;
  return rest;
}
