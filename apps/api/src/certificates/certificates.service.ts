import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { applySortAndRange, idListFilter, ListQuery, stringFilter } from '../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Batch } from '../batches/entities/batch.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { assertMaintains } from '../organisations/institution-maintenance';
import { Certificate } from './entities/certificate.entity';

const SORTABLE = { id: 'c.id', rowNumber: 'c.rowNumber', issueDate: 'c.issueDate', holderName: 'c.holderName', certificateNumber: 'c.certificateNumber' };

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
  async list(actor: Actor, query: ListQuery) {
    const qb = this.dataSource.getRepository(Certificate).createQueryBuilder('c').innerJoin(Batch, 'b', 'b.id = c.batchId');
    this.jurisdiction.restrictList(qb, 'b.orgPath', actor);
    const ids = idListFilter(query.filter);
    const batchId = stringFilter(query.filter, 'batchId');
    const certificateNumber = stringFilter(query.filter, 'certificateNumber');
    const idNumber = stringFilter(query.filter, 'idNumber');
    if (!ids && !batchId && !certificateNumber && !idNumber) {
      throw new DomainError('BAD_QUERY', '请按批次、证书编号或证件号码查询证书');
    }
    if (ids) qb.andWhere('c.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (batchId) qb.andWhere('c.batchId = :batchId', { batchId: Number(batchId) });
    if (certificateNumber) qb.andWhere('c.certificateNumber = :certificateNumber', { certificateNumber: certificateNumber.trim().toUpperCase() });
    if (idNumber) qb.andWhere('c.idNumberHash = :hash', { hash: this.cipher.blindIndex(idNumber) });
    const status = stringFilter(query.filter, 'status');
    if (status) qb.andWhere('c.status = :status', { status });
    const total = await qb.getCount();
    const rows = await applySortAndRange(qb, query, SORTABLE, 'c.id').getMany();
    return { rows: rows.map(publicView), total };
  }

  async get(actor: Actor, id: number) {
    return publicView(await this.certificateWithin(actor, id));
  }

  /** the full ID number, once, with an audit record of who saw it. */
  async revealIdNumber(actor: Actor, id: number): Promise<{ idNumber: string }> {
    const certificate = await this.certificateWithin(actor, id);
    if (actor.organisationLevel === 'institution') {
      assertMaintains(actor, await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: certificate.institutionId }));
    }
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
